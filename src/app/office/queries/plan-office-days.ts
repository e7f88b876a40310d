import { countActiveBetween, countActiveInSession } from '../../../db/repositories/bookings.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type DayAvailability, planDays, type SessionTemplate, slotKey } from '../../../domain/availability.js';
import { addDays, eachDay, type LocalDate } from '../../../domain/local-date.js';
import { officeClock, type OfficeClock } from '../../../domain/office-clock.js';
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
 * Plans `dates` (from `from` to `to`) with the office's sessions and closures, read through the
 * process's cache (each part read again once its tables were written), and the booked counts
 * given; the time-dependent part (the window, today, sessions already over) is worked out from
 * `clock` on every call. `pick` narrows the sessions a date is planned with.
 */
async function planRange(
  db: Executor,
  office: OfficeRow,
  clock: OfficeClock,
  range: { from: LocalDate; to: LocalDate; dates: LocalDate[] },
  channel: BookingChannel,
  booked: Promise<ReadonlyMap<string, number>>,
  pick: (sessions: readonly SessionTemplate[]) => readonly SessionTemplate[] = (sessions) => sessions,
): Promise<DayAvailability[]> {
  const key = `${office.id}:${range.from}:${range.to}`;
  const [sessionsOn, closedDays, counts] = await Promise.all([
    cachedRead(db, `sessions:${key}`, WINDOW_TABLES.sessions, () => loadSessionsByDate(db, office.id, range.from, range.to)),
    cachedRead(db, `closures:${key}`, WINDOW_TABLES.closures, () => closuresBetween(db, office.id, range.from, range.to)),
    booked,
  ]);
  return planDays({
    dates: range.dates,
    closedDays,
    sessionsOn: (date) => pick(sessionsOn(date)),
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
 * Availability of an office over `count` days from `from`, read in four queries or from the
 * process's read cache (src/app/shared/read-cache.ts).
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
  const booked = cachedRead(db, `booked:${office.id}:${from}:${to}`, WINDOW_TABLES.booked, () => bookedBetween(db, office.id, from, to), { exactAcrossProcesses: true });
  return planRange(db, office, clock, { from, to, dates: eachDay(from, count) }, channel, booked);
}

/**
 * The day of `date` as planned for booking one session of it: the same as planOfficeDays for
 * that day, except that only the session's own bookings are counted (one index range, not the
 * day's), so only its `remaining` is known. For a check before taking the session's place,
 * which refuses a full session without a transaction: the planned day is kept like the
 * availability answer (cachedWindowAnswer: everything in it that depends on the time changes on
 * a minute), so at a rush the refusals cost no database round trip and no planning on either
 * engine. On PostgreSQL a place freed by another process shows once its event arrives (at most
 * 750 ms later); a count too low is harmless, as the place is taken under the session's lock.
 * Callers must not change the day they get: it is shared.
 */
export async function planOfficeSession(
  ctx: AppContext,
  office: OfficeRow,
  date: LocalDate,
  sessionId: number,
  channel: BookingChannel = 'online',
): Promise<DayAvailability> {
  return cachedWindowAnswer(ctx, office.id, `session|${date}|${sessionId}|${channel}`, async (now) => {
    const db = ctx.storage.db;
    const booked = countActiveInSession(db, office.id, sessionId, date).then((n) => new Map([[slotKey(date, sessionId), n]]));
    // A date that opens without this session is planned whole (its other counts unread), so the
    // refusal names the unknown session rather than a closed day.
    const pick = (sessions: readonly SessionTemplate[]) => {
      const own = sessions.filter((s) => s.id === sessionId);
      return own.length ? own : sessions;
    };
    const [day] = await planRange(db, office, officeClock(office, now), { from: date, to: date, dates: [date] }, channel, booked, pick);
    return day!;
  });
}
