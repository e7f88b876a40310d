import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { watchTicket } from '../../app/booking/queries/watch-ticket.js';
import type { AppContext } from '../../app/shared/context.js';
import { openSse } from '../../realtime/sse.js';
import { requestLang } from '../i18n.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { presentPlace, presentTicketProgress } from '../presenters/ticket-progress.js';
import { closeStreamsOnShutdown, type StreamPolicy } from '../stream-registry.js';
import { bookingCodeField } from '../validation.js';
import { ticketLiveParts } from '../views/citizen/ticket.js';
import { routePlugin } from '../route-plugin.js';

const CodeParams = z.object({ code: bookingCodeField });
const LangQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

/**
 * `GET /bookings/:code/events`: the ticket live, for its open page. A `ticket` event on connect
 * and after every change on the office's floor: the status, place and counter (as in
 * `GET /bookings/:code`) and the ticket page's changing parts as the server renders them, so
 * the page swaps them in and holds no second template. Nothing personal is sent.
 */
export function ticketEventRoutes(ctx: AppContext, streams: StreamPolicy) {
  return routePlugin('ticketEventRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const track = closeStreamsOnShutdown(app);
    const schema = {
      tags: ['citizen'],
      summary: 'A ticket live: its status, place in line and counter',
      params: CodeParams,
      querystring: LangQuery,
      response: {
        200: {
          description:
            'Server-Sent Events: `ticket` `{ status, live, position, estimatedCallAt, counter, parts }` on connect and after each change on the floor; `parts` is the ticket page\'s changing markup; `live` false means the day is over for this ticket',
          content: { 'text/event-stream': { schema: z.string() } },
        },
        ...ERROR_RESPONSES,
      },
    };

    app.get('/bookings/:code/events', { schema, config: { limit: { bucket: 'lookup' as const, byCode: true } } }, async (req, reply) => {
      const lang = requestLang(req);
      // Anyone with a code may open one, so each address gets a few and the process a bounded number.
      const release = streams.public.take(req.ip);
      let feed;
      try {
        feed = await watchTicket(ctx, {
          code: req.params.code,
          on: {
            onTicket: ({ booking, progress }) => {
              const view = presentTicketProgress(booking, progress, lang);
              const parts = ticketLiveParts(lang, booking.status, view);
              stream.send('ticket', {
                status: booking.status,
                live: progress.live,
                ...presentPlace(booking, progress),
                parts: { live: parts.live.value, status: parts.status.value },
              });
            },
            onError: (error) => req.log.warn({ err: error }, 'ticket state failed'),
          },
        });
      } catch (error) {
        release();
        throw error;
      }
      reply.hijack();
      // A page that lost its stream also polls, so a slow reconnect costs little.
      const stream = openSse(reply.raw, { retryMs: 10_000, heartbeatMs: 25_000, maxLifetimeMs: streams.lifetimeMs });
      track(stream);
      stream.onClose(release);
      feed.start();
      stream.onClose(feed.stop);
    });
  });
}
