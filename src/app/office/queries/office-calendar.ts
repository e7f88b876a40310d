import { closedDaysBetween } from '../../../db/repositories/calendar.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { Closure } from '../../../domain/availability.js';
import type { LocalDate } from '../../../domain/local-date.js';

/** The office's dated closures in a range, keyed by date. */
export async function closuresBetween(
  db: Executor,
  officeId: number,
  from: LocalDate,
  to: LocalDate,
): Promise<Map<LocalDate, Exclude<Closure, { kind: 'weekend' }>>> {
  const rows = await closedDaysBetween(db, officeId, from, to);
  return new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.reason }]));
}
