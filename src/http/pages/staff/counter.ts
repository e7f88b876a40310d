import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readerOf } from '../../plugins/staff-auth.js';
import { z } from 'zod';
import type { BookingView } from '../../../app/booking/read-models.js';
import { callNext } from '../../../app/floor/commands/call-next.js';
import type { AppContext } from '../../../app/shared/context.js';
import { getCounterTicket } from '../../../app/floor/queries/get-counter-ticket.js';
import { getOffice } from '../../../app/office/queries/get-office.js';
import { listCounters } from '../../../app/office/queries/list-counters.js';
import { listServices } from '../../../app/office/queries/list-services.js';
import { pauseCounter } from '../../../app/floor/commands/pause-counter.js';
import { actOnCounterTicket } from '../../../app/floor/commands/act-on-counter-ticket.js';
import { transferTicket } from '../../../app/floor/commands/transfer-ticket.js';
import { finishAndCallNext } from '../../../app/floor/commands/finish-and-call-next.js';
import { undoSkip } from '../../../app/floor/commands/undo-skip.js';
import { openCounter } from '../../../app/floor/commands/open-counter.js';
import { getCounterHolder, getCounterHolding } from '../../../app/floor/queries/get-counter-holder.js';
import { FINISH_OUTCOMES } from '../../../domain/counter-work.js';
import { timeIn } from '../../../domain/local-date.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { presentTicket } from '../../presenters/ticket.js';
import { idField, parseInput, textField } from '../../validation.js';
import { type CounterAction, counterChoicePage, counterPage, counterPath } from '../../views/staff/counter.js';
import { requirePageRole, sendStaffPage, staffIdOf, viewerOf } from './guard.js';
import { domainErrorText, errorText, type TextKey, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const CounterParams = z.object({ slug: textField(64), counter: idField('NUMBER_INVALID') });
const ActionParams = CounterParams.extend({
  action: z.enum(['call-next', 'recall', 'skip', 'start', 'finish', 'finish-and-call-next', 'undo-skip', 'transfer', 'pause', 'resume', 'take-over'] satisfies CounterAction[]),
});

/** What each action did, for the notice after the redirect; `q` names the ticket. */
const DONE = {
  called: 'staff.doneCalled',
  recalled: 'staff.doneRecalled',
  skipped: 'staff.doneSkipped',
  started: 'staff.doneStarted',
  finished: 'staff.doneFinished',
  transferred: 'staff.doneTransferred',
  paused: 'staff.donePaused',
  resumed: 'staff.doneResumed',
  none_waiting: 'staff.noneWaiting',
  finished_next: 'staff.doneFinishedNext',
  finished_none_waiting: 'staff.doneFinishedNoneWaiting',
  skip_undone: 'staff.doneSkipUndone',
  took_over: 'staff.doneTookOver',
} as const satisfies Record<string, TextKey>;
const CounterQuery = z.object({
  ok: z.string().max(20).optional().catch(undefined),
  // Only a queue number's shape: this is shown on the page.
  q: z.string().regex(/^[A-Z0-9]{1,8}$/).optional().catch(undefined),
  to: z.string().max(32).optional().catch(undefined),
  // The person called after a finish, and the clerk a counter was taken from: shown on the page.
  next: z.string().regex(/^[A-Z0-9]{1,8}$/).optional().catch(undefined),
  from: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional().catch(undefined),
});
const TransferForm = z.object({ service: z.string().max(32).catch('') });
// An unknown outcome from a hand-made form is refused by the use case's type, not guessed: served is the form's default.
const FinishForm = z.object({ outcome: z.enum(FINISH_OUTCOMES).catch('served') });

/** What a counter action did: the ticket it moved (if any) and the notice's key. */
interface ActionResult {
  ticket: BookingView | null;
  ok: string;
  /** After finish and call next: the person called. */
  next?: BookingView | null;
  /** After a take-over: whom the counter was taken from. */
  from?: string;
}

/** Choosing a counter, and one counter's page with its actions as plain form posts. */
export function counterPages(ctx: AppContext) {
  return routePlugin('counterPages', async (app: FastifyInstance) => {
    const counterRole = { onRequest: requirePageRole('counter', 'admin') };

    app.get('/staff/counter/:slug', counterRole, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const office = await getOffice(ctx, { officeSlug: slug });
      const counters = await listCounters(ctx, { officeSlug: slug });
      const page = counterChoicePage(viewerOf(req), { slug, name: office.name }, counters.map((c) => ({ number: c.number, name: c.name, paused: c.paused === 1 })));
      return sendStaffPage(reply, page);
    });

    async function render(
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      counterNumber: number,
      notes: { done?: string; problem?: string; held?: { clerk: string; since: string }; unclaimed?: boolean },
      status = 200,
    ) {
      const [view, services] = await Promise.all([getCounterTicket(ctx, { officeSlug: slug, counterNumber, reader: readerOf(req) }), listServices(ctx, { officeSlug: slug })]);
      const clock = (iso: string) => timeIn(view.office.timezone, new Date(iso)).replace(':', '.');
      const page = counterPage({
        undoSkip: view.undoableSkip ? { queueNumber: view.undoableSkip.queueNumber, until: clock(view.undoableSkip.until) } : null,
        transferable: view.transferable,
        viewer: viewerOf(req),
        office: { slug, name: view.office.name },
        counter: { number: view.counter.number, name: view.counter.name, paused: view.counter.paused === 1 },
        ticket: view.ticket ? presentTicket(view.ticket, STAFF_LANG) : null,
        waiting: view.waiting,
        services: services.map((s) => ({ code: s.code, name: s.name })),
        ...notes,
      });
      return sendStaffPage(reply, page, status);
    }

    /** The counter page when another clerk holds the counter: who and since when, and the take-over button. */
    async function renderHeld(req: FastifyRequest, reply: FastifyReply, slug: string, counter: number, status: number, problem?: string) {
      const office = await getOffice(ctx, { officeSlug: slug });
      const holder = await getCounterHolder(ctx, { officeSlug: slug, counterNumber: counter, actor: { userId: staffIdOf(req) } });
      if (!holder) return null;
      const held = { clerk: holder.username, since: timeIn(office.timezone, new Date(holder.since)).replace(':', '.') };
      return render(req, reply, slug, counter, { held, ...(problem ? { problem } : {}) }, status);
    }

    app.get('/staff/counter/:slug/:counter', counterRole, async (req, reply) => {
      const { slug, counter } = parseInput(CounterParams, req.params);
      const q = CounterQuery.parse(req.query ?? {});
      const actor = { userId: staffIdOf(req) };
      let unclaimed = false;
      if (viewerOf(req).role === 'admin') {
        // An admin looking in takes nothing: the page says who holds the counter; an action or "take" claims it.
        const holding = await getCounterHolding(ctx, { officeSlug: slug, counterNumber: counter, actor });
        if (holding.state === 'other') {
          const page = await renderHeld(req, reply, slug, counter, 200);
          if (page) return page;
        }
        unclaimed = holding.state === 'free';
      } else {
        // A clerk opening the page is starting work here: a free counter becomes theirs; another clerk's is only shown.
        try {
          await openCounter(ctx, { officeSlug: slug, counterNumber: counter, actor });
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'COUNTER_HELD')) throw error;
          const page = await renderHeld(req, reply, slug, counter, 200);
          if (page) return page;
        }
      }
      const key = q.ok && Object.hasOwn(DONE, q.ok) ? DONE[q.ok as keyof typeof DONE] : undefined;
      const services = key === 'staff.doneTransferred' && q.to ? await listServices(ctx, { officeSlug: slug }) : [];
      const service = services.find((s) => s.code === q.to)?.name ?? q.to ?? '';
      return render(req, reply, slug, counter, { done: key ? st(key, { queue: q.q ?? '', service, next: q.next ?? '', clerk: q.from ?? '' }) : undefined, unclaimed });
    });

    app.post('/staff/counter/:slug/:counter/:action', counterRole, async (req, reply) => {
      const { slug, counter, action } = parseInput(ActionParams, req.params);
      const opts = { officeSlug: slug, counterNumber: counter, actor: { userId: staffIdOf(req) } };
      let result: ActionResult;
      let to = '';
      try {
        switch (action) {
          case 'call-next': {
            const ticket = await callNext(ctx, opts);
            result = { ticket, ok: ticket ? 'called' : 'none_waiting' };
            break;
          }
          case 'recall':
            result = { ticket: await actOnCounterTicket(ctx, { ...opts, action: 'recall' }), ok: 'recalled' };
            break;
          case 'skip':
            result = { ticket: await actOnCounterTicket(ctx, { ...opts, action: 'skip' }), ok: 'skipped' };
            break;
          case 'start':
            result = { ticket: await actOnCounterTicket(ctx, { ...opts, action: 'start' }), ok: 'started' };
            break;
          case 'finish':
            result = { ticket: await actOnCounterTicket(ctx, { ...opts, action: 'finish', outcome: FinishForm.parse(req.body ?? {}).outcome }), ok: 'finished' };
            break;
          case 'finish-and-call-next': {
            const done = await finishAndCallNext(ctx, { ...opts, outcome: FinishForm.parse(req.body ?? {}).outcome });
            result = { ticket: done.finished, next: done.called, ok: done.called ? 'finished_next' : 'finished_none_waiting' };
            break;
          }
          case 'undo-skip':
            result = { ticket: await undoSkip(ctx, opts), ok: 'skip_undone' };
            break;
          case 'take-over': {
            const opened = await openCounter(ctx, { ...opts, takeOver: true });
            // Free or already this clerk's by the time they pressed: nothing was taken, just show the counter.
            if (!opened.tookOverFrom) return reply.redirect(counterPath(slug, counter), 303);
            result = { ticket: null, ok: 'took_over', from: opened.tookOverFrom.username };
            break;
          }
          case 'transfer': {
            to = TransferForm.parse(req.body ?? {}).service;
            result = { ticket: await transferTicket(ctx, { ...opts, serviceCode: to }), ok: 'transferred' };
            break;
          }
          case 'pause':
          case 'resume':
            await pauseCounter(ctx, { ...opts, paused: action === 'pause' });
            result = { ticket: null, ok: action === 'pause' ? 'paused' : 'resumed' };
            break;
        }
      } catch (error) {
        if (error instanceof DomainError && error.code === 'COUNTER_HELD') {
          const page = await renderHeld(req, reply, slug, counter, 409, domainErrorText(error, STAFF_LANG));
          if (page) return page;
        }
        if (error instanceof DomainError && error.code !== 'NOT_FOUND') return render(req, reply, slug, counter, { problem: domainErrorText(error, STAFF_LANG) }, 409);
        if (error instanceof InvalidInputError) return render(req, reply, slug, counter, { problem: errorText(STAFF_LANG, error.fields[0]?.problem ?? 'INVALID') }, 422);
        throw error;
      }
      const query = new URLSearchParams({ ok: result.ok });
      if (result.ticket) query.set('q', result.ticket.queue_number);
      if (result.next) query.set('next', result.next.queue_number);
      if (result.from) query.set('from', result.from);
      if (to) query.set('to', to);
      return reply.redirect(`${counterPath(slug, counter)}?${query}`, 303);
    });
  });
}
