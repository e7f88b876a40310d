import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { SseStream } from '../realtime/sse.js';
import { closeStreamsOnShutdown } from './stream-registry.js';

/** A stream that only records whether it was ended. */
function recordedStream(): SseStream & { ended: boolean } {
  const listeners: (() => void)[] = [];
  const stream = {
    ended: false,
    send: () => undefined,
    sendText: () => undefined,
    onClose(listener: () => void) {
      if (stream.ended) listener();
      else listeners.push(listener);
    },
    close() {
      if (stream.ended) return;
      stream.ended = true;
      for (const listener of listeners) listener();
    },
  };
  return stream;
}

describe('event streams when the server closes', () => {
  it('ends the streams that are open when the close begins', async () => {
    const app = Fastify();
    const track = closeStreamsOnShutdown(app);
    await app.ready();
    const stream = recordedStream();
    track(stream);
    expect(stream.ended).toBe(false);
    await app.close();
    expect(stream.ended).toBe(true);
  });

  it('ends at once a stream opened after the close began, so it cannot hold the close for its lifetime', async () => {
    const app = Fastify();
    const track = closeStreamsOnShutdown(app);
    const late = recordedStream();
    // The route's handler was already running: it opens its stream while the server closes.
    app.addHook('preClose', async () => {
      setImmediate(() => track(late));
    });
    await app.ready();
    await app.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(late.ended).toBe(true);
  });

  it('forgets a stream the browser ended, and leaves the others open', async () => {
    const app = Fastify();
    const track = closeStreamsOnShutdown(app);
    await app.ready();
    const gone = recordedStream();
    const staying = recordedStream();
    track(gone);
    track(staying);
    gone.close();
    expect(staying.ended).toBe(false);
    await app.close();
    expect(staying.ended).toBe(true);
  });
});
