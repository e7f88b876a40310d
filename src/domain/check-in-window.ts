import { minutesOfDay } from './local-date.js';

/** The stretch of a day in which a booking may be checked in, in minutes after midnight. */
export interface CheckInWindow {
  opensAt: number;
  closesAt: number;
}

/** From `before` minutes before the session starts until `after` minutes after it ends. */
export function checkInWindow(sessionStart: string, sessionEnd: string, before: number, after: number): CheckInWindow {
  return { opensAt: minutesOfDay(sessionStart) - before, closesAt: minutesOfDay(sessionEnd) + after };
}

/** Where a wall-clock time falls against the window. */
export function checkInTiming(nowTime: string, window: CheckInWindow): 'early' | 'on_time' | 'late' {
  const now = minutesOfDay(nowTime);
  if (now < window.opensAt) return 'early';
  if (now > window.closesAt) return 'late';
  return 'on_time';
}

/**
 * Whether someone early is within the office's margin for early arrivals: `earlyMinutes`
 * before the session starts, up to its start. They may check in without a reason and are
 * called from the session's start, so they never pass the people of earlier sessions.
 */
export function withinEarlyMargin(nowTime: string, sessionStart: string, earlyMinutes: number): boolean {
  const now = minutesOfDay(nowTime);
  const start = minutesOfDay(sessionStart);
  return now < start && now >= start - earlyMinutes;
}

/** Minutes after midnight as `HH:MM`, clamped to the day. */
export function timeOfMinutes(minutes: number): string {
  const m = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** When a person may come without needing a reason, in minutes after midnight, as the ticket tells it. */
export interface ArrivalTimes {
  /** The earliest check-in without a reason: the window's opening or the early-arrival margin, whichever is earlier. */
  from: number;
  /** The latest check-in: the window's close. */
  until: number;
  /**
   * Set when the early-arrival margin reaches before the window: whoever checks in before this
   * (the window's opening) is called only from the session's start (`calledFrom`).
   */
  heldBefore: number | null;
  calledFrom: number;
}

/**
 * What the desk accepts without a reason, as one span for the citizen: `before`/`after` make
 * the check-in window (checked in inside it, a person may be called as soon as their turn
 * comes), and `earlyMinutes` lets people come earlier still, to be called from their
 * session's start (see withinEarlyMargin). A margin shorter than the window adds nothing.
 */
export function arrivalTimes(sessionStart: string, sessionEnd: string, settings: { before: number; after: number; earlyMinutes: number }): ArrivalTimes {
  const window = checkInWindow(sessionStart, sessionEnd, settings.before, settings.after);
  const start = minutesOfDay(sessionStart);
  const earliestEarly = settings.earlyMinutes > 0 ? start - settings.earlyMinutes : window.opensAt;
  const from = Math.min(window.opensAt, earliestEarly);
  return { from, until: window.closesAt, heldBefore: from < window.opensAt ? window.opensAt : null, calledFrom: start };
}
