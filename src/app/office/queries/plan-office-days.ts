import { countActiveBetween } from '../../../db/repositories/bookings.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type DayAvailability, planDays, slotKey } from '../../../domain/availability.js';
import { addDays, eachDay, type LocalDate } from '../../../domain/local-date.js';
import { type OfficeClock } from '../../../domain/office-clock.js';
import { releaseRulesOf } from '../release-rules.js';
import { closuresBetween } from './office-calendar.js';
import { loadSessionsByDate } from './sessions-by-date.js';

/** Who the days are planned for: the desk and walk-ins may fill the places held back from online booking. */
export type BookingChannel = 'online' | 'desk' | 'walk_in';

/** Availability of an office over `count` days from `from`, read in four queries. */
export async function planOfficeDays(
  db: Executor,
  office: OfficeRow,
  clock: OfficeClock,
  from: LocalDate,
  count: number,
  channel: BookingChannel = 'online',
): Promise<DayAvailability[]> {
  const to = addDays(from, count - 1);
  const [sessionsOn, closedDays, counts] = await Promise.all([
    loadSessionsByDate(db, office.id, from, to),
    closuresBetween(db, office.id, from, to),
    countActiveBetween(db, office.id, from, to),
  ]);
  return planDays({
    dates: eachDay(from, count),
    closedDays,
    sessionsOn,
    channel,
    deskSharePercent: Number(office.desk_share_percent),
    booked: new Map(counts.map((c) => [slotKey(c.date, c.sessionId), c.count])),
    window: clock.window,
    today: clock.today,
    nowTime: clock.nowTime,
    // Online places open by the office's release schedule, at the clock's instant.
    release: { rules: releaseRulesOf(office), zone: office.timezone, now: clock.now },
  });
}
