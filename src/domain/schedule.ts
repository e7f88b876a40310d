import type { FieldProblem } from './errors.js';
import { isTimeOfDay, minutesOfDay } from './local-date.js';

/** The most places one session may have: above it is a typing slip, not an office. */
export const MAX_CAPACITY = 10_000;
/** Sessions one day may have; more is a typing slip (and would run out of queue letters). */
export const MAX_SESSIONS_PER_DAY = 12;

/** A session as the admin sets it: wall-clock start and end in the office's zone, and its places. */
export interface SessionSpec {
  start: string;
  end: string;
  capacity: number;
}

/** One ISO weekday (1 = Monday … 7 = Sunday) with its sessions; no sessions means closed. */
export interface WeekdaySessions {
  weekday: number;
  sessions: SessionSpec[];
}

/**
 * What is wrong with one day's sessions, each problem named by its path under `path`
 * (`weekdays.4.sessions.1.end`): bad times, an end not after its start, places out of range,
 * two sessions that overlap (touching, 09:00 after 09:00, is fine).
 */
export function daySessionProblems(sessions: readonly SessionSpec[], path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (sessions.length > MAX_SESSIONS_PER_DAY) problems.push({ field: path, problem: 'TOO_MANY_SESSIONS' });
  const valid: { index: number; from: number; to: number }[] = [];
  sessions.forEach((s, index) => {
    const at = `${path}.${index}`;
    const startOk = isTimeOfDay(s.start);
    const endOk = isTimeOfDay(s.end);
    if (!startOk) problems.push({ field: `${at}.start`, problem: 'TIME_INVALID' });
    if (!endOk) problems.push({ field: `${at}.end`, problem: 'TIME_INVALID' });
    if (!Number.isInteger(s.capacity) || s.capacity < 0 || s.capacity > MAX_CAPACITY) problems.push({ field: `${at}.capacity`, problem: 'CAPACITY_RANGE' });
    if (startOk && endOk) {
      const from = minutesOfDay(s.start);
      const to = minutesOfDay(s.end);
      if (to <= from) problems.push({ field: `${at}.end`, problem: 'END_BEFORE_START' });
      else valid.push({ index, from, to });
    }
  });
  const ordered = [...valid].sort((a, b) => a.from - b.from);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (prev && cur && cur.from < prev.to) {
      const field = `${path}.${Math.max(prev.index, cur.index)}.start`;
      if (!problems.some((p) => p.field === field)) problems.push({ field, problem: 'SESSIONS_OVERLAP' });
    }
  }
  return problems;
}

/** What is wrong with a whole week: weekdays outside 1–7 or given twice, and each day's sessions. */
export function weekProblems(weekdays: readonly WeekdaySessions[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  weekdays.forEach((d, i) => {
    if (!Number.isInteger(d.weekday) || d.weekday < 1 || d.weekday > 7) problems.push({ field: `weekdays.${i}.weekday`, problem: 'WEEKDAY_INVALID' });
    else if (seen.has(d.weekday)) problems.push({ field: `weekdays.${i}.weekday`, problem: 'WEEKDAY_DUPLICATE' });
    seen.add(d.weekday);
    problems.push(...daySessionProblems(d.sessions, `weekdays.${i}.sessions`));
  });
  return problems;
}

/** Sessions in the order of the day. */
export function inDayOrder<S extends { start: string }>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Places of a session held back from online booking for the desk: the office's share of them,
 * rounded down, so a share never holds back a place the percentage does not cover in full.
 */
export function heldForDesk(capacity: number, deskSharePercent: number): number {
  return Math.floor((capacity * deskSharePercent) / 100);
}

/** Places a booking by this channel may fill: online bookings leave the desk's share free. */
export function placesFor(channel: 'online' | 'desk' | 'walk_in', capacity: number, deskSharePercent: number): number {
  return channel === 'online' ? capacity - heldForDesk(capacity, deskSharePercent) : capacity;
}

/** The first letter from A to Z that none of `taken` uses, or null when all 26 are taken. */
export function freeQueueLetter(taken: Iterable<string>): string | null {
  const used = new Set(taken);
  for (let code = 65; code <= 90; code++) {
    const letter = String.fromCharCode(code);
    if (!used.has(letter)) return letter;
  }
  return null;
}
