import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { book } from '../../app/booking/commands/book.js';
import { cancelBooking } from '../../app/booking/commands/cancel-booking.js';
import { changeBookingService } from '../../app/booking/commands/change-booking-service.js';
import { rescheduleBooking } from '../../app/booking/commands/reschedule-booking.js';
import { setPriority } from '../../app/floor/commands/set-priority.js';
import { listToday } from '../../app/floor/queries/list-today.js';
import { DAY_GROUPS } from '../../domain/day-list.js';
import { callNext } from '../../app/floor/commands/call-next.js';
import { checkIn } from '../../app/floor/commands/check-in.js';
import type { AppContext } from '../../app/shared/context.js';
import { findBookings } from '../../app/booking/queries/find-bookings.js';
import { requireStaffOffice } from '../../app/office/queries/find-office.js';
import { getDisplayState } from '../../app/floor/queries/get-display-state.js';
import { watchDisplay } from '../../app/floor/queries/watch-display.js';
import { pauseCounter } from '../../app/floor/commands/pause-counter.js';
import { requeueTicket } from '../../app/floor/commands/requeue-ticket.js';
import { actOnCounterTicket } from '../../app/floor/commands/act-on-counter-ticket.js';
import { transferTicket } from '../../app/floor/commands/transfer-ticket.js';
import { finishAndCallNext } from '../../app/floor/commands/finish-and-call-next.js';
import { undoSkip } from '../../app/floor/commands/undo-skip.js';
import { openCounter } from '../../app/floor/commands/open-counter.js';
import { FINISH_OUTCOMES, UNDO_SKIP_MINUTES } from '../../domain/counter-work.js';
import { walkIn } from '../../app/floor/commands/walk-in.js';
import { listOfficeCounters } from '../../app/office/queries/list-office-counters.js';
import { PRIORITY_GROUPS } from '../../domain/queue-order.js';
import { openSse } from '../../realtime/sse.js';
import { closeStreamsOnShutdown, type StreamPolicy } from '../stream-registry.js';
import { requestLang } from '../i18n.js';
import { readerOf, requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { CounterSchema, CounterSettingSchema, presentCounter, presentCounterSetting } from '../presenters/counter.js';
import { DisplayStateSchema, presentCall, presentDisplayState } from '../presenters/display.js';
import { presentTicket, TicketSchema } from '../presenters/ticket.js';
import { bookingCodeField, dateField, DeskPersonFields, idField, personOf, textField } from '../validation.js';
import { boardUpdate } from '../views/staff/display.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const CounterParams = z.object({ slug: textField(64), counter: idField('NUMBER_INVALID') });
const CodeParams = z.object({ slug: textField(64), code: bookingCodeField });

const CheckInBody = z.object({
  code: bookingCodeField,
  priority: z.enum(PRIORITY_GROUPS, { error: 'INVALID' }).nullable().optional(),
  overrideReason: z.string({ error: 'INVALID' }).trim().max(200, 'TOO_LONG').optional(),
});
const AssistedBody = DeskPersonFields.extend({ date: dateField, sessionId: idField('SESSION_INVALID') });
const MoveBody = z.object({ date: dateField, sessionId: idField('SESSION_INVALID') });
const ServiceBody = z.object({ service: textField(32) });
const PriorityBody = z.object({ priority: z.enum(PRIORITY_GROUPS, { error: 'INVALID' }).nullable().describe('The priority group seen at the desk; null takes it away') });
const TodayQuery = z.object({ group: z.enum(DAY_GROUPS, { error: 'INVALID' }).optional().describe('Only one group of the day') });
const SearchQuery = z.object({ q: z.string({ error: 'REQUIRED' }).trim().min(2, 'REQUIRED').max(100, 'TOO_LONG') });
const TransferBody = z.object({ service: textField(32) });
const FinishBody = z
  .object({
    outcome: z.enum(FINISH_OUTCOMES, { error: 'OUTCOME_INVALID' }).optional().describe('How the visit ended: served (default), documents_incomplete or referred'),
  })
  // No body at all is a plain finish (served).
  .nullish();
const ClaimBody = z
  .object({ takeOver: z.boolean({ error: 'BOOLEAN_INVALID' }).optional().describe('true: take the counter from the clerk who holds it today') })
  .nullish();

const BookingAnswer = z.object({ booking: TicketSchema });
const BookingsAnswer = z.object({
  bookings: z.array(TicketSchema).describe("Today's first (by queue number), then upcoming days (soonest first), then past days (latest first)"),
  more: z.boolean().describe('More bookings matched than are listed: narrow the search'),
});
const TodayAnswer = z.object({
  date: z.string().describe("Today in the office's zone"),
  counts: z.object({
    expected: z.number().int().describe('Booked, not come yet'),
    checkedIn: z.number().int().describe('Came: waiting, at a counter or served'),
    waiting: z.number().int(),
    atCounter: z.number().int().describe('Called or being served'),
    served: z.number().int(),
    noShow: z.number().int().describe('Skipped when called, or never came'),
  }),
  bookings: z.array(TicketSchema),
});
const TicketAnswer = z.object({ ticket: TicketSchema });
const CounterAnswer = z.object({ counter: CounterSchema });
const FinishAndNextAnswer = z.object({ finished: TicketSchema, ticket: TicketSchema.nullable().describe('The person called next; null when nobody waits') });
const ClaimAnswer = z.object({
  counter: z.object({ number: z.number().int(), name: z.string(), clerk: z.string().describe('The username of the clerk now holding the counter') }),
  tookOverFrom: z.string().nullable().describe('The clerk it was taken from; null when it was free or already yours'),
});
const CountersAnswer = z.object({ counters: z.array(CounterSettingSchema) });
const CountersQuery = z.object({
  includeInactive: z.enum(['true', 'false'], { error: 'BOOLEAN_INVALID' }).optional().describe('true: switched-off counters too, for the admin'),
});
const EVENT_STREAM = (description: string) => ({ description, content: { 'text/event-stream': { schema: z.string() } } });

/** A route's documentation and checks in one place: tag, roles, schemas, and the error answers every route may give. */
function spec<P, R>(tag: string, summary: string, roles: string, parts: P, response: R) {
  return { schema: { tags: [tag], summary: `${summary} [${roles}]`, security: [{ staffSession: [] }], ...parts, response: { ...response, ...ERROR_RESPONSES } } };
}

/** Who is acting, taken from the session the role guard already checked. */
function actorOf(req: { staff: { id: number } | null }) {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id };
}

