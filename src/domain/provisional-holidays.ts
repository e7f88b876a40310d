/**
 * A first guess at Indonesia's national holidays for years whose official list (the joint
 * ministerial decree, SKB 3 Menteri) is not yet entered. Only a guess: the ministry fixes the
 * Islamic days by sighting the moon, and date-holidays put Idul Fitri 2026 a day early, has no
 * cuti bersama and no Easter Sunday. Admins confirm or correct these days before relying on them.
 */
import type { LocalDate } from './local-date.js';

/** A day the package believes is a national public holiday. */
export interface ProvisionalHoliday {
  date: LocalDate;
  name: string;
}

/** A holiday as date-holidays' `getHolidays` gives it (the fields read here). */
export interface PackageHoliday {
  /** `2026-03-20 00:00:00 -0600`: the calendar day first, then a time and an offset. */
  date: string;
  name: string;
  type: string;
}

/** The national public holidays among date-holidays' entries for a year, one entry per date, in order. */
export function nationalHolidaysFrom(entries: readonly PackageHoliday[]): ProvisionalHoliday[] {
  const byDate = new Map<LocalDate, string[]>();
  for (const holiday of entries) {
    if (holiday.type !== 'public') continue;
    // date-holidays starts Islamic days at the previous sunset, so `start` is an instant the
    // evening before (`date` reads "2026-03-20 00:00:00 -0600"): converting `start` in any zone
    // can land on the wrong day. The first ten characters of `date` are the calendar day itself.
    const date = holiday.date.slice(0, 10);
    const names = byDate.get(date) ?? [];
    if (!names.includes(holiday.name)) names.push(holiday.name);
    byDate.set(date, names);
  }
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}
