import { closedDaysBetween } from '../../../db/repositories/calendar.js';
import type { OfficeRow } from '../../../db/schema.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { addDays, daysBetween, type LocalDate } from '../../../domain/local-date.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { AppContext } from '../../shared/context.js';
import type { ClosedDay } from '../read-models.js';
import { requireOffice } from './find-office.js';

/** The longest range one listing covers: a year, the same as a report. */
export const MAX_CLOSURE_RANGE_DAYS = 366;

/** An office's dated closed days in a range: holidays, cuti bersama and its own closures. */
export interface ClosureList {
  office: OfficeRow;
  today: LocalDate;
  from: LocalDate;
  to: LocalDate;
  closures: ClosedDay[];
}

/** The office's closed days from `from` (default today) to `to` (default a year on), both included. */
export async function listClosures(ctx: AppContext, opts: { officeSlug: string; from?: LocalDate | undefined; to?: LocalDate | undefined }): Promise<ClosureList> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const today = officeClock(office, ctx.now()).today;
  const from = opts.from ?? today;
  const to = opts.to ?? addDays(from, 365);
  if (to < from) throw new InvalidInputError([{ field: 'to', problem: 'RANGE_INVALID' }]);
  if (daysBetween(from, to) > MAX_CLOSURE_RANGE_DAYS) throw new InvalidInputError([{ field: 'to', problem: 'RANGE_TOO_LONG' }]);
  return { office, today, from, to, closures: await closedDaysBetween(db, office.id, from, to) };
}
