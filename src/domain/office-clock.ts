import { bookingWindow, type BookingWindow } from './booking-window.js';
import { type LocalDate, timeIn, todayIn } from './local-date.js';

/** An office's own rules for a moment in time: its today, its booking window, its open weekdays. */
export interface OfficeClock {
  /** The instant the clock was read at: releases are instants, not wall-clock times. */
  now: Date;
  today: LocalDate;
  /** HH:MM on the office's wall clock. */
  nowTime: string;
  window: BookingWindow;
  openWeekdays: number[];
}

/** The office settings the clock reads, under the names the office record gives them. */
export interface OfficeClockSettings {
  /** IANA zone of the office, e.g. Asia/Jakarta. */
  timezone: string;
  /** 1 when people may book for today, 0 when booking starts tomorrow. */
  same_day_booking: number;
  booking_days_ahead: number;
  /** Comma-separated ISO weekdays the office opens, 1 = Monday. */
  open_weekdays: string;
}

/** Reads the office's settings against the current instant, in the office's zone. */
export function officeClock(office: OfficeClockSettings, now: Date): OfficeClock {
  const today = todayIn(office.timezone, now);
  return {
    now,
    today,
    nowTime: timeIn(office.timezone, now),
    window: bookingWindow({ today, sameDayBooking: office.same_day_booking === 1, daysAhead: office.booking_days_ahead }),
    openWeekdays: office.open_weekdays.split(',').map(Number),
  };
}
