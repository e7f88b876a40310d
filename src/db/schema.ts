import type { Generated, Insertable, Selectable } from 'kysely';

/*
 * One representation on both engines: dates are `YYYY-MM-DD` text, instants are ISO-8601 UTC
 * text (they sort as they read), flags are 0/1 integers. It keeps SQLite and PostgreSQL rows
 * identical, so no code above this folder needs to know which engine answered.
 */

export interface OfficesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  timezone: string;
  address: string;
  /** ISO weekdays the office opens, comma separated: `1,2,3,4,5`. */
  open_weekdays: string;
  same_day_booking: number;
  booking_days_ahead: number;
  check_in_before_minutes: number;
  check_in_after_minutes: number;
  created_at: string;
}

export interface ServicesTable {
  id: Generated<number>;
  office_id: number;
  code: string;
  name: string;
  name_en: string;
  /** JSON array of the documents to bring, in Indonesian. */
  documents: string;
  needs_presence: number;
  active: number;
  sort_order: number;
}

export interface SessionsTable {
  id: Generated<number>;
  office_id: number;
  letter: string;
  start_time: string;
  end_time: string;
  capacity: number;
  active: number;
}

export interface ClosedDaysTable {
  id: Generated<number>;
  office_id: number;
  date: string;
  reason: string;
  kind: 'national_holiday' | 'cuti_bersama' | 'provisional_holiday' | 'office_closure';
}

export interface CalendarYearsTable {
  office_id: number;
  year: number;
  /** `official` when the decree's list was loaded; `provisional` when date-holidays filled it in. */
  source: 'official' | 'provisional';
}

/** One row per session and date that has been booked: the lock that serialises its bookings and the source of its numbers. */
export interface SessionDaysTable {
  office_id: number;
  session_id: number;
  date: string;
  last_number: number;
}

export interface BookingsTable {
  id: Generated<number>;
  code: string;
  office_id: number;
  service_id: number;
  session_id: number;
  date: string;
  queue_number: string;
  status: string;
  nik: string;
  name: string;
  phone: string;
  channel: 'online' | 'desk' | 'walk_in';
  priority: string | null;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BookingEventsTable {
  id: Generated<number>;
  booking_id: number;
  office_id: number;
  at: string;
  type: string;
  from_status: string | null;
  to_status: string;
  user_id: number | null;
  counter_number: number | null;
  note: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  booking_id: number;
  created_at: string;
}

export interface Database {
  offices: OfficesTable;
  services: ServicesTable;
  sessions: SessionsTable;
  closed_days: ClosedDaysTable;
  calendar_years: CalendarYearsTable;
  session_days: SessionDaysTable;
  bookings: BookingsTable;
  booking_events: BookingEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type OfficeRow = Selectable<OfficesTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ClosedDayRow = Selectable<ClosedDaysTable>;
export type BookingRow = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;
