import {
  findBookingById,
} from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import { assertBookable } from '../../../domain/availability.js';
import { DomainError } from '../../../domain/errors.js';
import { formatQueueNumber } from '../../../domain/queue-number.js';
import type { AppContext } from '../../shared/context.js';
import { type BookingHolder, findChangeableBooking } from '../queries/find-changeable-booking.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeSession } from '../../office/queries/plan-office-days.js';
import { takeSessionPlace } from '../../shared/session-quota.js';
import { assertNoDrawHolds } from '../../draw/queries/assert-no-draw.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';

/** The booking, who moves it (its owner by NIK, or the desk for them), and where to. */
export type RescheduleBookingOptions = { code: string; date: string; sessionId: number } & BookingHolder;

/**
 * Moves a booking to another session, keeping its code. The new place is taken under the new
 * session's lock in the same transaction that gives the old one up, so a full target leaves
 * the booking where it was. The desk's move may use the places held back for the desk, and
 * records the clerk.
 */
export async function rescheduleBooking(ctx: AppContext, opts: RescheduleBookingOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const booking = await findChangeableBooking(ctx, opts.code, opts);
  const channel = opts.desk ? 'desk' : 'online';
  if (booking.status !== 'booked') throw new DomainError('NOT_ACTIVE', { status: booking.status });
  if (booking.date === opts.date && booking.session_id === opts.sessionId) return booking;

  const office = await requireOffice(db, booking.office_slug);
  const now = ctx.now();
  const at = now.toISOString();
  const clock = officeClock(office, now);
  if (booking.date < clock.today) throw new DomainError('NOT_ACTIVE', { status: 'past' });
  // A citizen's move into a date being drawn waits for the draw, like a new booking.
  if (channel === 'online' && booking.date !== opts.date) await assertNoDrawHolds(ctx, office, opts.date, now);
  const day = await planOfficeSession(ctx, office, opts.date, opts.sessionId, channel);
  const session = assertBookable(day, opts.sessionId, office.timezone);

  const event = await db.transaction().execute(async (trx) => {
    // A citizen's own move leaves the desk's share free like any online booking; the desk may use it.
    const sequence = await takeSessionPlace(trx, { officeId: office.id, sessionId: session.id, date: day.date, channel, now });
    // Only a booking still `booked` moves: a check-in or cancel that got there first wins.
    return applyLifecycleStep(trx, {
      type: 'rescheduled',
      bookingId: booking.id,
      from: 'booked',
      at,
      actor: opts.desk?.actor ?? null,
      set: { date: day.date, session_id: session.id, queue_number: formatQueueNumber(session.letter, sequence) },
      previous: { date: booking.date, sessionId: booking.session_id, queueNumber: booking.queue_number },
      note: `${booking.date} ${booking.session_start} ${booking.queue_number}`,
      missed: 'NOT_ACTIVE',
    });
  });
  await publishTicketEvents(ctx, [event]);
  const moved = await findBookingById(db, booking.id);
  if (!moved) throw new Error(`booking ${booking.id} vanished after reschedule`);
  return moved;
}
