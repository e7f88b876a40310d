import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { looksLikeBookingCode } from '../../../domain/booking-code.js';
import { arrivalTimes, checkInTiming, checkInWindow, timeOfMinutes, withinEarlyMargin } from '../../../domain/check-in-window.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import type { PriorityGroup } from '../../../domain/queue-order.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { getBooking } from '../../booking/queries/get-booking.js';
import { type Actor, applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { announceTurns } from '../../notify/commands/announce-turns.js';

export interface CheckInOptions {
  officeSlug: string;
  /** The booking code as scanned from the QR or typed. */
  code: string;
  actor: Actor;
  /** A priority group seen at the desk; priority tickets are called first. */
  priority?: PriorityGroup | null;
  /** Why the desk checks someone in outside the window; without it the window is enforced. */
  overrideReason?: string | null;
}

/**
 * Checks a person in at the desk: only on the booking's own date, and within the window
 * around its session unless the desk states a reason to override it. Someone early within the
 * office's margin for early arrivals needs no reason and is called from their session's start.
 */
export async function checkIn(ctx: AppContext, opts: CheckInOptions): Promise<BookingView> {
  // A scanner typing the next person's code into the reason field must never check this one in.
  if (opts.overrideReason && looksLikeBookingCode(opts.overrideReason)) throw new InvalidInputError([{ field: 'overrideReason', problem: 'REASON_IS_CODE' }]);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const booking = await getBooking(ctx, { code: opts.code });
  if (booking.office_id !== office.id) throw new DomainError('NOT_FOUND', { what: 'booking' });
  if (booking.status !== 'booked') throw new DomainError('NOT_ACTIVE', { status: booking.status });

  const now = ctx.now();
  const clock = officeClock(office, now);
  if (booking.date !== clock.today) throw new DomainError('WRONG_DAY', { date: booking.date, today: clock.today });
  const window = checkInWindow(booking.session_start, booking.session_end, office.check_in_before_minutes, office.check_in_after_minutes);
  const timing = checkInTiming(clock.nowTime, window);
  const override = opts.overrideReason?.trim() || null;
  const earlyArrival = timing === 'early' && !override && withinEarlyMargin(clock.nowTime, booking.session_start, Number(office.early_check_in_minutes));
  if (timing !== 'on_time' && !override && !earlyArrival) {
    // The hours said are those the ticket gives: the early-arrival margin widens the window.
    const arrival = arrivalTimes(booking.session_start, booking.session_end, { before: office.check_in_before_minutes, after: office.check_in_after_minutes, earlyMinutes: Number(office.early_check_in_minutes) });
    throw new DomainError('CHECK_IN_WINDOW', { timing, opensAt: timeOfMinutes(arrival.from), closesAt: timeOfMinutes(arrival.until) });
  }

  const at = now.toISOString();
  const event = await db.transaction().execute(async (trx) => {
    const checkedIn = await applyLifecycleStep(trx, {
      type: 'checked_in',
      bookingId: booking.id,
      from: booking.status,
      at,
      actor: opts.actor,
      note: timing === 'on_time' ? null : earlyArrival ? `early arrival: called from ${booking.session_start}` : `override (${timing}): ${override}`,
      set: { checked_in_at: at, priority: opts.priority ?? null, call_from: earlyArrival ? booking.session_start : null },
      // A reschedule racing the check-in may have moved the booking to another day.
      where: { date: clock.today },
    });
    // Someone arriving with few ahead (or a priority group, first in line) hears at once.
    await announceTurns(trx, { office, date: clock.today, at });
    return checkedIn;
  });
  await publishTicketEvents(ctx, [event]);
  const updated = await findBookingById(db, booking.id);
  if (!updated) throw new Error(`booking ${booking.id} vanished after check-in`);
  return updated;
}
