import type { Generated, Insertable, Selectable } from 'kysely';
import type { TicketEventType, TicketStatus } from '../domain/ticket-status.js';

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
  /** Percent of each session's places held back from online booking for the desk; rounded down. */
  desk_share_percent: Generated<number>;
  /** How many minutes before its session a person may check in without a reason; called from the session's start. */
  early_check_in_minutes: Generated<number>;
  /** 1 when a reminder goes out the evening before a booking's day. */
  reminder_evening_enabled: Generated<number>;
  /** The hour of that reminder on the office's clock (6–20). */
  reminder_evening_hour: Generated<number>;
  /** 1 when a reminder goes out a set number of hours before the session. */
  reminder_before_enabled: Generated<number>;
  reminder_hours_before: Generated<number>;
  /** A checked-in person hears their turn nears with this many or fewer ahead; 0 is off. */
  turn_near_ahead: Generated<number>;
  /** The office's public phone number as the admin wrote it; empty for none. */
  contact_phone: Generated<string>;
  /** The office's public email address; empty for none. */
  contact_email: Generated<string>;
  /** The office's logo as a small image data URL (`data:image/png;base64,…`), served by `/o/:slug/logo`; empty for none. */
  logo: Generated<string>;
  /** Days after the appointment date that a booking's personal data is kept; then the purge erases it. */
  retention_days: Generated<number>;
  /** `HH:MM` on the office's clock when a day's places open, `booking_days_ahead` days before it (the first wave). */
  release_time: Generated<string>;
  /** Seconds after each wave in which requests are entered in a draw instead of booked; 0 for none. */
  draw_seconds: Generated<number>;
  /** JSON waves `[{ time, percent }]` on the release day; null for one wave at `release_time`. */
  release_waves: string | null;
  /** Online bookings one phone number may make in a calendar month at this office; 0: no limit. */
  phone_bookings_per_month: Generated<number>;
  /** Online bookings one NIK may make in a calendar month at this office; 0: no limit. */
  nik_bookings_per_month: Generated<number>;
  /** 1 when the no-show policy is on: `no_show_count` no-shows within `no_show_within_days` days block online booking for `no_show_block_days` days. */
  no_show_policy_enabled: Generated<number>;
  no_show_count: Generated<number>;
  no_show_within_days: Generated<number>;
  no_show_block_days: Generated<number>;
}

export interface ServicesTable {
  id: Generated<number>;
  office_id: number;
  code: string;
  name: string;
  name_en: string;
  /** JSON array of the documents to bring, in Indonesian. */
  documents: string;
  /** The same in English; an empty array means none were written, and English pages fall back to the Indonesian list. */
  documents_en: Generated<string>;
  /** Who may use the service (a condition, not a document to bring), in Indonesian; empty for none. */
  eligibility: Generated<string>;
  /** The same in English; empty falls back to the Indonesian words. */
  eligibility_en: Generated<string>;
  needs_presence: number;
  active: number;
  sort_order: number;
}

/**
 * A time slot of an office: its queue letter, start and end. Bookings point at it, so its times
 * never change; a new time is a new row. Which weekdays and dates it opens on, and with how
 * many places, is in `weekly_sessions` and `day_sessions` (`capacity` and `active` here are
 * only what the office had before per-weekday schedules).
 */
export interface SessionsTable {
  id: Generated<number>;
  office_id: number;
  letter: string;
  start_time: string;
  end_time: string;
  capacity: number;
  active: number;
}

/** A slot open on an ISO weekday (1 = Monday) with its places; a weekday without rows is closed. */
export interface WeeklySessionsTable {
  office_id: number;
  weekday: number;
  session_id: number;
  capacity: number;
}

/** A date's own sessions: when a date has any row here, they replace that weekday's sessions. */
export interface DaySessionsTable {
  office_id: number;
  date: string;
  session_id: number;
  capacity: number;
}

