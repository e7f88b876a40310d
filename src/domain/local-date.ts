/**
 * Calendar dates (`YYYY-MM-DD`) and wall-clock times (`HH:MM`) as plain strings, the way an
 * office speaks of them. Date arithmetic is done on day numbers, never on `Date` in the
 * process's zone, so results are the same whatever `TZ` the server runs with; the office's
 * zone is always passed in.
 */

/** A calendar date `YYYY-MM-DD`, with no zone attached. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// 00:00–23:59 only: a session never ends at "24:00", and the pattern refuses "8:00".
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date. `Date`'s UTC fields do the calendar
 * arithmetic; `setUTCFullYear` rather than `Date.UTC` because the latter reads years 0–99 as
 * 1900–1999. No local zone is involved.
 */
function epochDayOf({ year, month, day }: CivilDate): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The inverse of `epochDayOf`. */
function civilOf(epochDay: number): CivilDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return epochDayOf({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 })
    - epochDayOf({ year, month, day: 1 });
}

function parseCivil(s: string): CivilDate | null {
  const m = LOCAL_DATE_PATTERN.exec(s);
  if (!m) return null;
  const civil = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (civil.month < 1 || civil.month > 12) return null;
  if (civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month)) return null;
  return civil;
}

function requireCivil(d: LocalDate): CivilDate {
  const civil = parseCivil(d);
  if (!civil) throw new RangeError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(d)}`);
  return civil;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function localDateOf(epochDay: number): LocalDate {
  const { year, month, day } = civilOf(epochDay);
  // Four digits keep the string sortable and parseable; beyond that it would not be a LocalDate.
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000–9999`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when `s` is exactly `YYYY-MM-DD` and names a real day (no 31 February). */
export function isLocalDate(s: string): boolean {
  return parseCivil(s) !== null;
}

/**
 * The years the service deals in. Bookings are days ahead and history a few years back; a date
 * far outside would only load calendar years nobody needs, or overflow past 9999.
 */
export const SERVED_YEARS = { first: 2000, last: 2100 } as const;

/** True when `s` is a calendar date within `SERVED_YEARS`. */
export function isServedDate(s: string): boolean {
  const civil = parseCivil(s);
  return civil !== null && civil.year >= SERVED_YEARS.first && civil.year <= SERVED_YEARS.last;
}

/** The date `n` days after `d` (before it when `n` is negative). */
export function addDays(d: LocalDate, n: number): LocalDate {
  requireInteger(n, 'Day count');
  return localDateOf(epochDayOf(requireCivil(d)) + n);
}

/** Whole days from `a` to `b`: negative when `b` comes first. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return epochDayOf(requireCivil(b)) - epochDayOf(requireCivil(a));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  // 1970-01-01 (epoch day 0) was a Thursday, ISO weekday 4.
  const fromMonday = (((epochDayOf(requireCivil(d)) + 3) % 7) + 7) % 7;
  return fromMonday + 1;
}

/** `count` consecutive dates starting with `from`, in order. */
export function eachDay(from: LocalDate, count: number): LocalDate[] {
  requireInteger(count, 'Day count');
  if (count < 0) throw new RangeError(`Day count must not be negative, got ${count}`);
  const start = epochDayOf(requireCivil(from));
  return Array.from({ length: count }, (_, i) => localDateOf(start + i));
}

/** The calendar year of `d`. */
export function yearOf(d: LocalDate): number {
  return requireCivil(d).year;
}

/** Year, month (1–12) and day of month of `d`. */
export function dateParts(d: LocalDate): { year: number; month: number; day: number } {
  return requireCivil(d);
}

/** True when `s` is a wall-clock time `HH:MM` between 00:00 and 23:59. */
export function isTimeOfDay(s: string): boolean {
  return TIME_OF_DAY_PATTERN.test(s);
}

