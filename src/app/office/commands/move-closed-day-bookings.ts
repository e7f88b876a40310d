import { listBookingsOn } from '../../../db/repositories/bookings.js';
import { takeSessionPlace } from '../../shared/session-quota.js';
import { findClosedDay } from '../../../db/repositories/closures.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type DayAvailability } from '../../../domain/availability.js';
import { closureNote, closureTarget, inQueueOrder } from '../../../domain/closure-move.js';
import { DomainError } from '../../../domain/errors.js';
import { addDays, daysBetween } from '../../../domain/local-date.js';
import { formatQueueNumber } from '../../../domain/queue-number.js';
import type { ClosureCause, TicketEvent } from '../../../domain/ticket-status.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { AppContext } from '../../shared/context.js';
import { nextTurn } from '../../shared/next-turn.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { planOfficeDays } from '../queries/plan-office-days.js';

/** A place in the queue: a date, a session and a number in it. */
export interface QueuePlace {
  date: string;
  sessionId: number;
  sessionStart: string;
  queueNumber: string;
}

/** A booking moved off a closed day. */
export interface ClosureMove {
  code: string;
  from: QueuePlace;
  to: QueuePlace;
}

/** What emptying a closed day did, in queue order. */
export interface ClosureMoves {
  moved: ClosureMove[];
  cancelled: { code: string; from: QueuePlace }[];
}

/** Tries per booking before leaving it to the background step: each miss means a rush took the place first. */
const ATTEMPTS = 50;

/** The closure was removed while its day was being emptied: the rest stay where they are. */
class ClosureRemoved extends Error {}

/**
 * Moves every booking of a closed day not yet at the office, in queue order and one
 * transaction each, to the nearest open day with room (see `closureTarget`), and cancels
 * those that fit nowhere in the booking window. Each target is checked under its session's
 * lock with the same quota rule as a booking, so no session ever goes over its places. Safe
 * to run again and from several processes: a booking moves only while it is still booked on
 * the closed day, so a second run only finishes what the first left.
 */
export async function moveBookingsOffClosedDay(ctx: AppContext, office: OfficeRow, cause: ClosureCause): Promise<ClosureMoves> {
  const db = ctx.storage.db;
  const result: ClosureMoves = { moved: [], cancelled: [] };
  const bookings = inQueueOrder(
    (await listBookingsOn(db, office.id, cause.date, 'booked')).map((b) => ({ ...b, sessionStart: b.session_start, queueNumber: b.queue_number })),
  );
  let days: DayAvailability[] | null = null;

  for (const [i, booking] of bookings.entries()) {
    // A full day is some 200 bookings, each a transaction and a message: on SQLite's one thread
    // the other requests of the process would wait for all of them.
    if (i > 0) await nextTurn();
    const from: QueuePlace = { date: booking.date, sessionId: booking.session_id, sessionStart: booking.session_start, queueNumber: booking.queue_number };
    let freshPlan = false;
    for (let attempt = 1; ; attempt++) {
      if (!days) {
        days = await planAfter(ctx, office, cause.date);
        freshPlan = true;
      }
      const target = closureTarget(days, cause.date, booking.session_start);
      // Places may have been freed since the plan was made: look again before cancelling anyone.
      if (!target && !freshPlan) {
        days = null;
        continue;
      }
      const now = ctx.now();
      const at = now.toISOString();
      try {
        const event: TicketEvent = await db.transaction().execute(async (trx) => {
          const closed = await findClosedDay(trx, office.id, cause.date);
          if (closed?.kind !== 'office_closure') throw new ClosureRemoved();
          if (!target) {
            return applyLifecycleStep(trx, {
              type: 'cancelled_by_closure',
              bookingId: booking.id,
              from: 'booked',
              where: { date: cause.date },
              at,
              actor: null,
              note: closureNote(cause),
              closure: cause,
            });
          }
          // The booking keeps its channel: an online booking moved by the office still leaves the desk's share free.
          const sequence = await takeSessionPlace(trx, { officeId: office.id, sessionId: target.session.id, date: target.date, channel: booking.channel, now });
          return applyLifecycleStep(trx, {
            type: 'moved_by_closure',
            bookingId: booking.id,
            from: 'booked',
            // Still on the closed day: a booking another run, the citizen or the desk moved already stays put.
            where: { date: cause.date },
            at,
            actor: null,
            set: { date: target.date, session_id: target.session.id, queue_number: formatQueueNumber(target.session.letter, sequence) },
            previous: { date: from.date, sessionId: from.sessionId, queueNumber: from.queueNumber },
            note: closureNote({ ...cause, from: { date: from.date, sessionStart: from.sessionStart, queueNumber: from.queueNumber } }),
            closure: cause,
          });
        });
        await publishTicketEvents(ctx, [event]);
        if (event.type === 'moved_by_closure' && target) {
          result.moved.push({ code: booking.code, from, to: { date: event.date, sessionId: event.sessionId, sessionStart: target.session.start, queueNumber: event.queueNumber } });
          days = takePlace(days, target.date, target.session.id);
        } else {
          result.cancelled.push({ code: booking.code, from });
        }
        break;
      } catch (error) {
        if (error instanceof ClosureRemoved) return result;
        // The booking changed meanwhile (cancelled, moved by the citizen or another run): not ours to move.
        if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') break;
        // A rush took the last place, or the target day was closed meanwhile: plan again.
        const lost = error instanceof DomainError && (error.code === 'SESSION_FULL' || error.code === 'CLOSED');
        if (!lost || attempt >= ATTEMPTS) throw error;
        days = null;
      }
    }
  }
  return result;
}

/** The days a closed day's bookings may go to: after it, up to the end of the booking window. */
async function planAfter(ctx: AppContext, office: OfficeRow, closedDate: string): Promise<DayAvailability[]> {
  const clock = officeClock(office, ctx.now());
  const next = addDays(closedDate, 1);
  const first = next > clock.window.first ? next : clock.window.first;
  const count = daysBetween(first, clock.window.last) + 1;
  return count > 0 ? planOfficeDays(ctx.storage.db, office, clock, first, count) : [];
}

/** The plan with one place fewer in a session, as the move just took it. */
function takePlace(days: DayAvailability[], date: string, sessionId: number): DayAvailability[] {
  return days.map((d) =>
    d.date !== date
      ? d
      : { ...d, sessions: d.sessions.map((s) => (s.id === sessionId ? { ...s, remaining: s.remaining - 1, bookable: s.bookable && s.remaining - 1 > 0 } : s)) },
  );
}