export interface ClosedDaysTable {
  id: Generated<number>;
  office_id: number;
  date: string;
  reason: string;
  kind: 'national_holiday' | 'cuti_bersama' | 'provisional_holiday' | 'office_closure';
  /** When an admin recorded an office closure; null for holidays loaded from the decree. */
  created_at: Generated<string | null>;
  /** The admin who recorded an office closure. */
  created_by: Generated<number | null>;
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
  status: TicketStatus;
  /** The NIK sealed with the data key (`src/privacy/data-cipher.ts`); repositories hand it out opened. */
  nik: string;
  /** Keyed hash (HMAC-SHA-256) of the NIK, for lookups and the one-active-booking index; null only before sealing. */
  nik_hmac: Generated<string | null>;
  /** The data key `nik`, `phone` and `email` are sealed with; null: still clear (a database from before migration 0018, until the start seals it). */
  key_id: Generated<string | null>;
  name: string;
  /** `628…`, sealed; empty when the desk booked someone without a phone (never for online bookings). */
  phone: string;
  channel: 'online' | 'desk' | 'walk_in';
  priority: string | null;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
  /** The counter that called the ticket last. */
  counter_number: Generated<number | null>;
  called_at: Generated<string | null>;
  /** How often the desk put a skipped ticket back in line; once is the limit. */
  requeue_count: Generated<number>;
  /** Wrong NIKs tried with this booking's code; at the limit the citizen's owner check is locked. */
  owner_check_failures: Generated<number>;
  /** `HH:MM` on the office's clock before which a ticket checked in early is not called; null: no wait. */
  call_from: Generated<string | null>;
  /** An address for messages besides WhatsApp, sealed; optional, WhatsApp stays the main channel. */
  email: Generated<string | null>;
  /** The language of the page the citizen booked on (`id`, `en`), for their messages; null: Indonesian. */
  lang: Generated<string | null>;
  /** The counter that transferred the ticket to another service, until it is called again; that counter leaves it to others. */
  transferred_from_counter: Generated<number | null>;
  /** 1 once the satisfaction survey was answered for this visit: the answers themselves are not linked to it. */
  survey_answered: Generated<number>;
  /** When NIK, name, phone and email were erased (retention or the citizen's request); null while kept. */
  personal_data_erased_at: Generated<string | null>;
  /** Keyed hash of the phone (`628…`), for the monthly limit per number; null when there is no phone or before the start hashed it. */
  phone_hmac: Generated<string | null>;
}

/** A proof-of-work token already spent, kept until it expires so no process accepts it twice. */
export interface UsedProofsTable {
  token_id: string;
  expires_at: string;
}

export interface BookingEventsTable {
  id: Generated<number>;
  booking_id: number;
  office_id: number;
  at: string;
  type: TicketEventType;
  from_status: TicketStatus | null;
  to_status: TicketStatus;
  user_id: number | null;
  counter_number: number | null;
  note: string | null;
  /** On a finish: how the visit ended (served, documents_incomplete, referred). */
  outcome?: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  booking_id: number;
  created_at: string;
}

export interface CountersTable {
  id: Generated<number>;
  office_id: number;
  number: number;
  name: string;
  active: Generated<number>;
  paused: Generated<number>;
  /** The clerk who holds the counter, and since when; a claim of an earlier office day has lapsed. */
  clerk_user_id: Generated<number | null>;
  clerk_since: Generated<string | null>;
}

export interface CounterServicesTable {
  counter_id: number;
  service_id: number;
}

/** A staff account. `role` is one of the domain's roles; `office_id` null means every office. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  office_id: number | null;
  disabled: number;
  /** 1 after an admin reset the password: every staff page and API call waits until the owner sets a new one. */
  must_change_password: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A logged-in browser. `id` is the SHA-256 of the cookie token, so a leaked table logs nobody in. */
export interface StaffSessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/**
 * One login attempt, kept a day to count failures per account and per address across processes.
 * It is recorded as a failure before its password is checked, and marked a success after.
 */
export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  address: string;
  at: string;
  success: number;
}

/** One row that every login attempt locks while it checks the limits and records itself. */
export interface LoginGateTable {
  id: number;
  passed_at: string;
}

