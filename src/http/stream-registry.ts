import type { FastifyInstance } from 'fastify';
import type { SseStream } from '../realtime/sse.js';

/**
 * Tracks a route group's open event streams and ends them when the server closes: phones and
 * TVs keep streams open for hours, and a shutdown must not wait for them. Returns the function
 * that registers a new stream.
 */
export function closeStreamsOnShutdown(app: FastifyInstance): (stream: SseStream) => void {
  const open = new Set<SseStream>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });
  return (stream) => {
    open.add(stream);
    stream.onClose(() => open.delete(stream));
  };
}
