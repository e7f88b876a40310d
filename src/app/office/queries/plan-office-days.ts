import { listSessions } from '../../../db/repositories/catalogue.js';
import { countActiveBetween } from '../../../db/repositories/bookings.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type DayAvailability, planDays, slotKey } from '../../../domain/availability.js';
import { addDays, eachDay, type LocalDate } from '../../../domain/local-date.js';
import { closuresBetween } from './office-calendar.js';
import { type OfficeClock } from '../../../domain/office-clock.js';

/** Availability of an office over `count` days from `from`, read in three queries. */
export async function planOfficeDays(
  db: Executor,
  office: OfficeRow,
  clock: OfficeClock,
  from: LocalDate,
  count: number,
): Promise<DayAvailability[]> {
  const to = addDays(from, count - 1);
  const [sessions, closedDays, counts] = await Promise.all([
    listSessions(db, office.id),
    closuresBetween(db, office.id, from, to),
    countActiveBetween(db, office.id, from, to),
  ]);
  return planDays({
    dates: eachDay(from, count),
    openWeekdays: clock.openWeekdays,
    closedDays,
    sessions: sessions.map((s) => ({ id: s.id, letter: s.letter, start: s.start_time, end: s.end_time, capacity: s.capacity })),
    booked: new Map(counts.map((c) => [slotKey(c.date, c.sessionId), c.count])),
    window: clock.window,
    today: clock.today,
    nowTime: clock.nowTime,
  });
}
