import type { DayAvailability } from '../../../domain/availability.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import { cachedWindowAnswer } from '../../shared/read-cache.js';

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

export interface GetAvailabilityAnswerOptions<T> extends GetAvailabilityOptions {
  /** What else the answer depends on besides the range (its language): part of the cache key. */
  variant: string;
  /** Makes the answer (the presented, serialized days) from the office and its days. */
  render: (availability: { office: OfficeRow; days: DayAvailability[] }) => T;
}

/**
 * The availability answer as `render` makes it, kept per process and served again while no
 * booking, schedule or calendar change and no minute of the clock can have changed it (see
 * cachedWindowAnswer): every page and phone polls it, and during a rush thousands do at once.
 */
export async function getAvailabilityAnswer<T>(ctx: AppContext, opts: GetAvailabilityAnswerOptions<T>): Promise<T> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  const key = `availability|${opts.from ?? 'today'}|${opts.days}|${opts.variant}`;
  return cachedWindowAnswer(ctx, office.id, key, async () => opts.render(await getAvailability(ctx, opts)));
}
