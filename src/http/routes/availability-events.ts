import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { watchAvailability } from '../../app/watch-availability.js';
import { openSse, type SseStream } from '../../realtime/sse.js';
import { parseInput, textField } from '../validation.js';

const SlugParams = z.object({ slug: textField(64) });

/**
 * `GET /offices/:slug/availability/events`: an `availability` event each time a session's
 * places change, so an open booking page can refresh its counts instead of polling.
 */
export function availabilityEventRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const open = new Set<SseStream>();
    // Phones keep these streams open for as long as the page is; a shutdown must not wait for them.
    app.addHook('preClose', async () => {
      for (const stream of open) stream.close();
    });

    app.get('/offices/:slug/availability/events', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const feed = await watchAvailability(ctx, slug, (change) => stream.send('availability', change));
      reply.hijack();
      // A page that lost its stream falls back to polling, so a slow reconnect costs little.
      const stream = openSse(reply.raw, { retryMs: 10_000, heartbeatMs: 25_000 });
      open.add(stream);
      feed.start();
      stream.onClose(() => {
        feed.stop();
        open.delete(stream);
      });
    });
  };
}
