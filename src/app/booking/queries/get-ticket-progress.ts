import { todayIn } from '../../../domain/local-date.js';
import { ACTIVE_STATUSES } from '../../../domain/ticket-status.js';
import { placeOf, readWaitingLine, type TicketPlace, type WaitingLine } from '../../floor/queries/read-waiting-line.js';
import type { AppContext } from '../../shared/context.js';
import type { BookingView } from '../read-models.js';

/** How a ticket's day is going: whether its page should follow it live, and its place in the line. */
export interface TicketProgress {
  /** Today's ticket, still active (booked, waiting, called, being served, skipped): its page follows it live. */
  live: boolean;
  /** Where it stands, while it waits checked in today; null otherwise. */
  place: TicketPlace | null;
}

/**
 * The progress of a booking now. The line is read only for a checked-in ticket of today; a
 * line already read (shared by many open tickets of one office) may be passed in.
 */
export async function getTicketProgress(ctx: AppContext, booking: BookingView, line?: WaitingLine): Promise<TicketProgress> {
  const today = todayIn(booking.office_timezone, ctx.now());
  const live = booking.date === today && ACTIVE_STATUSES.includes(booking.status);
  if (!live || booking.status !== 'checked_in') return { live, place: null };
  const read = line ?? (await readWaitingLine(ctx, { id: booking.office_id, timezone: booking.office_timezone }));
  return { live, place: placeOf(read, booking) };
}
