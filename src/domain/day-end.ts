import { minutesOfDay } from './local-date.js';

/** What decides when an office's day is over. */
export interface DayEndInput {
  /** HH:MM on the office's wall clock now. */
  nowTime: string;
  /** HH:MM end of each of the day's sessions; a day without sessions ends at midnight. */
  sessionEnds: readonly string[];
  /** How long after a session's end its people may still check in. */
  checkInAfterMinutes: number;
}

/**
 * Whether today is over for check-in: the last session has ended and its late check-in
 * window has shut too, so a booking never checked in today can only be a no-show.
 */
export function isDayOver({ nowTime, sessionEnds, checkInAfterMinutes }: DayEndInput): boolean {
  const lastEnd = Math.max(0, ...sessionEnds.map(minutesOfDay));
  return minutesOfDay(nowTime) > lastEnd + checkInAfterMinutes;
}