/** One configuration change. `before_json`/`after_json` hold the setting as JSON; null when it did not exist. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  office_id: number | null;
  user_id: number | null;
  username: string | null;
  /** What was done, as `<subject kind>.<verb>`: `office.create`, `schedule.update`, `closure.add`… */
  action: string;
  /** Which thing changed, e.g. the office slug, `2026-12-07`, a service code or a username. */
  subject: string;
  before_json: string | null;
  after_json: string | null;
}

/** Where a message is in its life: waiting to be tried, claimed by a worker, being sent, sent, or given up on. */
export type OutboxStatus = 'waiting' | 'claimed' | 'sending' | 'sent' | 'failed';

/**
 * One message to one recipient on one channel. `claimed_by`/`lease_until` say which worker holds
 * it and until when; `tries` counts the attempts of this round (an admin's resend starts a new
 * one); `failure_reason` is a code (`gave_up`, `not_on_whatsapp`, `outcome_unknown`, …).
 */
export interface OutboxMessagesTable {
  id: Generated<number>;
  office_id: number;
  booking_id: number | null;
  kind: string;
  channel: 'whatsapp' | 'email';
  /** The `628…` number or email address, sealed with the data key `key_id` names. */
  recipient: string;
  /** The data key the recipient is sealed with; null: still clear. */
  key_id: Generated<string | null>;
  subject: string;
  body: string;
  dedupe_key: string;
  status: OutboxStatus;
  tries: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  created_at: string;
  sent_at: string | null;
  failure_reason: string | null;
  /** The last answer of the gateway or mail server, shortened. */
  last_detail: string | null;
  /** When recipient and body were erased with the booking's personal data; null while kept. */
  personal_data_erased_at: Generated<string | null>;
}

/** One staff read of a booking's personal data: who, when, which booking, for what. Only ever inserted. */
export interface PersonalDataAccessTable {
  id: Generated<number>;
  at: string;
  office_id: number;
  booking_id: number;
  user_id: number;
  /** The account's name and role at the time, so the record reads the same after an account changes. */
  username: string;
  role: string;
  /** What the read was for: `desk_search`, `booking_lookup`, `counter_ticket`, `desk_booking`, `desk_receipt`. */
  action: string;
}

/** One try to send a message: written before the gateway is called, completed with its answer. */
export interface OutboxAttemptsTable {
  id: Generated<number>;
  message_id: number;
  number: number;
  worker: string;
  /** What carried it: `whatsapp-gateway`, `smtp`, or `log` when nothing is configured. */
  transport: string;
  started_at: string;
  finished_at: string | null;
  /** `sent`, `failed`, `not_on_whatsapp`, or `unknown` when the worker died waiting for the answer; null while waiting. */
  outcome: string | null;
  detail: string | null;
}

/** A number a WhatsApp gateway said is not on WhatsApp; its messages go by email when there is one. */
export interface WhatsappUnreachableTable {
  /** Keyed hash of the `628…` number (clear only before sealing, when `key_id` is null). */
  phone: string;
  /** The number, sealed with the data key `key_id` names. */
  phone_sealed: string | null;
  key_id: string | null;
  marked_at: string;
  detail: string | null;
}

/** An office's own wording of one message kind in one language; without a row the default words are sent. */
export interface MessageTemplatesTable {
  office_id: number;
  /** A message kind of the domain: `booked`, `reminder_evening`, `turn_near`… */
  kind: string;
  lang: string;
  body: string;
  updated_at: string;
  updated_by: number | null;
}

/** One anonymous answer to the satisfaction survey (SKM): office, service and month only, one score 1–4 per element. */
export interface SurveyResponsesTable {
  id: Generated<number>;
  office_id: number;
  service_id: number;
  /** `YYYY-MM` of the visit on the office calendar. */
  month: string;
  requirements: number;
  procedure: number;
  duration: number;
  cost: number;
  product: number;
  competence: number;
  conduct: number;
  complaints: number;
  facilities: number;
}

