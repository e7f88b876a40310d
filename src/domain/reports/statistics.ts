/**
 * Order statistics for the office's reports. Definitions are fixed and stated here, because a
 * head of office compares numbers across weeks and must get the same answer from the same data:
 *
 * - median: the middle value of the sorted values; for an even count, the mean of the two
 *   middle values (so it may end in .5 of a second);
 * - 90th percentile: the nearest-rank percentile, the value at rank ⌈0.9 × n⌉ (1-based) of the
 *   sorted values: the smallest value that at least 90% of the values do not exceed. It is
 *   always one of the measured values, never interpolated.
 */

/**
 * The values in ascending order, as a new array; NaN and infinities are refused, since they mean
 * a bug upstream. A typed array sorts numbers natively: a year's report sorts some 50,000
 * durations five ways, and a comparator called for every pair was a sixth of building it.
 */
function sorted(values: readonly number[]): Float64Array {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
  return Float64Array.from(values).sort();
}

/** The median of the values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(sorted(values));
}

function medianOfSorted(s: Float64Array): number | null {
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The nearest-rank percentile `p` (0 < p ≤ 100): the value at rank ⌈p/100 × n⌉; null when there are none. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(sorted(values), p);
}

function percentileOfSorted(s: Float64Array, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100], got ${p}`);
  if (s.length === 0) return null;
  // The epsilon keeps 0.9 × 10 = 9.000000000000002 from becoming rank 10.
  const rank = Math.max(1, Math.ceil((p / 100) * s.length - 1e-9));
  return s[rank - 1]!;
}

/** How long something took across many tickets, in seconds. */
export interface DurationStats {
  /** How many tickets were measured. */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Count, median and 90th percentile of durations in seconds. */
export function summarizeDurations(seconds: readonly number[]): DurationStats {
  const s = sorted(seconds);
  return { count: s.length, medianSeconds: medianOfSorted(s), p90Seconds: percentileOfSorted(s, 90) };
}

/** Whole seconds from one ISO instant to a later one; null when either is missing. Clock skew between processes never makes it negative. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const ms = sameDayMillis(from, to) ?? Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms)) throw new RangeError(`Not ISO instants: ${from}, ${to}`);
  return Math.max(0, Math.round(ms / 1000));
}

/**
 * Milliseconds between two instants as the app stores them (`YYYY-MM-DDTHH:MM:SS.sssZ`, from
 * `toISOString`) on the same UTC date, read from their digits; undefined for any other pair.
 * Nearly every visit's moments fall on one date, and parsing four dates a visit was a third of
 * building a year's report.
 */
function sameDayMillis(from: string, to: string): number | undefined {
  if (from.length !== 24 || to.length !== 24 || from.charCodeAt(23) !== Z || to.charCodeAt(23) !== Z) return undefined;
  for (let i = 0; i < 11; i++) if (from.charCodeAt(i) !== to.charCodeAt(i)) return undefined;
  const a = millisOfDay(from);
  const b = millisOfDay(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

const Z = 90;
const ZERO = 48;
/** Where the digits of hours, minutes, seconds and milliseconds sit, with each one's worth in ms. */
const TIME_DIGITS: readonly [number, number][] = [
  [11, 36_000_000],
  [12, 3_600_000],
  [14, 600_000],
  [15, 60_000],
  [17, 10_000],
  [18, 1_000],
  [20, 100],
  [21, 10],
  [22, 1],
];

function millisOfDay(iso: string): number | undefined {
  if (iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46) return undefined;
  let ms = 0;
  for (const [at, worth] of TIME_DIGITS) {
    const digit = iso.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    ms += digit * worth;
  }
  return ms;
}
