import type { BookingView } from '../read-models.js';
import { lastBookingEvent } from '../../../db/repositories/bookings.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type ClosureNote, parseClosureNote } from '../../../domain/closure-move.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { getBooking } from './get-booking.js';

/** The office closed the booking's day: it was moved or cancelled, and why. */
export interface ClosureNotice extends ClosureNote {
  outcome: 'moved' | 'cancelled';
}

/** A booking with its office's settings (address, check-in window), as its ticket shows them. */
export interface Ticket {
  booking: BookingView;
  office: OfficeRow;
  /** Set while the booking's last change was a closure's move or cancel, so the ticket says why. */
  closure?: ClosureNotice | null;
}

export interface GetTicketOptions {
  /** The booking code as typed: any case, with or without separators. */
  code: string;
}

/** The ticket of a booking code, typed in any common way; NOT_FOUND when there is none. */
export async function getTicket(ctx: AppContext, { code }: GetTicketOptions): Promise<Ticket> {
  const booking = await getBooking(ctx, { code });
  const office = await requireOffice(ctx.storage.db, booking.office_slug);
  return { booking, office, closure: await closureNoticeOf(ctx.storage.db, booking.id) };
}

/**
 * Why a closure moved or cancelled the booking, while that is its latest change: once the
 * person moves it again themselves, the old reason no longer explains the day shown.
 */
export async function closureNoticeOf(db: Executor, bookingId: number): Promise<ClosureNotice | null> {
  const last = await lastBookingEvent(db, bookingId);
  if (!last || (last.type !== 'moved_by_closure' && last.type !== 'cancelled_by_closure')) return null;
  const note = parseClosureNote(last.note);
  return note ? { ...note, outcome: last.type === 'moved_by_closure' ? 'moved' : 'cancelled' } : null;
}
