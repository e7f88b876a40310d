import { countOffices, insertOffice, listOffices } from '../../../db/repositories/offices.js';
import { todayIn, yearOf } from '../../../domain/local-date.js';
import type { AppContext } from '../../shared/context.js';
import { DEFAULT_OFFICE } from '../default-office.js';
import { seedOffice } from '../seed-office.js';
import { ensureCalendarYears } from './ensure-calendar-years.js';

/**
 * Makes a fresh database ready to book: creates the default office when there is none, and
 * makes sure every office has the closed days of this year and the next.
 */
export async function ensureDefaultOffice(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  await ctx.storage.db.transaction().execute(async (trx) => {
    if ((await countOffices(trx)) > 0) return;
    const o = DEFAULT_OFFICE;
    const officeId = await insertOffice(trx, {
      slug: o.slug,
      name: o.name,
      timezone: o.timezone,
      address: o.address,
      open_weekdays: o.openWeekdays.join(','),
      same_day_booking: o.sameDayBooking ? 1 : 0,
      booking_days_ahead: o.bookingDaysAhead,
      check_in_before_minutes: o.checkInBeforeMinutes,
      check_in_after_minutes: o.checkInAfterMinutes,
      created_at: now.toISOString(),
    });
    await seedOffice(trx, officeId);
  });
  for (const office of await listOffices(ctx.storage.db)) {
    const thisYear = yearOf(todayIn(office.timezone, now));
    await ensureCalendarYears(ctx, { officeId: office.id, years: [thisYear, thisYear + 1] });
  }
}

