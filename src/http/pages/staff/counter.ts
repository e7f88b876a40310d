import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { presentTicket } from '../../presenters/ticket.js';
import { idField, parseInput, textField } from '../../validation.js';
import { type CounterAction, counterChoicePage, counterPage, counterPath } from '../../views/staff/counter.js';
import { requirePageRole, sendStaffPage, staffIdOf, viewerOf } from './guard.js';
import { domainErrorText, errorText, type TextKey, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const CounterParams = z.object({ slug: textField(64), counter: idField('NUMBER_INVALID') });
const ActionParams = CounterParams.extend({
  action: z.enum(['call-next', 'recall', 'skip', 'start', 'finish', 'transfer', 'pause', 'resume'] satisfies CounterAction[]),
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
} as const satisfies Record<string, TextKey>;
const CounterQuery = z.object({
  ok: z.string().max(20).optional().catch(undefined),
  // Only a queue number's shape: this is shown on the page.
  q: z.string().regex(/^[A-Z0-9]{1,8}$/).optional().catch(undefined),
  to: z.string().max(32).optional().catch(undefined),
});
const TransferForm = z.object({ service: z.string().max(32).catch('') });

/** What a counter action did: the ticket it moved (if any) and the notice's key. */
interface ActionResult {
  ticket: BookingView | null;
  ok: string;
}

/** Choosing a counter, and one counter's page with its actions as plain form posts. */
export function counterPages(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const counterRole = { onRequest: requirePageRole('counter', 'admin') };

    app.get('/staff/counter/:slug', counterRole, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const office = await getOffice(ctx, { officeSlug: slug });
      const counters = await listCounters(ctx, { officeSlug: slug });
      const page = counterChoicePage(viewerOf(req), { slug, name: office.name }, counters.map((c) => ({ number: c.number, name: c.name, paused: c.paused === 1 })));
      return sendStaffPage(reply, page);
    });

    async function render(req: FastifyRequest, reply: FastifyReply, slug: string, counterNumber: number, notes: { done?: string; problem?: string }, status = 200) {
      const [view, services] = await Promise.all([getCounterTicket(ctx, { officeSlug: slug, counterNumber }), listServices(ctx, { officeSlug: slug })]);
      const page = counterPage({
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

    app.get('/staff/counter/:slug/:counter', counterRole, async (req, reply) => {
      const { slug, counter } = parseInput(CounterParams, req.params);
      const q = CounterQuery.parse(req.query ?? {});
      const key = q.ok && Object.hasOwn(DONE, q.ok) ? DONE[q.ok as keyof typeof DONE] : undefined;
      const services = key === 'staff.doneTransferred' && q.to ? await listServices(ctx, { officeSlug: slug }) : [];
      const service = services.find((s) => s.code === q.to)?.name ?? q.to ?? '';
      return render(req, reply, slug, counter, { done: key ? st(key, { queue: q.q ?? '', service }) : undefined });
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
            result = { ticket: await actOnCounterTicket(ctx, { ...opts, action: 'finish' }), ok: 'finished' };
            break;
          case 'transfer': {
            to = TransferForm.parse(req.body ?? {}).service;
            result = { ticket: await transferTicket(ctx, { ...opts, serviceCode: to }), ok: 'transferred' };
            break;
          }
          case 'pause':
          case 'resume':
            await pauseCounter(ctx, { officeSlug: slug, counterNumber: counter, paused: action === 'pause' });
            result = { ticket: null, ok: action === 'pause' ? 'paused' : 'resumed' };
            break;
        }
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'NOT_FOUND') return render(req, reply, slug, counter, { problem: domainErrorText(error, STAFF_LANG) }, 409);
        if (error instanceof InvalidInputError) return render(req, reply, slug, counter, { problem: errorText(STAFF_LANG, error.fields[0]?.problem ?? 'INVALID') }, 422);
        throw error;
      }
      const query = new URLSearchParams({ ok: result.ok });
      if (result.ticket) query.set('q', result.ticket.queue_number);
      if (to) query.set('to', to);
      return reply.redirect(`${counterPath(slug, counter)}?${query}`, 303);
    });
  };
}
