import type { BookingChanges } from '../../../db/repositories/bookings.js';
import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { findCounterTicket } from '../../../db/repositories/floor.js';
import { DomainError } from '../../../domain/errors.js';
import type { TicketEventType, TicketStatus } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { FinishOutcome } from '../../../domain/counter-work.js';
import type { CounterRow, OfficeRow } from '../../../db/schema.js';
import { holdCounter } from '../counter-clerk.js';
import { type Actor, applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { announceTurns } from '../../notify/commands/announce-turns.js';

/** Options of every action on the ticket a counter holds. */
export interface CounterTicketAction extends CounterOptions {
  /** The staff member at the counter, for the record. */
  actor: Actor;
}

export interface ActionSpec {
  /** Statuses of the counter's current ticket this action applies to. */
  from: readonly TicketStatus[];
  type: Extract<TicketEventType, 'recalled' | 'skipped' | 'serving' | 'done' | 'transferred'>;
  note?: string | null;
  /** Fields changed along with the status. */
  set?: BookingChanges;
  /** For a finish: how the visit ended. */
  outcome?: FinishOutcome;
  /** A check of the office and counter before anything changes (a transfer's target counters). */
  before?: (office: OfficeRow, counter: CounterRow) => Promise<void>;
}

/** The actions on the ticket a counter holds that need nothing but the counter. */
export type CounterAction = 'recall' | 'skip' | 'start' | 'finish';

const COUNTER_ACTIONS: Record<CounterAction, ActionSpec> = {
  // The person may not have heard the call: announce it again.
  recall: { from: ['called'], type: 'recalled' },
  // Not there (no-show at the counter); the desk may put them back in line once.
  skip: { from: ['called'], type: 'skipped' },
  // The called person arrived at the counter: service begins.
  start: { from: ['called'], type: 'serving' },
  // Service at the counter is complete.
  finish: { from: ['serving'], type: 'done' },
};

export interface ActOnCounterTicketOptions extends CounterTicketAction {
  /** recall, skip, start or finish the counter's current ticket. */
  action: CounterAction;
  /** For a finish: how the visit ended (default served). */
  outcome?: FinishOutcome | undefined;
}

/** Recalls, skips, starts serving or finishes the ticket the counter holds, and tells the screens. */
export function actOnCounterTicket(ctx: AppContext, opts: ActOnCounterTicketOptions): Promise<BookingView> {
  const spec = COUNTER_ACTIONS[opts.action];
  return applyCounterAction(ctx, opts, opts.action === 'finish' ? { ...spec, outcome: opts.outcome ?? 'served' } : spec);
}

/**
 * The shared path of recall, skip, start, finish and transfer: find the ticket the counter
 * holds, move it on, record who did it at which counter, and tell the screens.
 */
export async function applyCounterAction(ctx: AppContext, opts: CounterTicketAction, spec: ActionSpec): Promise<BookingView> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  await holdCounter(db, office, counter, opts.actor, now);
  const { today } = officeClock(office, now);
  await spec.before?.(office, counter);
  const ticket = await findCounterTicket(db, office.id, today, counter.number);
  if (!ticket) throw new DomainError('NO_CURRENT_TICKET', { counter: counter.number });
  if (!spec.from.includes(ticket.status)) throw new DomainError('INVALID_TRANSITION', { from: ticket.status, to: spec.type });
  const at = now.toISOString();
  const event = await db.transaction().execute(async (trx) => {
    const step = await applyLifecycleStep(trx, {
      type: spec.type,
      bookingId: ticket.id,
      from: ticket.status,
      at,
      actor: opts.actor,
      counterNumber: counter.number,
      note: spec.note ?? null,
      set: spec.set,
      ...(spec.outcome ? { outcome: spec.outcome } : {}),
      // Only while this counter still holds the ticket, today.
      where: { counterNumber: counter.number, date: today },
    });
    // A transfer puts the person in another line, perhaps near its front.
    if (spec.type === 'transferred') await announceTurns(trx, { office, date: today, at });
    return step;
  });
  await publishTicketEvents(ctx, [event]);
  const updated = await findBookingById(db, ticket.id);
  if (!updated) throw new Error(`booking ${ticket.id} vanished`);
  return updated;
}