/** The one row saying which data key the database's personal data is sealed with, and any rotation under way. */
export interface DataKeyTable {
  id: number;
  key_id: string;
  /** A known text sealed with the key: only the right key opens it. */
  check_value: string;
  /** The key a rotation is moving to, until every row is sealed with it. */
  next_key_id: string | null;
  next_check_value: string | null;
  updated_at: string;
}

/** A draw after a release wave: one per office, date and wave that had entrants. */
export interface DrawsTable {
  id: Generated<number>;
  office_id: number;
  date: string;
  wave: number;
  /** When the wave opened the day's places; the draw took entries from then to `draw_at`. */
  release_at: string;
  draw_at: string;
  /** `open` (taking entries), `running` (claimed by one process), `done`. */
  status: 'open' | 'running' | 'done';
  /** 32 random bytes, hex, drawn when the draw ran; null before. */
  seed: string | null;
  /** When the draw was first claimed and run. */
  run_at: string | null;
  claimed_by: string | null;
  /** A claim not finished by then (its process died) may be taken over. */
  lease_until: string | null;
  /** JSON `[{ id, start, places }]`: the places left per session when the draw ran. */
  sessions_json: string | null;
  /** Entries in the draw (those left out because the NIK held a booking by then not counted). */
  entrants: Generated<number>;
  /** Places the draw could give: the sum of `sessions_json`. */
  places: Generated<number>;
  /** Entrants who got a booking from the draw. */
  placed: Generated<number>;
  unplaced: Generated<number>;
  finished_at: string | null;
}

/** A person entered in a draw; personal fields sealed like a booking's and erased once the draw is done. */
export interface DrawEntriesTable {
  /** Random, 144 bits, base64url: the entry's secret, since it leads to the booking. */
  id: string;
  draw_id: number;
  office_id: number;
  /** Sealed NIK; empty once erased. */
  nik: string;
  /** Keyed hash of the NIK (one entry per NIK per draw); null once erased. */
  nik_hmac: string | null;
  /** Sealed name; empty once erased. */
  name: string;
  /** Sealed `628…`; empty once erased. */
  phone: string;
  email: string | null;
  key_id: string | null;
  service_id: number;
  session_id: number;
  lang: string | null;
  entered_at: string;
  updated_at: string;
  status: 'entered' | 'booked' | 'unplaced';
  /** 0 when left out as the draw ran: the NIK held an active booking by then. */
  in_draw: Generated<number>;
  /** Why an entry got no booking: `no_place`, `already_booked`. */
  unplaced_reason: string | null;
  booking_id: number | null;
  personal_data_erased_at: string | null;
}

export type DrawRow = Selectable<DrawsTable>;
export type DrawEntryRow = Selectable<DrawEntriesTable>;

export interface Database {
  offices: OfficesTable;
  services: ServicesTable;
  sessions: SessionsTable;
  weekly_sessions: WeeklySessionsTable;
  day_sessions: DaySessionsTable;
  closed_days: ClosedDaysTable;
  calendar_years: CalendarYearsTable;
  session_days: SessionDaysTable;
  bookings: BookingsTable;
  used_proofs: UsedProofsTable;
  booking_events: BookingEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  staff_sessions: StaffSessionsTable;
  login_attempts: LoginAttemptsTable;
  login_gate: LoginGateTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  audit_log: AuditLogTable;
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
  whatsapp_unreachable: WhatsappUnreachableTable;
  message_templates: MessageTemplatesTable;
  survey_responses: SurveyResponsesTable;
  personal_data_access: PersonalDataAccessTable;
  data_key: DataKeyTable;
  draws: DrawsTable;
  draw_entries: DrawEntriesTable;
}

export type OfficeRow = Selectable<OfficesTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ClosedDayRow = Selectable<ClosedDaysTable>;
export type BookingRow = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;
export type CounterRow = Selectable<CountersTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OutboxMessageRow = Selectable<OutboxMessagesTable>;
export type OutboxAttemptRow = Selectable<OutboxAttemptsTable>;