/** Minutes since midnight: `minutesOfDay("08:30")` is 510. */
export function minutesOfDay(time: string): number {
  const m = TIME_OF_DAY_PATTERN.exec(time);
  if (!m) throw new RangeError(`Not a time of day HH:MM: ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

// Building a DateTimeFormat is slow compared with using one, and every slot page asks.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // 'en-US' with numeric fields only gives ASCII digits whatever the machine's locale;
    // hourCycle h23 avoids the "24:00" some engines print for midnight with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

// The last wall clock read per zone, by whole second: a request asks for today and the time of
// day several times (the office's clock, its limits, its floor), each a formatToParts call.
const LAST_WALL_CLOCK = new Map<string, { second: number; clock: Readonly<WallClock> }>();

function wallClockIn(zone: string, instant: Date | number): Readonly<WallClock> {
  // The formatter drops milliseconds, so one second has one answer.
  const second = Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / 1000);
  const last = LAST_WALL_CLOCK.get(zone);
  if (last && last.second === second) return last.clock;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const clock = Object.freeze({
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  });
  LAST_WALL_CLOCK.set(zone, { second, clock });
  return clock;
}

function epochMsOfWallClock(w: WallClock): number {
  return epochDayOf(w) * MS_PER_DAY + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
}

// Milliseconds, not minutes: old local mean times had odd seconds (Jakarta was +07:07:12).
function offsetMsAt(zone: string, epochMs: number): number {
  // Compare whole seconds: the formatter drops milliseconds.
  const ms = Math.floor(epochMs / 1000) * 1000;
  return epochMsOfWallClock(wallClockIn(zone, ms)) - ms;
}

/** Minutes `zone` is ahead of UTC at `instant` (420 for Asia/Jakarta), from the machine's tz data. */
export function utcOffsetMinutes(zone: string, instant: Date): number {
  return Math.round(offsetMsAt(zone, instant.getTime()) / MS_PER_MINUTE);
}

/** The date on the office's calendar at `now`. */
export function todayIn(zone: string, now: Date): LocalDate {
  return localDateOf(epochDayOf(wallClockIn(zone, now)));
}

/** The office's wall-clock time `HH:MM` at `now` (seconds dropped, not rounded). */
export function timeIn(zone: string, now: Date): string {
  const { hour, minute } = wallClockIn(zone, now);
  return `${pad(hour, 2)}:${pad(minute, 2)}`;
}

// instantOf asks the zone data twice (tens of microseconds each); availability asks it for every
// session and wave of every day shown, so the answers are kept. Dates repeat across requests.
const INSTANTS = new Map<string, number>();
const MAX_INSTANTS = 20_000;

/** The instant at which clocks in `zone` show `time` on `date`. */
export function instantOf(date: LocalDate, time: string, zone: string): Date {
  const key = `${zone}|${date}|${time}`;
  let ms = INSTANTS.get(key);
  if (ms === undefined) {
    ms = computeInstantOf(date, time, zone);
    if (INSTANTS.size >= MAX_INSTANTS) INSTANTS.clear();
    INSTANTS.set(key, ms);
  }
  return new Date(ms);
}

function computeInstantOf(date: LocalDate, time: string, zone: string): number {
  const wallAsUtc = epochDayOf(requireCivil(date)) * MS_PER_DAY + minutesOfDay(time) * MS_PER_MINUTE;
  // The offset a day either side brackets any single transition; an offset is right when the
  // instant it gives really carries that offset. Indonesia keeps no DST, but zones that do
  // get the usual answer: in an overlap the earlier instant, in a gap the time pushed forward.
  const before = offsetMsAt(zone, wallAsUtc - MS_PER_DAY);
  const after = offsetMsAt(zone, wallAsUtc + MS_PER_DAY);
  const candidates = [before, after]
    .map((offset) => wallAsUtc - offset)
    .filter((t) => wallAsUtc - offsetMsAt(zone, t) === t)
    .sort((x, y) => x - y);
  return candidates[0] ?? wallAsUtc - before;
}
