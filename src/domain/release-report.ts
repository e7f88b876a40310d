/**
 * The public account of past releases: what each day had to give and how it went. Pure rules
 * over the release schedule; the counts come from storage. Anyone can check a claim such as
 * "it was full in one minute" against it.
 */
import { InvalidInputError } from './errors.js';
import { addDays, daysBetween, type LocalDate, todayIn } from './local-date.js';
import { opensAt, releaseAt, releasedPlaces, type ReleaseRules } from './release-schedule.js';
import { heldForDesk, placesFor } from './schedule.js';

/** Days one request covers at most: a quarter, so one answer stays small for a phone. */
export const MAX_RELEASE_REPORT_DAYS = 92;

/** Days before today the report shows when no range is asked for. */
export const DEFAULT_RELEASE_REPORT_PAST_DAYS = 14;

/** The latest date whose places have begun to open (its first wave has come) by `now`. */
export function lastReleasedDate(rules: ReleaseRules, zone: string, now: Date): LocalDate {
  const today = todayIn(zone, now);
  const candidate = addDays(today, rules.daysAhead);
  return opensAt(candidate, rules, zone).getTime() <= now.getTime() ? candidate : addDays(candidate, -1);
}

/**
 * The range of a report: the asked dates, or by default the last 14 days up to the last day
 * already released (shortened from the start to the longest range); `to` alone: the 14 days
 * before it too. Throws InvalidInputError:
 * `to` before `from` (RANGE_INVALID) or more than 92 days (RELEASE_RANGE_TOO_LONG).
 */
export function releaseReportRange(
  asked: { from?: LocalDate | undefined; to?: LocalDate | undefined },
  rules: ReleaseRules,
  zone: string,
  now: Date,
): { from: LocalDate; to: LocalDate } {
  const to = asked.to ?? lastReleasedDate(rules, zone, now);
  let from = asked.from;
  if (from === undefined && asked.to !== undefined) from = addDays(to, -DEFAULT_RELEASE_REPORT_PAST_DAYS);
  if (from === undefined) {
    from = addDays(todayIn(zone, now), -DEFAULT_RELEASE_REPORT_PAST_DAYS);
    if (daysBetween(from, to) + 1 > MAX_RELEASE_REPORT_DAYS) from = addDays(to, -(MAX_RELEASE_REPORT_DAYS - 1));
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new InvalidInputError([{ field: 'to', problem: 'RANGE_INVALID' }]);
  if (days > MAX_RELEASE_REPORT_DAYS) throw new InvalidInputError([{ field: 'to', problem: 'RELEASE_RANGE_TOO_LONG' }]);
  return { from, to };
}

/** A day's places: all of them, those held back for the desk, and the online ones opened by `now`. */
export interface DayPlaces {
  total: number;
  heldForDesk: number;
  /** Online places its waves have opened by `now` (all of them once the last wave has come). */
  releasedOnline: number;
}

/** The places of a day's sessions under the release rules, at `now`. */
export function dayPlaces(capacities: readonly number[], date: LocalDate, rules: ReleaseRules, zone: string, now: Date): DayPlaces {
  const release = releaseAt(date, rules, zone, now);
  let total = 0;
  let held = 0;
  let online = 0;
  for (const capacity of capacities) {
    total += capacity;
    held += heldForDesk(capacity, rules.deskShare);
    online += releasedPlaces(placesFor('online', capacity, rules.deskShare), release);
  }
  return { total, heldForDesk: held, releasedOnline: online };
}
