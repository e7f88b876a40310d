import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { book } from '../../app/book.js';
import { callNext } from '../../app/call-next.js';
import { checkIn } from '../../app/check-in.js';
import type { AppContext } from '../../app/context.js';
import { findBookings } from '../../app/find-bookings.js';
import { requireStaffOffice } from '../../app/find-office.js';
import { finishTicket } from '../../app/finish-ticket.js';
import { getDisplayState } from '../../app/get-display-state.js';
import { watchDisplay } from '../../app/watch-display.js';
import { pauseCounter } from '../../app/pause-counter.js';
import { recallTicket } from '../../app/recall-ticket.js';
import { requeueTicket } from '../../app/requeue-ticket.js';
import { skipTicket } from '../../app/skip-ticket.js';
import { startServing } from '../../app/start-serving.js';
import { transferTicket } from '../../app/transfer-ticket.js';
import { walkIn } from '../../app/walk-in.js';
import { listCounters } from '../../app/list-counters.js';
import { PRIORITY_GROUPS } from '../../domain/queue-order.js';
import { openSse } from '../../realtime/sse.js';
import { closeStreamsOnShutdown } from '../stream-registry.js';
import { requestLang } from '../i18n.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { presentCall, presentDisplayState } from '../presenters/display.js';
import { presentTicket } from '../presenters/ticket.js';
import { bookingCodeField, dateField, idField, nameField, nikField, parseInput, phoneField, textField } from '../validation.js';
import { boardUpdate } from '../views/staff/display.js';

const SlugParams = z.object({ slug: textField(64) });
const CounterParams = z.object({ slug: textField(64), counter: idField('NUMBER_INVALID') });
const CodeParams = z.object({ slug: textField(64), code: bookingCodeField });

const CheckInBody = z.object({
  code: bookingCodeField,
  priority: z.enum(PRIORITY_GROUPS, { error: 'INVALID' }).nullable().optional(),
  overrideReason: z.string({ error: 'INVALID' }).trim().max(200, 'TOO_LONG').optional(),
});
const PersonBody = z.object({ nik: nikField, name: nameField, phone: phoneField, service: textField(32) });
const AssistedBody = PersonBody.extend({ date: dateField, sessionId: idField('SESSION_INVALID') });
const SearchQuery = z.object({ q: z.string({ error: 'REQUIRED' }).trim().min(2, 'REQUIRED').max(100, 'TOO_LONG') });
const TransferBody = z.object({ service: textField(32) });

/** Who is acting, taken from the session the role guard already checked. */
function actorOf(req: { staff: { id: number } | null }) {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id };
}

