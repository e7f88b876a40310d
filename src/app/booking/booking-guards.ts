import type { EngineCapabilities } from '../../db/engine.js';
import { countOnlineBookingsMadeBy, listNoShowDatesOfNik, phoneLookupHash } from '../../db/repositories/bookings.js';
import type { Executor } from '../../db/repositories/offices.js';
import type { OfficeRow } from '../../db/schema.js';
import { type BookingLimits, monthAround, noShowBlockedUntil, noShowLookBack, type NoShowPolicy } from '../../domain/booking-guards.js';
import { DomainError } from '../../domain/errors.js';
import { todayIn } from '../../domain/local-date.js';

/** The office's monthly limits per phone number and per NIK. */
export function bookingLimitsOf(o: OfficeRow): BookingLimits {
  return { perPhonePerMonth: Number(o.phone_bookings_per_month), perNikPerMonth: Number(o.nik_bookings_per_month) };
}

/** The office's no-show policy. */
export function noShowPolicyOf(o: OfficeRow): NoShowPolicy {
  return {
    enabled: Number(o.no_show_policy_enabled) === 1,
    noShows: Number(o.no_show_count),
    withinDays: Number(o.no_show_within_days),
    blockDays: Number(o.no_show_block_days),
  };
}

/**
 * Refuses an online booking that a person-based limit forbids: a NIK blocked after its
 * no-shows (NO_SHOW_BLOCKED), a NIK or a phone number that made its month's online bookings
 * (NIK_MONTHLY_LIMIT, PHONE_MONTHLY_LIMIT). Months are the office's calendar months of the
 * bookings' creation; cancelled bookings are not counted. Desk and walk-in bookings are never
 * refused here and never counted: the desk sees the person and their KTP.
 * Call it within the booking's transaction: requests with one phone number wait for each other
 * from the phone's count to their commit (`lockWithinTransaction`), or a script sending ten at
 * once with one number would have them all count the same earlier bookings and all pass (seen on
 * PostgreSQL: ten of ten booked against a limit of four). One NIK needs no lock: it holds only
 * one active booking, by a unique index.
 */
export async function assertMayBookOnline(
  trx: Executor,
  engine: Pick<EngineCapabilities, 'lockWithinTransaction'>,
  office: OfficeRow,
  person: { nik: string; phone: string },
  now: Date,
): Promise<void> {
  const policy = noShowPolicyOf(office);
  if (policy.enabled) {
    const today = todayIn(office.timezone, now);
    const dates = await listNoShowDatesOfNik(trx, office.id, person.nik, noShowLookBack(policy, today));
    const until = noShowBlockedUntil(policy, dates, today);
    if (until) throw new DomainError('NO_SHOW_BLOCKED', { until });
  }
  const limits = bookingLimitsOf(office);
  const { from, to } = monthAround(office.timezone, now);
  const range = [from.toISOString(), to.toISOString()] as const;
  const byNik = limits.perNikPerMonth > 0;
  const byPhone = limits.perPhonePerMonth > 0 && person.phone !== '';
  if (!byNik && !byPhone) return;
  if (byPhone) await engine.lockWithinTransaction(trx, `phone-month:${office.id}:${phoneLookupHash(person.phone)}`);
  const made = await countOnlineBookingsMadeBy(trx, { officeId: office.id, nik: byNik ? person.nik : null, phone: byPhone ? person.phone : null }, ...range);
  if (byNik && made.byNik >= limits.perNikPerMonth) throw new DomainError('NIK_MONTHLY_LIMIT', { limit: limits.perNikPerMonth });
  if (byPhone && made.byPhone >= limits.perPhonePerMonth) throw new DomainError('PHONE_MONTHLY_LIMIT', { limit: limits.perPhonePerMonth });
}
