import type { BookingWindow } from './booking-window.js';
import { DomainError } from './errors.js';
import { isoWeekday, type LocalDate, minutesOfDay } from './local-date.js';
import { nextOpeningAt, onlinePlacesAt, opensAt, type ReleaseRules } from './release-schedule.js';
import { placesFor } from './schedule.js';

/** A session as the office opens it on a date, with that date's places. */
export interface SessionTemplate {
  id: number;
  letter: string;
  start: string;
  end: string;
  capacity: number;
}

/** Why a day is closed: a weekday the office never opens, or a dated closure with its reason. */
export type Closure =
  | { kind: 'weekend' }
  | { kind: 'national_holiday' | 'cuti_bersama' | 'provisional_holiday' | 'office_closure'; name: string };

export interface SessionAvailability extends SessionTemplate {
  remaining: number;
  bookable: boolean;
  /** Places the channel may fill at the planned instant, bookings not yet counted: online, the released share of the places left after the desk's. */
  openPlaces?: number;
  /** When more of its online places open (the next wave), or null once all are open or for the desk. */
  opensAt?: Date | null;
}

export interface DayAvailability {
  date: LocalDate;
  open: boolean;
  closure: Closure | null;
  sessions: SessionAvailability[];
  /** When an open day first opens to online booking (its first wave), or null once it has opened or for the desk. */
  opensAt?: Date | null;
}

/** The release schedule online booking obeys, and the instant it is planned for. */
export interface ReleaseInput {
  rules: ReleaseRules;
  /** The office's zone: a wave's time is on its clock. */
  zone: string;
  now: Date;
}

export interface PlanInput {
  dates: LocalDate[];
  closedDays: ReadonlyMap<LocalDate, Exclude<Closure, { kind: 'weekend' }>>;
  /** The sessions a date has by the schedule (its weekday's, or the date's own); none means closed. */
  sessionsOn(date: LocalDate): readonly SessionTemplate[];
  /** Who is booking: online bookings leave the desk's share of places free. Online when absent. */
  channel?: 'online' | 'desk' | 'walk_in';
  /** Percent of each session's places held back for the desk. */
  deskSharePercent?: number;
  /** Active bookings per `date|sessionId`. */
  booked: ReadonlyMap<string, number>;
  window: BookingWindow;
  today: LocalDate;
  /** Wall-clock time now in the office's zone, to close today's sessions that are over. */
  nowTime: string;
  /**
   * When given, online booking opens a day only at its first wave and then only the released
   * share of each session (see release-schedule); the desk and walk-ins are not held to it.
   */
  release?: ReleaseInput;
}

/** Key of the booked-count map, one per session and date. */
export function slotKey(date: LocalDate, sessionId: number): string {
  return `${date}|${sessionId}`;
}

/** Why the office is closed on a date, or null when it opens. Dated closures outrank weekdays. */
export function closureOn(
  date: LocalDate,
  openWeekdays: readonly number[],
  closedDays: PlanInput['closedDays'],
): Closure | null {
  const dated = closedDays.get(date);
  if (dated) return dated;
  return openWeekdays.includes(isoWeekday(date)) ? null : { kind: 'weekend' };
}

/** The same sessions on every open weekday: the shape of a simple week, and of tests. */
export function sameSessionsEachDay(openWeekdays: readonly number[], sessions: readonly SessionTemplate[]): (date: LocalDate) => readonly SessionTemplate[] {
  return (date) => (openWeekdays.includes(isoWeekday(date)) ? sessions : []);
}

/**
 * Every date with its sessions, remaining places and whether one may book them now. A date
 * is closed by a dated closure, or when the schedule gives it no session (a weekday the office
 * does not open, unless the date has sessions of its own).
 */
export function planDays(input: PlanInput): DayAvailability[] {
  const channel = input.channel ?? 'online';
  const release = channel === 'online' ? input.release : undefined;
  return input.dates.map((date) => {
    const dated = input.closedDays.get(date);
    const todays = dated ? [] : input.sessionsOn(date);
    const closure: Closure | null = dated ?? (todays.length ? null : { kind: 'weekend' });
    if (closure) return { date, open: false, closure, sessions: [], opensAt: null };
    const inWindow = date >= input.window.first && date <= input.window.last;
    const sessions = todays.map((s) => {
      const openPlaces = release
        ? onlinePlacesAt(s.capacity, date, release.rules, release.zone, release.now)
        : placesFor(channel, s.capacity, input.deskSharePercent ?? 0);
      const remaining = Math.max(0, openPlaces - (input.booked.get(slotKey(date, s.id)) ?? 0));
      // A session of today stays bookable until it ends: people may still come during it.
      const over = date === input.today && minutesOfDay(input.nowTime) >= minutesOfDay(s.end);
      const next = release ? nextOpeningAt(s.capacity, date, release.rules, release.zone, release.now) : null;
      return { ...s, remaining, bookable: inWindow && !over && remaining > 0, openPlaces, opensAt: next };
    });
    const first = release ? opensAt(date, release.rules, release.zone) : null;
    return { date, open: true, closure: null, sessions, opensAt: first && first.getTime() > release!.now.getTime() ? first : null };
  });
}

/**
 * Checks a requested session on a planned day before any place is taken; the quota itself is
 * checked again under the session's lock, since `remaining` here may be stale by then. `zone`
 * only lets a NOT_YET_OPEN refusal name its time on the office's clock.
 */
export function assertBookable(day: DayAvailability, sessionId: number, zone?: string): SessionAvailability {
  if (!day.open) throw new DomainError('CLOSED', { date: day.date });
  const session = day.sessions.find((s) => s.id === sessionId);
  if (!session) throw new DomainError('NOT_BOOKABLE', { date: day.date, reason: 'unknown_session' });
  // Before its wave, a session is not full: its places are not open yet.
  const opens = day.opensAt ?? (session.openPlaces === 0 ? session.opensAt : null);
  if (opens) throw notYetOpen(day.date, opens, zone);
  if (session.remaining === 0) throw new DomainError('SESSION_FULL', { date: day.date });
  if (!session.bookable) throw new DomainError('NOT_BOOKABLE', { date: day.date, reason: 'outside_window' });
  return session;
}

/** A refusal of a day or session whose online places open later; with the zone, its words can name the time. */
export function notYetOpen(date: LocalDate, opensAt: Date, zone?: string): DomainError {
  return new DomainError('NOT_YET_OPEN', { date, opensAt: opensAt.toISOString(), ...(zone ? { zone } : {}) });
}

/** Whether one more booking fits: the rule applied under the lock. */
export function hasRoom(capacity: number, activeBookings: number): boolean {
  return activeBookings < capacity;
}
