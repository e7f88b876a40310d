import { type BookingView, findBookingById } from '../db/repositories/bookings.js';
import { findCounterTicket } from '../db/repositories/floor.js';
import type { Executor } from '../db/repositories/offices.js';
import { DomainError } from '../domain/errors.js';
import type { TicketStatus } from '../domain/ticket-status.js';
import type { AppContext } from './context.js';
import { requireCounter } from './find-counter.js';
import { announceFloor, type FloorChange } from './floor-events.js';
import { officeClock } from './office-calendar.js';
import { type Actor, recordTransition } from './record-transition.js';

export interface CounterTicketAction {
  officeSlug: string;
  counterNumber: number;
  actor: Actor;
}

interface ActionSpec {
  /** Statuses of the counter's current ticket this action applies to. */
  from: readonly TicketStatus[];
  to: TicketStatus;
  kind: FloorChange['kind'];
  note?: string | null;
  /** Extra writes in the same transaction, after the status change. */
  alsoDo?: (trx: Executor, ticket: BookingView, at: string) => Promise<void>;
}

/**
 * The shared path of recall, skip, start, finish and transfer: find the ticket the counter
 * holds, move it on, record who did it at which counter, and tell the screens.
 */
export async function actOnCounterTicket(ctx: AppContext, opts: CounterTicketAction, spec: ActionSpec): Promise<BookingView> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts.officeSlug, opts.counterNumber);
  const now = ctx.now();
  const { today } = officeClock(office, now);
  const ticket = await findCounterTicket(db, office.id, today, counter.number);
  if (!ticket) throw new DomainError('NO_CURRENT_TICKET', { counter: counter.number });
  const from = ticket.status as TicketStatus;
  if (!spec.from.includes(from)) throw new DomainError('INVALID_TRANSITION', { from, to: spec.to });
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await recordTransition(trx, {
      bookingId: ticket.id,
      officeId: office.id,
      from,
      to: spec.to,
      type: spec.kind,
      at,
      actor: opts.actor,
      counterNumber: counter.number,
      note: spec.note ?? null,
    });
    await spec.alsoDo?.(trx, ticket, at);
  });
  await announceFloor(ctx, office.id, { kind: spec.kind, queueNumber: ticket.queue_number, counter: counter.number });
  const updated = await findBookingById(db, ticket.id);
  if (!updated) throw new Error(`booking ${ticket.id} vanished`);
  return updated;
}