/** The desk, counter and display API of one office; every route names the roles it allows. */
export function officeFloorApiRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', verifyCsrf);
    const track = closeStreamsOnShutdown(app);
    // An account tied to one office works only there; accounts without an office serve every office.
    app.addHook('preHandler', async (req) => {
      const slug = (req.params as { slug?: unknown }).slug;
      if (req.staff?.officeId != null && typeof slug === 'string') await requireStaffOffice(ctx, slug, req.staff.officeId);
    });
    const desk = { onRequest: requireRole('desk', 'admin') };
    const counterRole = { onRequest: requireRole('counter', 'admin') };
    const screens = { onRequest: requireRole('display', 'desk', 'counter', 'admin') };

    // Front desk.
    app.post('/offices/:slug/check-ins', desk, async (req) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = parseInput(CheckInBody, req.body);
      const ticket = await checkIn(ctx, { officeSlug: slug, code: body.code, actor: actorOf(req), priority: body.priority ?? null, overrideReason: body.overrideReason ?? null });
      return { booking: presentTicket(ticket, requestLang(req)) };
    });

    app.post('/offices/:slug/walk-ins', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = parseInput(PersonBody, req.body);
      const result = await walkIn(ctx, { officeSlug: slug, nik: body.nik, name: body.name, phone: body.phone, serviceCode: body.service, actor: actorOf(req) });
      return reply.status(201).send({ booking: presentTicket(result.booking, requestLang(req)) });
    });

    app.post('/offices/:slug/bookings', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = parseInput(AssistedBody, req.body);
      const result = await book(ctx, {
        officeSlug: slug,
        date: body.date,
        sessionId: body.sessionId,
        serviceCode: body.service,
        nik: body.nik,
        name: body.name,
        phone: body.phone,
        channel: 'desk',
        actorUserId: actorOf(req).userId,
      });
      return reply.status(201).send({ booking: presentTicket(result.booking, requestLang(req)) });
    });

    app.get('/offices/:slug/bookings', desk, async (req) => {
      const { slug } = parseInput(SlugParams, req.params);
      const { q } = parseInput(SearchQuery, req.query);
      const found = await findBookings(ctx, slug, q);
      const lang = requestLang(req);
      return { bookings: found.map((b) => presentTicket(b, lang)) };
    });

    app.post('/offices/:slug/bookings/:code/requeue', desk, async (req) => {
      const { slug, code } = parseInput(CodeParams, req.params);
      return { booking: presentTicket(await requeueTicket(ctx, { officeSlug: slug, code, actor: actorOf(req) }), requestLang(req)) };
    });

    // Counters.
    app.get('/offices/:slug/counters', screens, async (req) => {
      const { slug } = parseInput(SlugParams, req.params);
      const counters = await listCounters(ctx, slug);
      return { counters: counters.map((c) => ({ number: c.number, name: c.name, paused: c.paused === 1 })) };
    });

    app.post('/offices/:slug/counters/:counter/call-next', counterRole, async (req, reply) => {
      const { slug, counter } = parseInput(CounterParams, req.params);
      const ticket = await callNext(ctx, { officeSlug: slug, counterNumber: counter, actor: actorOf(req) });
      if (!ticket) return reply.status(204).send();
      return { ticket: presentTicket(ticket, requestLang(req)) };
    });

    const actions = { recall: recallTicket, skip: skipTicket, start: startServing, finish: finishTicket } as const;
    for (const [name, action] of Object.entries(actions)) {
      app.post(`/offices/:slug/counters/:counter/${name}`, counterRole, async (req) => {
        const { slug, counter } = parseInput(CounterParams, req.params);
        const ticket = await action(ctx, { officeSlug: slug, counterNumber: counter, actor: actorOf(req) });
        return { ticket: presentTicket(ticket, requestLang(req)) };
      });
    }

    app.post('/offices/:slug/counters/:counter/transfer', counterRole, async (req) => {
      const { slug, counter } = parseInput(CounterParams, req.params);
      const { service } = parseInput(TransferBody, req.body);
      const ticket = await transferTicket(ctx, { officeSlug: slug, counterNumber: counter, actor: actorOf(req), serviceCode: service });
      return { ticket: presentTicket(ticket, requestLang(req)) };
    });

    for (const [name, paused] of [['pause', true], ['resume', false]] as const) {
      app.post(`/offices/:slug/counters/:counter/${name}`, counterRole, async (req) => {
        const { slug, counter } = parseInput(CounterParams, req.params);
        const c = await pauseCounter(ctx, { officeSlug: slug, counterNumber: counter, paused });
        return { counter: { number: c.number, name: c.name, paused: c.paused === 1 } };
      });
    }

    // Waiting-room display.
    app.get('/offices/:slug/display/state', screens, async (req) => {
      const { slug } = parseInput(SlugParams, req.params);
      return presentDisplayState(await getDisplayState(ctx, slug));
    });

    app.get('/offices/:slug/display/events', screens, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      // Resolve the office before taking the response over, so a bad slug is an ordinary 404.
      const feed = await watchDisplay(ctx, slug, {
        // `state` for API users and the counter page; `board`, the same moment rendered, for the board.
        onState: (state) => {
          stream.send('state', presentDisplayState(state));
          stream.send('board', boardUpdate(state));
        },
        onCall: (call) => stream.send('call', presentCall(call)),
        onError: (error) => req.log.warn({ err: error }, 'display state failed'),
      });
      reply.hijack();
      const stream = openSse(reply.raw);
      track(stream);
      feed.start();
      stream.onClose(feed.stop);
    });
  };
}
