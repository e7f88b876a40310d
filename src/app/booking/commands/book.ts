import { createHash } from 'node:crypto';
import {
  findBookingById,
  findIdempotencyKey,
  insertIdempotencyKey,
  listActiveOfNikAt,
  UNIQUE_ACTIVE_NIK,
  UNIQUE_BOOKING_CODE,
} from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import { findServiceByCode } from '../../../db/repositories/catalogue.js';
import type { Executor } from '../../../db/repositories/offices.js';
import { assertBookable } from '../../../domain/availability.js';
import { generateBookingCode } from '../../../domain/booking-code.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { parsePerson } from '../../../domain/person.js';
import { formatQueueNumber } from '../../../domain/queue-number.js';
import { dayEndEvent, type TicketEvent, type TicketStatus } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { cachedRead, WINDOW_TABLES } from '../../shared/read-cache.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeSession } from '../../office/queries/plan-office-days.js';
import { takeSessionPlace } from '../../shared/session-quota.js';
import { applyLifecycleStep, createBooking, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { assertMayBookOnline } from '../booking-guards.js';

export interface BookOptions {
  officeSlug: string;
  date: string;
  sessionId: number;
  serviceCode: string;
  nik: string;
  name: string;
  /** `0812…` in any common form; may be empty for desk and walk-in bookings (people without a phone). */
  phone: string;
  /** Optional address for messages besides WhatsApp; empty or null means none. */
  email?: string | null;
  /** How the booking was made: by the citizen, by the desk on their behalf, or as a walk-in. */
  channel: 'online' | 'desk' | 'walk_in';
  /** Client-chosen key that makes a retried request return the first booking instead of a second. */
  idempotencyKey?: string | undefined;
  /** The staff member who booked, for desk and walk-in bookings. */
  actorUserId?: number | null;
  /** The language the citizen booked in; their messages are written in it. Absent: Indonesian. */
  lang?: 'id' | 'en' | undefined;
}

/** How often a colliding booking code is drawn again before giving up. */
const CODE_ATTEMPTS = 3;

export interface BookResult {
  booking: BookingView;
  /** True when an earlier request with the same idempotency key made this booking. */
  replayed: boolean;
}

/**
 * Books a place in a session. The check of remaining places and the insert happen under the
 * session's lock in one transaction, so no session ever holds more bookings than its quota,
 * whatever the number of processes or requests.
 */
export async function book(ctx: AppContext, opts: BookOptions): Promise<BookResult> {
  try {
    const result = await bookOnce(ctx, opts);
    if (!result.replayed) ctx.meter?.bookingMade(opts.channel);
    return result;
  } catch (error) {
    // Input errors (a mistyped NIK) are the form's business; refusals by a rule are the office's.
    if (error instanceof DomainError) ctx.meter?.bookingRefused(opts.channel, error.code);
    throw error;
  }
}

async function bookOnce(ctx: AppContext, opts: BookOptions): Promise<BookResult> {
  // Only the desk books people without a phone; a citizen booking for themselves gives one.
  const person = parsePerson(opts, { phoneOptional: opts.channel !== 'online' });
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const service = await cachedRead(db, `service:${office.id}:${opts.serviceCode}`, WINDOW_TABLES.services, () => findServiceByCode(db, office.id, opts.serviceCode));
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);

  // The page's language is no part of the request: a retry after switching language is the same booking.
  const { lang, ...request } = opts;
  // Only a request with an idempotency key is fingerprinted: nothing else compares it.
  const requestHash = opts.idempotencyKey ? fingerprint({ ...request, ...person }) : '';
  if (opts.idempotencyKey) {
    const replay = await replayIdempotent(ctx, opts.idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const now = ctx.now();
  const at = now.toISOString();
  const clock = officeClock(office, now);
  const day = await planOfficeSession(ctx, office, opts.date, opts.sessionId, opts.channel);
  const session = assertBookable(day, opts.sessionId, office.timezone);

  // A fresh code colliding with an existing one is a one-in-trillions event; draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      const { booking, events } = await db.transaction().execute(async (trx) => {
        const active = await listActiveOfNikAt(trx, office.id, person.nik);
        if (active.some((b) => b.date >= clock.today)) throw alreadyBooked();
        const events = await expireStaleBookings(trx, active, at);
        if (opts.channel === 'online') await assertMayBookOnline(trx, ctx.storage.engine, office, person, now);

        const sequence = await takeSessionPlace(trx, { officeId: office.id, sessionId: session.id, date: day.date, channel: opts.channel, now });

        const booked = await createBooking(trx, {
          type: 'booked',
          at,
          actor: opts.actorUserId ? { userId: opts.actorUserId } : null,
          note: opts.channel,
          booking: {
            code: generateBookingCode(ctx.randomInt),
            office_id: office.id,
            service_id: service.id,
            session_id: session.id,
            date: day.date,
            queue_number: formatQueueNumber(session.letter, sequence),
            nik: person.nik,
            name: person.name,
            phone: person.phone,
            email: person.email,
            lang: lang ?? null,
            channel: opts.channel,
            priority: null,
            checked_in_at: null,
          },
          facts: { office, service, session },
        });
        if (opts.idempotencyKey) await insertIdempotencyKey(trx, opts.idempotencyKey, requestHash, booked.event.bookingId, at);
        // The booking as inserted in this transaction is what commits: the answer is made from it, not read again.
        return { booking: booked.booking, events: [...events, booked.event] };
      });
      await publishTicketEvents(ctx, events);
      return { booking, replayed: false };
    } catch (error) {
      // The same key racing itself: the twin request won, so answer as it did.
      if (opts.idempotencyKey) {
        const replay = await replayIdempotent(ctx, opts.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      if (attempt < CODE_ATTEMPTS && ctx.storage.engine.isUniqueViolation(error, UNIQUE_BOOKING_CODE)) continue;
      if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_ACTIVE_NIK)) {
        throw alreadyBooked();
      }
      throw error;
    }
  }
}

/**
 * The NIK already holds an active booking, told without its date, session or code: anyone may
 * type someone else's NIK, and the booking's time says when that person is away from home.
 */
export function alreadyBooked(): DomainError {
  return new DomainError('ALREADY_BOOKED');
}

async function replayIdempotent(ctx: AppContext, key: string, requestHash: string): Promise<BookResult | undefined> {
  const earlier = await findIdempotencyKey(ctx.storage.db, key);
  if (!earlier) return undefined;
  if (earlier.request_hash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  const booking = await findBookingById(ctx.storage.db, Number(earlier.booking_id));
  if (!booking) return undefined;
  return { booking, replayed: true };
}

function fingerprint(request: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(request).sort().map((k) => [k, request[k]]));
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Closes the NIK's active bookings (all of them of past days: the caller refused any other)
 * whose day is over but which the day closer has not reached yet,
 * by the day-end rule, so a missed day never blocks the person from booking again.
 */
async function expireStaleBookings(trx: Executor, staleBookings: readonly { id: number; status: TicketStatus }[], at: string): Promise<TicketEvent[]> {
  const events: TicketEvent[] = [];
  for (const stale of staleBookings) {
    const end = dayEndEvent(stale.status);
    if (!end) continue;
    try {
      events.push(await applyLifecycleStep(trx, { type: end.type, bookingId: stale.id, from: stale.status, at, actor: null, note: end.note ?? 'expired' }));
    } catch (error) {
      // The day closer got there first: the booking is closed either way.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return events;
}
