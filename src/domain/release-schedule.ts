/**
 * When a day's places open to online booking. A day opens `daysAhead` days before itself at
 * the office's `time`, in one wave or in several on that release day (50% in the morning, the
 * rest in the evening, say), so that people who work or study can try too. The first
 * `drawSeconds` after each wave are a draw, not a race: see `drawAt`.
 */
import type { FieldProblem } from './errors.js';
import { addDays, instantOf, isTimeOfDay, type LocalDate, minutesOfDay, todayIn } from './local-date.js';
import { placesFor } from './schedule.js';

/** One wave: at `time` on the release day, `percent` of each session's online places open. */
export interface ReleaseWave {
  time: string;
  percent: number;
}

/** An office's release settings, as the admin sets them (`PATCH … { release }`). */
export interface ReleaseRules {
  /** A day opens this many days before itself (14 opens the 15th on the 1st). */
  daysAhead: number;
  /** `HH:MM` on the office's clock of the first (or only) wave. */
  time: string;
  /** Length of the draw after each wave; 0 turns the draw off (first come, first served). */
  drawSeconds: number;
  /** Percent of each session's places held back from online booking for the desk. */
  deskShare: number;
  /** Waves on the release day, times ascending, percents summing to 100; the first at `time`. Absent: one wave at `time`. */
  waves?: ReleaseWave[] | null;
}

export const DEFAULT_RELEASE: Readonly<Required<Omit<ReleaseRules, 'waves'>>> = { daysAhead: 14, time: '07:00', drawSeconds: 60, deskShare: 0 };

export const RELEASE_LIMITS = {
  daysAhead: { min: 1, max: 90 },
  drawSeconds: { min: 0, max: 3600 },
  deskShare: { min: 0, max: 100 },
  waves: { max: 4 },
} as const;

/** A wave of a given day as an instant, with the share of online places open once it has come. */
export interface Release {
  /** 0 for the first wave. */
  wave: number;
  at: Date;
  /** The draw after this wave ends here; equal to `at` when the draw is off. */
  drawAt: Date;
  /** Percent of online places open from this wave on, all earlier waves included (the last is 100). */
  cumulativePercent: number;
}

/** The waves of the rules, the single-wave default included. */
export function wavesOf(rules: ReleaseRules): ReleaseWave[] {
  return rules.waves && rules.waves.length ? rules.waves : [{ time: rules.time, percent: 100 }];
}

/** The date on which `date`'s places are released. */
export function releaseDateOf(date: LocalDate, rules: Pick<ReleaseRules, 'daysAhead'>): LocalDate {
  return addDays(date, -rules.daysAhead);
}

// Planning a fortnight asks for the waves of each day several times per session; the answers
// are kept for as long as the rules object lives (callers make a new one for changed rules), so
// no change of rules is missed.
const RELEASES = new WeakMap<ReleaseRules, Map<string, readonly Release[]>>();

/** Every wave that releases `date`'s places, in order, as instants in the office's zone. */
export function releasesOf(date: LocalDate, rules: ReleaseRules, zone: string): readonly Release[] {
  let byDay = RELEASES.get(rules);
  if (!byDay) RELEASES.set(rules, (byDay = new Map()));
  const key = `${zone}|${date}`;
  let releases = byDay.get(key);
  if (!releases) byDay.set(key, (releases = computeReleases(date, rules, zone)));
  return releases;
}

function computeReleases(date: LocalDate, rules: ReleaseRules, zone: string): Release[] {
  const on = releaseDateOf(date, rules);
  let cumulative = 0;
  return wavesOf(rules).map((w, wave) => {
    cumulative += w.percent;
    const at = instantOf(on, w.time, zone);
    return { wave, at, drawAt: new Date(at.getTime() + rules.drawSeconds * 1000), cumulativePercent: Math.min(100, cumulative) };
  });
}

/** When `date` first opens to online booking. */
export function opensAt(date: LocalDate, rules: ReleaseRules, zone: string): Date {
  return releasesOf(date, rules, zone)[0]!.at;
}

/** The latest wave of `date` that has come by `now`, or null before the first. */
export function releaseAt(date: LocalDate, rules: ReleaseRules, zone: string, now: Date): Release | null {
  let last: Release | null = null;
  for (const r of releasesOf(date, rules, zone)) if (r.at.getTime() <= now.getTime()) last = r;
  return last;
}

/** The wave whose draw is open at `now` for `date` (requests are entered, not booked), or null. */
export function openDraw(date: LocalDate, rules: ReleaseRules, zone: string, now: Date): Release | null {
  const r = releaseAt(date, rules, zone, now);
  return r && now.getTime() < r.drawAt.getTime() ? r : null;
}

