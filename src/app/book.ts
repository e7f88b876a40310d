import { createHash } from 'node:crypto';
import {
  countActiveInSession,
  expireStaleBookingsOfNik,
  findActiveBookingByNik,
  findBookingById,
  findIdempotencyKey,
  insertBooking,
  insertBookingEvent,
  insertIdempotencyKey,
  lockSessionDay,
  type BookingView,
  UNIQUE_ACTIVE_NIK,
  UNIQUE_BOOKING_CODE,
} from '../db/repositories/bookings.js';
import { findServiceByCode } from '../db/repositories/catalogue.js';
import type { OfficeRow } from '../db/schema.js';
import { assertBookable, hasRoom } from '../domain/availability.js';
import { generateBookingCode } from '../domain/booking-code.js';
import { DomainError, InvalidInputError } from '../domain/errors.js';
import { parsePerson } from '../domain/person.js';
import { formatQueueNumber } from '../domain/queue-number.js';
import type { AppContext } from './context.js';
import { requireOffice } from './find-office.js';
import { officeClock } from './office-calendar.js';
import { planOfficeDays } from './plan-office-days.js';

export interface BookOptions {
  officeSlug: string;
  date: string;
  sessionId: number;
  serviceCode: string;
  nik: string;
  name: string;
  phone: string;
  /** How the booking was made: by the citizen, by the desk on their behalf, or as a walk-in. */
  channel: 'online' | 'desk' | 'walk_in';
  /** Client-chosen key that makes a retried request return the first booking instead of a second. */
  idempotencyKey?: string | undefined;
  /** The staff member who booked, for desk and walk-in bookings. */
  actorUserId?: number | null;
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
  const person = parsePerson(opts);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const service = await findServiceByCode(db, office.id, opts.serviceCode);
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);

  const requestHash = fingerprint({ ...opts, ...person });
  if (opts.idempotencyKey) {
    const replay = await replayIdempotent(ctx, opts.idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const now = ctx.now();
  const at = now.toISOString();
  const clock = officeClock(office, now);
  const [day] = await planOfficeDays(db, office, clock, opts.date, 1);
  if (!day) throw new DomainError('NOT_BOOKABLE', { date: opts.date });
  const session = assertBookable(day, opts.sessionId);

  // A fresh code colliding with an existing one is a one-in-trillions event; draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      const bookingId = await db.transaction().execute(async (trx) => {
        await expireStaleBookingsOfNik(trx, office.id, person.nik, clock.today, at);
        const existing = await findActiveBookingByNik(trx, office.id, person.nik);
        if (existing) throw alreadyBooked();

        const sequence = await lockSessionDay(trx, office.id, session.id, day.date);
        const active = await countActiveInSession(trx, office.id, session.id, day.date);
        if (!hasRoom(session.capacity, active)) throw new DomainError('SESSION_FULL', { date: day.date });

        const id = await insertBooking(trx, {
          code: generateBookingCode(ctx.randomInt),
          office_id: office.id,
          service_id: service.id,
          session_id: session.id,
          date: day.date,
          queue_number: formatQueueNumber(session.letter, sequence),
          status: 'booked',
          nik: person.nik,
          name: person.name,
          phone: person.phone,
          channel: opts.channel,
          priority: null,
          checked_in_at: null,
          created_at: at,
          updated_at: at,
        });
        await insertBookingEvent(trx, {
          booking_id: id,
          office_id: office.id,
          at,
          type: 'booked',
          from_status: null,
          to_status: 'booked',
          user_id: opts.actorUserId ?? null,
          counter_number: null,
          note: opts.channel,
        });
        if (opts.idempotencyKey) await insertIdempotencyKey(trx, opts.idempotencyKey, requestHash, id, at);
        return id;
      });
      await announceAvailability(ctx, office, day.date, session.id);
      const booking = await findBookingById(db, bookingId);
      if (!booking) throw new Error(`booking ${bookingId} vanished after commit`);
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

/** Tells live pages that a session's remaining places changed. */
export async function announceAvailability(ctx: AppContext, office: OfficeRow, date: string, sessionId: number): Promise<void> {
  await ctx.events.publish({ officeId: office.id, type: 'availability', payload: { date, sessionId } });
}
