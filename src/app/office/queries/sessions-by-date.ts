import type { Executor } from '../../../db/repositories/offices.js';
import { listDaySessions, listWeeklySessions, type ScheduledSession } from '../../../db/repositories/schedule.js';
import type { SessionTemplate } from '../../../domain/availability.js';
import { isoWeekday, type LocalDate } from '../../../domain/local-date.js';

/** The sessions each date has by an office's schedule: a lookup for planning days. */
export type SessionsByDate = (date: LocalDate) => SessionTemplate[];

function template(s: ScheduledSession): SessionTemplate {
  return { id: s.session_id, letter: s.letter, start: s.start_time, end: s.end_time, capacity: s.capacity };
}

/**
 * Reads an office's week and the dates with their own sessions between `from` and `to`, in
 * two queries, and answers which sessions each of those dates has.
 */
export async function loadSessionsByDate(db: Executor, officeId: number, from: LocalDate, to: LocalDate): Promise<SessionsByDate> {
  const [weekly, own] = await Promise.all([listWeeklySessions(db, officeId), listDaySessions(db, officeId, from, to)]);
  const byWeekday = new Map<number, SessionTemplate[]>();
  for (const s of weekly) byWeekday.set(s.weekday, [...(byWeekday.get(s.weekday) ?? []), template(s)]);
  const byDate = new Map<LocalDate, SessionTemplate[]>();
  for (const s of own) byDate.set(s.date, [...(byDate.get(s.date) ?? []), template(s)]);
  return (date) => byDate.get(date) ?? byWeekday.get(isoWeekday(date)) ?? [];
}