/**
 * Online places of a session open by a wave: `cumulativePercent` of them, rounded down, all of
 * them at the last wave, so rounding never keeps a place back for ever.
 */
export function releasedPlaces(onlinePlaces: number, release: Release | null): number {
  if (!release) return 0;
  if (release.cumulativePercent >= 100) return onlinePlaces;
  return Math.floor((onlinePlaces * release.cumulativePercent) / 100);
}

/** What is wrong with the given release settings, one problem per field. */
export function releaseProblems(rules: Partial<ReleaseRules>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of ['daysAhead', 'drawSeconds', 'deskShare'] as const) {
    const value = rules[key];
    if (value === undefined) continue;
    const { min, max } = RELEASE_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field: `release.${key}`, problem: 'NUMBER_RANGE' });
  }
  if (rules.time !== undefined && !isTimeOfDay(rules.time)) problems.push({ field: 'release.time', problem: 'TIME_INVALID' });
  const waves = rules.waves;
  if (waves) {
    const ordered = waves.every((w, i) => isTimeOfDay(w.time) && (i === 0 || minutesOfDay(waves[i - 1]!.time) < minutesOfDay(w.time)));
    const percents = waves.every((w) => Number.isInteger(w.percent) && w.percent > 0 && w.percent <= 100);
    const sum = waves.reduce((s, w) => s + w.percent, 0);
    if (waves.length === 0 || waves.length > RELEASE_LIMITS.waves.max || !ordered || !percents || sum !== 100) {
      problems.push({ field: 'release.waves', problem: 'RELEASE_WAVES_INVALID' });
    } else if (rules.time !== undefined && waves[0]!.time !== rules.time) {
      problems.push({ field: 'release.time', problem: 'RELEASE_TIME_NOT_FIRST_WAVE' });
    }
  }
  return problems;
}

/**
 * Places of a session that online booking may fill at `now`: the released share of the places
 * left after the desk's (rounded down twice, so neither rounding gives away a held place).
 * The desk and walk-ins are not bound by the release; this is the online limit only.
 */
export function onlinePlacesAt(capacity: number, date: LocalDate, rules: ReleaseRules, zone: string, now: Date): number {
  return releasedPlaces(placesFor('online', capacity, rules.deskShare), releaseAt(date, rules, zone, now));
}

/**
 * When more of a session's online places open after `now`: the first later wave that releases
 * more of them than are open now (rounding can make a wave add nothing to a small session), or
 * null once all of them are open.
 */
export function nextOpeningAt(capacity: number, date: LocalDate, rules: ReleaseRules, zone: string, now: Date): Date | null {
  const online = placesFor('online', capacity, rules.deskShare);
  const open = releasedPlaces(online, releaseAt(date, rules, zone, now));
  for (const r of releasesOf(date, rules, zone)) {
    if (r.at.getTime() > now.getTime() && releasedPlaces(online, r) > open) return r.at;
  }
  return null;
}

/**
 * Every wave that comes after `after` and by `upTo` (a pass of the release announcer), with the
 * day it releases. Looks back at most two release days, so a long pause announces only the
 * latest waves: pages that were open across it refresh on any event anyway.
 */
export function releasesBetween(rules: ReleaseRules, zone: string, after: Date, upTo: Date): { date: LocalDate; release: Release }[] {
  const found: { date: LocalDate; release: Release }[] = [];
  const last = todayIn(zone, upTo);
  for (const on of [addDays(last, -1), last]) {
    const date = addDays(on, rules.daysAhead);
    for (const release of releasesOf(date, rules, zone)) {
      const at = release.at.getTime();
      if (at > after.getTime() && at <= upTo.getTime()) found.push({ date, release });
    }
  }
  return found;
}

/**
 * How long after a draw window closes an entry begun before the close may still be creating
 * the draw: the request's own time through a busy server, and clocks of server processes that
 * differ by a little.
 */
export const DRAW_CLOSE_MARGIN_MS = 5_000;

/**
 * Whether the unfinished draws of an office read at `readAt` still tell, at `now`, which draws
 * of `date` are pending, where other processes write the database too. A draw comes into being
 * only through an entry within its window, so a read can lack a pending draw only if its window
 * closed (by `now`) later than the margin before the read. A draw the read holds is seen as
 * pending from its close on; the caller reads again then, to see it made.
 */
export function drawsReadStillHold(date: LocalDate, rules: ReleaseRules, zone: string, readAt: Date, now: Date): boolean {
  if (now.getTime() < readAt.getTime()) return false;
  for (const r of releasesOf(date, rules, zone)) {
    const closed = r.drawAt.getTime();
    if (closed <= now.getTime() && closed + DRAW_CLOSE_MARGIN_MS > readAt.getTime()) return false;
  }
  return true;
}
