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
