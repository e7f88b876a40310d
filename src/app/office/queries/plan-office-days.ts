import { countActiveBetween, countActiveInSession } from '../../../db/repositories/bookings.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type DayAvailability, planDays, slotKey } from '../../../domain/availability.js';
import { addDays, eachDay, type LocalDate } from '../../../domain/local-date.js';
import { type OfficeClock } from '../../../domain/office-clock.js';
import { releaseRulesOf } from '../release-rules.js';
import type { AppContext } from '../../shared/context.js';
import { cachedRead, cachedWindowAnswer, WINDOW_TABLES } from '../../shared/read-cache.js';
import { closuresBetween } from './office-calendar.js';
import { loadSessionsByDate } from './sessions-by-date.js';

/** Who the days are planned for: the desk and walk-ins may fill the places held back from online booking. */
export type BookingChannel = 'online' | 'desk' | 'walk_in';

/** Active bookings per slot (`slotKey`) over a range. */
async function bookedBetween(db: Executor, officeId: number, from: LocalDate, to: LocalDate): Promise<Map<string, number>> {
  const counts = await countActiveBetween(db, officeId, from, to);
  return new Map(counts.map((c) => [slotKey(c.date, c.sessionId), c.count]));
}

/**
 * Availability of an office over `count` days from `from`, read in four queries or from the
 * process's read cache (src/app/shared/read-cache.ts); the time-dependent part (the window,
 * today, sessions already over) is worked out from `clock` on every call.
 */
export async function planOfficeDays(
  db: Executor,
  office: OfficeRow,
  clock: OfficeClock,
  from: LocalDate,
  count: number,
  channel: BookingChannel = 'online',
): Promise<DayAvailability[]> {
  const to = addDays(from, count - 1);
  // Read through the process's cache: each part is read again once its tables were written.
  const range = `${office.id}:${from}:${to}`;
  const [sessionsOn, closedDays, counts] = await Promise.all([
    cachedRead(db, `sessions:${range}`, WINDOW_TABLES.sessions, () => loadSessionsByDate(db, office.id, from, to)),
    cachedRead(db, `closures:${range}`, WINDOW_TABLES.closures, () => closuresBetween(db, office.id, from, to)),
    cachedRead(db, `booked:${range}`, WINDOW_TABLES.booked, () => bookedBetween(db, office.id, from, to), { exactAcrossProcesses: true }),
  ]);
  return planDays({
    dates: eachDay(from, count),
    closedDays,
    sessionsOn,
    channel,
    deskSharePercent: Number(office.desk_share_percent),
    booked: counts,
    window: clock.window,
    today: clock.today,
    nowTime: clock.nowTime,
    // Online places open by the office's release schedule, at the clock's instant.
    release: { rules: releaseRulesOf(office), zone: office.timezone, now: clock.now },
  });
}

/**
 * The day of `date` as planned for booking one session of it: the same as planOfficeDays for
 * that day, except that only the session's own bookings are counted (one index range, not the
 * day's), so only its `remaining` is known. For a check before taking the session's place,
 * which refuses a full session without a transaction: the count is kept like the availability
 * answer (cachedWindowAnswer), so at a rush the refusals cost no database round trip on either
 * engine. On PostgreSQL a place freed by another process shows once its event arrives (at most
 * 750 ms later); a count too low is harmless, as the place is taken under the session's lock.
 */
export async function planOfficeSession(
  ctx: AppContext,
  office: OfficeRow,
  clock: OfficeClock,
  date: LocalDate,
  sessionId: number,
  channel: BookingChannel = 'online',
): Promise<DayAvailability> {
  const db = ctx.storage.db;
  const range = `${office.id}:${date}:${date}`;
  const [sessionsOn, closedDays, booked] = await Promise.all([
    cachedRead(db, `sessions:${range}`, WINDOW_TABLES.sessions, () => loadSessionsByDate(db, office.id, date, date)),
    cachedRead(db, `closures:${range}`, WINDOW_TABLES.closures, () => closuresBetween(db, office.id, date, date)),
    cachedWindowAnswer(ctx, office.id, `booked|${date}|${sessionId}`, () => countActiveInSession(db, office.id, sessionId, date)),
  ]);
  const all = sessionsOn(date);
  const own = all.filter((s) => s.id === sessionId);
  const [day] = planDays({
    dates: [date],
    closedDays,
    // A date that opens without this session is planned whole (its other counts unread), so the
    // refusal names the unknown session rather than a closed day.
    sessionsOn: () => (own.length ? own : all),
    channel,
    deskSharePercent: Number(office.desk_share_percent),
    booked: new Map([[slotKey(date, sessionId), booked]]),
    window: clock.window,
    today: clock.today,
    nowTime: clock.nowTime,
    release: { rules: releaseRulesOf(office), zone: office.timezone, now: clock.now },
  });
  return day!;
}
