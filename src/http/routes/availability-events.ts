import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { watchAvailability } from '../../app/watch-availability.js';
import { openSse } from '../../realtime/sse.js';
import { closeStreamsOnShutdown, type StreamPolicy } from '../stream-registry.js';
import { parseInput, textField } from '../validation.js';

const SlugParams = z.object({ slug: textField(64) });

/**
 * `GET /offices/:slug/availability/events`: an `availability` event each time a session's
 * places change, so an open booking page can refresh its counts instead of polling.
 */
export function availabilityEventRoutes(ctx: AppContext, streams: StreamPolicy) {
  return async (app: FastifyInstance) => {
    const track = closeStreamsOnShutdown(app);

    app.get('/offices/:slug/availability/events', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      // Anyone may open these, so each address gets a few and the process a bounded number.
      const release = streams.public.take(req.ip);
      let feed;
      try {
        feed = await watchAvailability(ctx, slug, (change) => stream.send('availability', change));
      } catch (error) {
        release();
        throw error;
      }
      reply.hijack();
      // A page that lost its stream falls back to polling, so a slow reconnect costs little.
      const stream = openSse(reply.raw, { retryMs: 10_000, heartbeatMs: 25_000, maxLifetimeMs: streams.lifetimeMs });
      track(stream);
      stream.onClose(release);
      feed.start();
      stream.onClose(feed.stop);
    });
  };
}
