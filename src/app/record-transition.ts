import { insertBookingEvent, updateBookingStatus } from '../db/repositories/bookings.js';
import type { Executor } from '../db/repositories/offices.js';
import { DomainError } from '../domain/errors.js';
import { canTransition, type TicketStatus } from '../domain/ticket-status.js';

/** Who made a change on the floor, for the record. */
export interface Actor {
  userId: number;
}

export interface Transition {
  bookingId: number;
  officeId: number;
  from: TicketStatus;
  to: TicketStatus;
  type: string;
  at: string;
  actor: Actor | null;
  counterNumber?: number | null;
  note?: string | null;
  extra?: { checked_in_at?: string; priority?: string | null };
}

/**
 * Moves a ticket from one status to another and records who, when and at which counter, in
 * one step. The update is conditional on the status the caller saw, so a racing change
 * makes this one fail cleanly rather than overwrite it.
 */
export async function recordTransition(db: Executor, t: Transition): Promise<void> {
  if (!canTransition(t.from, t.to)) throw new DomainError('INVALID_TRANSITION', { from: t.from, to: t.to });
  if (t.from !== t.to) {
    const changed = await updateBookingStatus(db, t.bookingId, t.from, t.to, t.at, t.extra);
    if (!changed) throw new DomainError('INVALID_TRANSITION', { from: t.from, to: t.to, reason: 'changed_meanwhile' });
  }
  await insertBookingEvent(db, {
    booking_id: t.bookingId,
    office_id: t.officeId,
    at: t.at,
    type: t.type,
    from_status: t.from,
    to_status: t.to,
    user_id: t.actor?.userId ?? null,
    counter_number: t.counterNumber ?? null,
    note: t.note ?? null,
  });
}
