import type { DayAvailability } from '../../../domain/availability.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';

export interface GetAvailabilityOptions {
  officeSlug: string;
  /** First date shown; the office's today when absent. */
  from?: LocalDate;
  days: number;
}

/** Every date in the range with its sessions and remaining places. */
export async function getAvailability(
  ctx: AppContext,
  opts: GetAvailabilityOptions,
): Promise<{ office: OfficeRow; days: DayAvailability[] }> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const clock = officeClock(office, ctx.now());
  const days = await planOfficeDays(db, office, clock, opts.from ?? clock.today, opts.days);
  return { office, days };
}