/** The staff member by id and name, for changes the audit log records. */
function namedActorOf(req: { staff: { id: number; username: string } | null }) {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username };
}

/** The desk, counter and display API of one office; every route names the roles it allows. */
export function officeFloorApiRoutes(ctx: AppContext, streams: StreamPolicy) {
  return routePlugin('officeFloorApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);
    const track = closeStreamsOnShutdown(app);
    // An account tied to one office works only there; accounts without an office serve every office.
    app.addHook('preHandler', async (req) => {
      const slug = (req.params as { slug?: unknown }).slug;
      if (req.staff?.officeId != null && typeof slug === 'string') await requireStaffOffice(ctx, { officeSlug: slug, staffOfficeId: req.staff.officeId });
    });
    const desk = { onRequest: requireRole('desk', 'admin') };
    const counterRole = { onRequest: requireRole('counter', 'admin') };
    const screens = { onRequest: requireRole('display', 'desk', 'counter', 'admin') };

    // Front desk.
    app.post(
      '/offices/:slug/check-ins',
      { ...desk, ...spec('desk', 'Check a booking in on its day, inside its window or with a stated reason', 'desk', { params: SlugParams, body: CheckInBody }, { 200: BookingAnswer }) },
      async (req) => {
        const body = req.body;
        const ticket = await checkIn(ctx, { officeSlug: req.params.slug, code: body.code, actor: actorOf(req), priority: body.priority ?? null, overrideReason: body.overrideReason ?? null });
        return { booking: presentTicket(ticket, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/walk-ins',
      { ...desk, ...spec('desk', 'Book someone without a booking into the next open day (never today); the phone is optional', 'desk', { params: SlugParams, body: DeskPersonFields }, { 201: BookingAnswer }) },
      async (req, reply) => {
        const result = await walkIn(ctx, { officeSlug: req.params.slug, actor: actorOf(req), ...personOf(req.body) });
        return reply.status(201).send({ booking: presentTicket(result.booking, requestLang(req)) });
      },
    );

    app.post(
      '/offices/:slug/bookings',
      { ...desk, ...spec('desk', 'Book on behalf of someone without a phone, same rules as online; the phone is optional', 'desk', { params: SlugParams, body: AssistedBody }, { 201: BookingAnswer }) },
      async (req, reply) => {
        const body = req.body;
        const result = await book(ctx, {
          officeSlug: req.params.slug,
          date: body.date,
          sessionId: body.sessionId,
          channel: 'desk',
          actorUserId: actorOf(req).userId,
          ...personOf(body),
        });
        return reply.status(201).send({ booking: presentTicket(result.booking, requestLang(req)) });
      },
    );

    app.get(
      '/offices/:slug/bookings',
      { ...desk, ...spec('desk', 'Find bookings by code, NIK, queue number or part of a name: today first, then upcoming, then past', 'desk', { params: SlugParams, querystring: SearchQuery }, { 200: BookingsAnswer }) },
      async (req) => {
        const found = await findBookings(ctx, { officeSlug: req.params.slug, query: req.query.q, reader: readerOf(req) });
        const lang = requestLang(req);
        return { bookings: found.bookings.map((b) => presentTicket(b, lang)), more: found.more };
      },
    );

    app.get(
      '/offices/:slug/today',
      { ...desk, ...spec('desk', "Today's bookings (all but cancelled) in session and number order, with counts per group", 'desk', { params: SlugParams, querystring: TodayQuery }, { 200: TodayAnswer }) },
      async (req) => {
        const day = await listToday(ctx, { officeSlug: req.params.slug, group: req.query.group });
        const c = day.counts;
        const lang = requestLang(req);
        return {
          date: day.today,
          counts: { expected: c.expected, checkedIn: c.checked_in, waiting: c.waiting, atCounter: c.at_counter, served: c.served, noShow: c.no_show },
          bookings: day.tickets.map((b) => presentTicket(b, lang)),
        };
      },
    );

    app.post(
      '/offices/:slug/bookings/:code/cancel',
      { ...desk, ...spec('desk', 'Cancel a booking for the citizen at the desk (lost code, no phone); the clerk is recorded', 'desk', { params: CodeParams }, { 200: BookingAnswer }) },
      async (req) => {
        const b = await cancelBooking(ctx, { code: req.params.code, desk: { officeSlug: req.params.slug, actor: actorOf(req) } });
        return { booking: presentTicket(b, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/bookings/:code/reschedule',
      { ...desk, ...spec('desk', "Move a booking to another day and session for the citizen at the desk, keeping its code; may use the desk's places", 'desk', { params: CodeParams, body: MoveBody }, { 200: BookingAnswer }) },
      async (req) => {
        const b = await rescheduleBooking(ctx, { code: req.params.code, date: req.body.date, sessionId: req.body.sessionId, desk: { officeSlug: req.params.slug, actor: actorOf(req) } });
        return { booking: presentTicket(b, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/bookings/:code/service',
      { ...desk, ...spec('desk', 'Change the service of a booking not yet called, keeping its day, session and number; audited with the clerk', 'desk', { params: CodeParams, body: ServiceBody }, { 200: BookingAnswer }) },
      async (req) => {
        const b = await changeBookingService(ctx, { officeSlug: req.params.slug, code: req.params.code, serviceCode: req.body.service, actor: namedActorOf(req) });
        return { booking: presentTicket(b, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/bookings/:code/priority',
      { ...desk, ...spec('desk', 'Mark (or take away) a priority group of a person checked in today and still waiting; audited with the clerk', 'desk', { params: CodeParams, body: PriorityBody }, { 200: BookingAnswer }) },
      async (req) => {
        const b = await setPriority(ctx, { officeSlug: req.params.slug, code: req.params.code, priority: req.body.priority, actor: namedActorOf(req) });
        return { booking: presentTicket(b, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/bookings/:code/requeue',
      { ...desk, ...spec('desk', 'Put a skipped ticket back in line (once)', 'desk', { params: CodeParams }, { 200: BookingAnswer }) },
      async (req) => ({ booking: presentTicket(await requeueTicket(ctx, { officeSlug: req.params.slug, code: req.params.code, actor: actorOf(req) }), requestLang(req)) }),
    );

    // Counters.
    app.get(
      '/offices/:slug/counters',
      { ...screens, ...spec('counter', 'The counters (loket) and the services each calls', 'any staff', { params: SlugParams, querystring: CountersQuery }, { 200: CountersAnswer }) },
      async (req) => ({
        counters: (await listOfficeCounters(ctx, { officeSlug: req.params.slug, includeInactive: req.query.includeInactive === 'true' })).map(presentCounterSetting),
      }),
    );

    app.post(
      '/offices/:slug/counters/:counter/call-next',
      {
        ...counterRole,
        ...spec('counter', 'Call the next person: priority, then earlier session, then arrival', 'counter', { params: CounterParams }, {
          200: TicketAnswer,
          204: z.null().describe('Nobody waits for this counter'),
        }),
      },
      async (req, reply) => {
        const ticket = await callNext(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req) });
        if (!ticket) return reply.status(204).send(null);
        return { ticket: presentTicket(ticket, requestLang(req)) };
      },
    );

    const actions = {
      recall: 'Announce the called person again',
      skip: `The called person did not come: skipped (the desk may put them back once; the counter may undo it within ${UNDO_SKIP_MINUTES} minutes)`,
      start: 'Begin serving the called person',
    } as const;
    for (const [action, summary] of Object.entries(actions) as [keyof typeof actions, string][]) {
      app.post(`/offices/:slug/counters/:counter/${action}`, { ...counterRole, ...spec('counter', summary, 'counter', { params: CounterParams }, { 200: TicketAnswer }) }, async (req) => {
        const ticket = await actOnCounterTicket(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req), action });
        return { ticket: presentTicket(ticket, requestLang(req)) };
      });
    }

    app.post(
      '/offices/:slug/counters/:counter/finish',
      { ...counterRole, ...spec('counter', 'Done serving, with how the visit ended', 'counter', { params: CounterParams, body: FinishBody }, { 200: TicketAnswer }) },
      async (req) => {
        const ticket = await actOnCounterTicket(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req), action: 'finish', outcome: req.body?.outcome });
        return { ticket: presentTicket(ticket, requestLang(req)) };
      },
    );

    app.post(
      '/offices/:slug/counters/:counter/finish-and-call-next',
      {
        ...counterRole,
        ...spec('counter', 'Finish the person being served and call the next one, in one step', 'counter', { params: CounterParams, body: FinishBody }, { 200: FinishAndNextAnswer }),
      },
      async (req) => {
        const result = await finishAndCallNext(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req), outcome: req.body?.outcome });
        const lang = requestLang(req);
        return { finished: presentTicket(result.finished, lang), ticket: result.called ? presentTicket(result.called, lang) : null };
      },
    );

    app.post(
      '/offices/:slug/counters/:counter/undo-skip',
      {
        ...counterRole,
        ...spec('counter', `Take back this counter's latest skip within ${UNDO_SKIP_MINUTES} minutes: the person is called here again`, 'counter', { params: CounterParams }, { 200: TicketAnswer }),
      },
      async (req) => ({ ticket: presentTicket(await undoSkip(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req) }), requestLang(req)) }),
    );

    app.post(
      '/offices/:slug/counters/:counter/claim',
      {
        ...counterRole,
        ...spec('counter', 'Start work at a counter: one clerk per counter a day; another clerk\'s counter answers COUNTER_HELD unless takeOver is true', 'counter', { params: CounterParams, body: ClaimBody }, { 200: ClaimAnswer }),
      },
      async (req) => {
        const actor = actorOf(req);
        const opened = await openCounter(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor, takeOver: req.body?.takeOver === true });
        return { counter: { number: Number(opened.counter.number), name: opened.counter.name, clerk: req.staff?.username ?? '' }, tookOverFrom: opened.tookOverFrom?.username ?? null };
      },
    );

    app.post(
      '/offices/:slug/counters/:counter/transfer',
      {
        ...counterRole,
        ...spec('counter', "Send the person to another service's line, keeping their place", 'counter', { params: CounterParams, body: TransferBody }, { 200: TicketAnswer }),
      },
      async (req) => {
        const ticket = await transferTicket(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, actor: actorOf(req), serviceCode: req.body.service });
        return { ticket: presentTicket(ticket, requestLang(req)) };
      },
    );

    for (const [name, paused, summary] of [
      ['pause', true, 'Pause the counter: it calls nobody'],
      ['resume', false, 'Resume calling'],
    ] as const) {
      app.post(`/offices/:slug/counters/:counter/${name}`, { ...counterRole, ...spec('counter', summary, 'counter', { params: CounterParams }, { 200: CounterAnswer }) }, async (req) => {
        const c = await pauseCounter(ctx, { officeSlug: req.params.slug, counterNumber: req.params.counter, paused, actor: actorOf(req) });
        return { counter: presentCounter(c) };
      });
    }

    // Waiting-room display.
    app.get(
      '/offices/:slug/display/state',
      { ...screens, ...spec('display', "The waiting-room board's state", 'any staff', { params: SlugParams }, { 200: DisplayStateSchema }) },
      async (req) => presentDisplayState(await getDisplayState(ctx, { officeSlug: req.params.slug })),
    );

    app.get(
      '/offices/:slug/display/events',
      {
        ...screens,
        ...spec('display', 'The board live', 'any staff', { params: SlugParams }, {
          200: EVENT_STREAM('Server-Sent Events: `state` (a DisplayState) on connect and after each change, `board` (the same moment as the board page\'s rendered parts), `call` (a Call) for each call'),
        }),
      },
      async (req, reply) => {
        // Staff share the office's address, so only the process total is capped.
        const release = streams.staff.take(req.ip);
        let feed;
        try {
          // Resolve the office before taking the response over, so a bad slug is an ordinary 404.
          feed = await watchDisplay(ctx, {
            officeSlug: req.params.slug,
            on: {
              // `state` for API users and the counter page; `board`, the same moment rendered, for the board.
              onState: (state) => {
                stream.send('state', presentDisplayState(state));
                stream.send('board', boardUpdate(state));
              },
              onCall: (call) => stream.send('call', presentCall(call)),
              onError: (error) => req.log.warn({ err: error }, 'display state failed'),
            },
          });
        } catch (error) {
          release();
          throw error;
        }
        reply.hijack();
        const stream = openSse(reply.raw, { maxLifetimeMs: streams.lifetimeMs });
        track(stream);
        stream.onClose(release);
        feed.start();
        stream.onClose(feed.stop);
      },
    );
  });
}
