import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import { type AvailabilityBatch, watchAvailability } from '../../app/booking/queries/watch-availability.js';
import { eventText, openSse } from '../../realtime/sse.js';
import { closeStreamsOnShutdown, type StreamPolicy } from '../stream-registry.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });

/** Window in which a stream's availability changes are sent together, each session once. */
const AVAILABILITY_COALESCE_MS = 250;

/**
 * The text of a batch, made by the first stream that writes it and reused by the others: every
 * stream of the office is handed the same batch.
 */
const batchTexts = new WeakMap<AvailabilityBatch, string>();

function textOf(batch: AvailabilityBatch): string {
  let text = batchTexts.get(batch);
  if (text === undefined) batchTexts.set(batch, (text = batch.map((change) => eventText('availability', change)).join('')));
  return text;
}

/**
 * `GET /offices/:slug/availability/events`: an `availability` event each time a session's
 * places change, so an open booking page can refresh its counts instead of polling.
 */
export function availabilityEventRoutes(ctx: AppContext, streams: StreamPolicy) {
  return routePlugin('availabilityEventRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const track = closeStreamsOnShutdown(app);
    const schema = {
      tags: ['citizen'],
      summary: 'Live availability',
      params: SlugParams,
      response: {
        200: { description: 'Server-Sent Events: `availability` `{ date, sessionId }` each time places change', content: { 'text/event-stream': { schema: z.string() } } },
        ...ERROR_RESPONSES,
      },
    };

    app.get('/offices/:slug/availability/events', { schema }, async (req, reply) => {
      const slug = req.params.slug;
      // Anyone may open these, so each address gets a few and the process a bounded number.
      const release = streams.public.take(req.ip);
      let feed;
      try {
        feed = await watchAvailability(ctx, {
          officeSlug: slug,
          // One write per stream and window, however many sessions changed in it.
          onChanges: (batch) => stream.sendText(textOf(batch)),
          // A page is at most a quarter of a second behind, and a rush of bookings is not
          // multiplied by every open page.
          coalesceMs: AVAILABILITY_COALESCE_MS,
        });
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
  });
}
