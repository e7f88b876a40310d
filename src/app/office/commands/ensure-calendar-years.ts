import { insertClosedDays, loadedCalendarYears, markCalendarYear } from '../../../db/repositories/calendar.js';
import type { AppContext } from '../../shared/context.js';
import { officialClosedDays } from '../official-closed-days.js';
import { provisionalNationalHolidays } from '../provisional-holidays.js';

export interface EnsureCalendarYearsOptions {
  officeId: number;
  /** Years whose closed days must be known; years already loaded are left alone. */
  years: number[];
}

/**
 * Loads the closed days of each year that an office does not have yet: the decree's list when
 * the project ships it, otherwise date-holidays' guess marked provisional for the admin to
 * confirm. A year is loaded once; after that the office's table is the only truth, so an
 * admin's edits are never overwritten.
 */
export async function ensureCalendarYears(ctx: AppContext, { officeId, years }: EnsureCalendarYearsOptions): Promise<void> {
  // The guesses are worked out before the transaction (in a thread of its own), for the years
  // not loaded yet: a loaded year is never loaded again, so the transaction needs no others.
  const loadedBefore = await loadedCalendarYears(ctx.storage.db, officeId);
  const toGuess = years.filter((y) => !loadedBefore.has(y) && !officialClosedDays(y));
  const guesses = toGuess.length ? await provisionalNationalHolidays(toGuess) : [];
  const guessed = new Map(toGuess.map((year, i) => [year, guesses[i]!]));
  await ctx.storage.db.transaction().execute(async (trx) => {
    const loaded = await loadedCalendarYears(trx, officeId);
    for (const year of years) {
      if (loaded.has(year)) continue;
      const official = officialClosedDays(year);
      const guess = guessed.get(year);
      if (!official && !guess) throw new Error(`year ${year} was loaded before and is not any more`);
      const days = official ?? guess!.map((h) => ({ ...h, kind: 'provisional_holiday' as const }));
      await insertClosedDays(
        trx,
        days.map((d) => ({ office_id: officeId, date: d.date, reason: d.name, kind: d.kind })),
      );
      await markCalendarYear(trx, { office_id: officeId, year, source: official ? 'official' : 'provisional' });
    }
  });
}

