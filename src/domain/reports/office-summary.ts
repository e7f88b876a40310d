import { timeIn } from '../local-date.js';
import { isActive, type TicketStatus } from '../ticket-status.js';
import { type DurationStats, secondsBetween, summarizeDurations } from './statistics.js';

/*
 * The office report, built from small aggregates the database hands over: every figure here is
 * a sum or an order statistic of those rows, so the same rows always give the same report.
 *
 * What each figure means:
 * - booked: every booking whose (current) date is in the range, whatever became of it;
 *   a rescheduled booking counts on its new date;
 * - checked in: bookings the desk checked in; served: finished at a counter (status done);
 *   no-show: closed as not come; cancelled: cancelled by the citizen; pending: still open
 *   (today's or future bookings), so booked = served + no-show + cancelled + pending;
 * - taken: bookings that held a place (every booking but the cancelled); fill = taken / capacity;
 * - waiting time: from the first check-in to the first call; service time: from the call that
 *   led to the finish (the last call) to the finish. Tickets closed by the day-end rule have no
 *   service time: the counter never pressed finish, so the time says nothing.
 */

/** How a booking was made. */
export type BookingChannel = 'online' | 'desk' | 'walk_in';

/** A number of bookings of one channel and status, checked in or not. */
export interface OutcomeRow {
  channel: BookingChannel;
  status: TicketStatus;
  checkedIn: boolean;
  count: number;
}

/** What became of a set of bookings. */
export interface OutcomeCounts {
  booked: number;
  bookedOnline: number;
  bookedDesk: number;
  bookedWalkIn: number;
  checkedIn: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Still open: booked, waiting, called, being served or skipped today. */
  pending: number;
}

/** Adds up outcome rows. */
export function tallyOutcomes(rows: Iterable<OutcomeRow>): OutcomeCounts {
  const t: OutcomeCounts = { booked: 0, bookedOnline: 0, bookedDesk: 0, bookedWalkIn: 0, checkedIn: 0, served: 0, noShow: 0, cancelled: 0, pending: 0 };
  for (const r of rows) {
    t.booked += r.count;
    if (r.channel === 'online') t.bookedOnline += r.count;
    else if (r.channel === 'desk') t.bookedDesk += r.count;
    else t.bookedWalkIn += r.count;
    if (r.checkedIn) t.checkedIn += r.count;
    if (r.status === 'done') t.served += r.count;
    else if (r.status === 'no_show') t.noShow += r.count;
    else if (r.status === 'cancelled') t.cancelled += r.count;
    else if (isActive(r.status)) t.pending += r.count;
  }
  return t;
}

/** The moments of one booking's visit, as its events recorded them. */
export interface VisitTimes {
  date: string;
  serviceId: number;
  checkedInAt: string | null;
  firstCalledAt: string | null;
  lastCalledAt: string | null;
  doneAt: string | null;
  /** Finished by the day-end rule rather than at a counter. */
  closedAtDayEnd: boolean;
  /** The counter and the clerk that pressed finish. */
  doneCounter: number | null;
  doneUserId: number | null;
}

/** Seconds from check-in to the first call; null when either did not happen. */
export function waitingSeconds(v: VisitTimes): number | null {
  return secondsBetween(v.checkedInAt, v.firstCalledAt);
}

/** Seconds from the last call to the finish; null when unfinished or closed at day end. */
export function serviceSeconds(v: VisitTimes): number | null {
  return v.closedAtDayEnd ? null : secondsBetween(v.lastCalledAt, v.doneAt);
}

/**
 * A visit with its two durations worked out once: a year holds ~50,000 visits, grouped five
 * ways. The report's reader measures each week's visits as it reads them, so that a year's
 * report never works through all of them in one go.
 */
export interface MeasuredVisit {
  date: string;
  serviceId: number;
  doneCounter: number | null;
  doneUserId: number | null;
  waiting: number | null;
  service: number | null;
}

export function measureVisit(v: VisitTimes): MeasuredVisit {
  return { date: v.date, serviceId: v.serviceId, doneCounter: v.doneCounter, doneUserId: v.doneUserId, waiting: waitingSeconds(v), service: serviceSeconds(v) };
}

function durations(visits: Iterable<MeasuredVisit>, of: 'waiting' | 'service'): DurationStats {
  const values: number[] = [];
  for (const v of visits) {
    const s = v[of];
    if (s !== null) values.push(s);
  }
  return summarizeDurations(values);
}

/** The counter events the report counts. */
export type FloorEventType = 'called' | 'recalled' | 'skipped' | 'transferred' | 'done';

/** How many events of one type one clerk recorded at one counter. */
export interface FloorEventRow {
  counterNumber: number | null;
  userId: number | null;
  username: string | null;
  type: FloorEventType;
  count: number;
}

/** What happened at a counter, or what a clerk did. */
export interface CounterWork {
  calls: number;
  recalls: number;
  skips: number;
  transfers: number;
  served: number;
  serviceTime: DurationStats;
}

const EMPTY_WORK = { calls: 0, recalls: 0, skips: 0, transfers: 0, served: 0 };
const WORK_FIELD: Record<FloorEventType, keyof typeof EMPTY_WORK> = { called: 'calls', recalled: 'recalls', skipped: 'skips', transferred: 'transfers', done: 'served' };

function addWork(into: Map<number, typeof EMPTY_WORK>, key: number, row: FloorEventRow): void {
  const w = into.get(key) ?? { ...EMPTY_WORK };
  w[WORK_FIELD[row.type]] += row.count;
  into.set(key, w);
}

/** Check-ins and calls in one hour of the day, on the office's clock. */
export interface HourCount {
  hour: number;
  checkIns: number;
  calls: number;
}

/** Events of one type in one UTC hour (`YYYY-MM-DDTHH`, the first 13 characters of an ISO instant). */
export interface UtcHourRow {
  utcHour: string;
  type: 'checked_in' | 'called';
  count: number;
}

/**
 * Check-ins and calls per hour of the day in the office's zone, every hour from the first to
 * the last with any, gaps included. Events come bucketed by UTC hour; Indonesia's zones are
 * whole hours from UTC, so each bucket falls in one local hour.
 */
export function busiestHours(rows: readonly UtcHourRow[], zone: string): HourCount[] {
  const byHour = new Map<number, HourCount>();
  for (const r of rows) {
    const hour = Number(timeIn(zone, new Date(`${r.utcHour}:00:00.000Z`)).slice(0, 2));
    const h = byHour.get(hour) ?? { hour, checkIns: 0, calls: 0 };
    if (r.type === 'checked_in') h.checkIns += r.count;
    else h.calls += r.count;
    byHour.set(hour, h);
  }
  if (byHour.size === 0) return [];
  const hours = [...byHour.keys()];
  const out: HourCount[] = [];
  for (let hour = Math.min(...hours); hour <= Math.max(...hours); hour++) out.push(byHour.get(hour) ?? { hour, checkIns: 0, calls: 0 });
  return out;
}

/** A session as the day planner gave it for one date. */
export interface PlannedSession {
  id: number;
  capacity: number;
}

/** One date of the range as the day planner sees it: open or not, and its sessions' places. */
export interface PlannedDay {
  date: string;
  open: boolean;
  sessions: PlannedSession[];
}

/** Everything the report is built from. */
export interface SummaryInput {
  /** Every date of the range, in order, as planned. */
  days: readonly PlannedDay[];
  /** The office's zone, for the hours of the day. */
  zone: string;
  byDay: readonly (OutcomeRow & { date: string })[];
  /** Bookings that held a place (not cancelled), per date and session. */
  taken: readonly { date: string; sessionId: number; count: number }[];
  byService: readonly (OutcomeRow & { serviceId: number })[];
  services: readonly { id: number; code: string; name: string; nameEn: string; active: boolean }[];
  /** Every session the office has had, for names: bookings may sit in one switched off since. */
  sessions: readonly { id: number; letter: string; start: string; end: string }[];
  counters: readonly { number: number; name: string }[];
  visits: readonly MeasuredVisit[];
  floorEvents: readonly FloorEventRow[];
  hours: readonly UtcHourRow[];
}

/** Places and how full they were. */
export interface Fill {
  capacity: number;
  taken: number;
  /** taken / capacity; null without places (a closed day). May exceed 1 when places were lowered after booking. */
  fill: number | null;
}

/** Time figures of a set of bookings. */
export interface Times {
  waitingTime: DurationStats;
  serviceTime: DurationStats;
}

export type DaySummary = { date: string; open: boolean } & OutcomeCounts & Fill & Times;
export type SessionSummary = { sessionId: number; letter: string; start: string; end: string; openDays: number } & Fill;
export type ServiceSummary = { serviceId: number; code: string; name: string; nameEn: string } & OutcomeCounts & Times;
export type CounterSummary = { counter: number; name: string } & CounterWork;
export type ClerkSummary = { userId: number; username: string } & CounterWork;

/** The office's report over a range of dates. */
export interface OfficeSummary {
  totals: OutcomeCounts & Fill & Times & { openDays: number };
  days: DaySummary[];
  sessions: SessionSummary[];
  services: ServiceSummary[];
  counters: CounterSummary[];
  clerks: ClerkSummary[];
  hours: HourCount[];
}

function fillOf(capacity: number, taken: number): Fill {
  return { capacity, taken, fill: capacity > 0 ? taken / capacity : null };
}

function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function timesOf(visits: readonly MeasuredVisit[]): Times {
  return { waitingTime: durations(visits, 'waiting'), serviceTime: durations(visits, 'service') };
}

/** Builds the report: day by day, per session, per service, per counter, per clerk and per hour. */
export function buildOfficeSummary(input: SummaryInput): OfficeSummary {
  const { visits } = input;
  const outcomesByDay = groupBy(input.byDay, (r) => r.date);
  const takenByDay = groupBy(input.taken, (r) => r.date);
  const visitsByDay = groupBy(visits, (v) => v.date);
  const days: DaySummary[] = input.days.map((d) => ({
    date: d.date,
    open: d.open,
    ...tallyOutcomes(outcomesByDay.get(d.date) ?? []),
    ...fillOf(sum(d.sessions.map((s) => s.capacity)), sum((takenByDay.get(d.date) ?? []).map((r) => r.count))),
    ...timesOf(visitsByDay.get(d.date) ?? []),
  }));

  const capacityBySession = new Map<number, { capacity: number; openDays: number }>();
  for (const d of input.days) {
    for (const s of d.sessions) {
      const c = capacityBySession.get(s.id) ?? { capacity: 0, openDays: 0 };
      c.capacity += s.capacity;
      c.openDays += 1;
      capacityBySession.set(s.id, c);
    }
  }
  const takenBySession = groupBy(input.taken, (r) => r.sessionId);
  const sessionIds = new Set([...capacityBySession.keys(), ...takenBySession.keys()]);
  const sessions: SessionSummary[] = input.sessions
    .filter((s) => sessionIds.has(s.id))
    .map((s) => {
      const c = capacityBySession.get(s.id) ?? { capacity: 0, openDays: 0 };
      return { sessionId: s.id, letter: s.letter, start: s.start, end: s.end, openDays: c.openDays, ...fillOf(c.capacity, sum((takenBySession.get(s.id) ?? []).map((r) => r.count))) };
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.letter.localeCompare(b.letter));

  const outcomesByService = groupBy(input.byService, (r) => r.serviceId);
  const visitsByService = groupBy(visits, (v) => v.serviceId);
  const services: ServiceSummary[] = input.services
    .filter((s) => s.active || outcomesByService.has(s.id))
    .map((s) => ({
      serviceId: s.id,
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      ...tallyOutcomes(outcomesByService.get(s.id) ?? []),
      ...timesOf(visitsByService.get(s.id) ?? []),
    }));

  const byCounter = new Map<number, typeof EMPTY_WORK>();
  const byClerk = new Map<number, typeof EMPTY_WORK>();
  const usernames = new Map<number, string>();
  for (const row of input.floorEvents) {
    if (row.counterNumber !== null) addWork(byCounter, row.counterNumber, row);
    if (row.userId !== null) {
      addWork(byClerk, row.userId, row);
      usernames.set(row.userId, row.username ?? `#${row.userId}`);
    }
  }
  const visitsByCounter = groupBy(visits, (v) => v.doneCounter);
  const visitsByClerk = groupBy(visits, (v) => v.doneUserId);
  const counterNames = new Map(input.counters.map((c) => [c.number, c.name]));
  const counterNumbers = [...new Set([...counterNames.keys(), ...byCounter.keys()])].sort((a, b) => a - b);
  const counters: CounterSummary[] = counterNumbers.map((n) => ({
    counter: n,
    name: counterNames.get(n) ?? '',
    ...(byCounter.get(n) ?? EMPTY_WORK),
    serviceTime: durations(visitsByCounter.get(n) ?? [], 'service'),
  }));
  const clerks: ClerkSummary[] = [...byClerk.entries()]
    .map(([userId, work]) => ({ userId, username: usernames.get(userId) ?? '', ...work, serviceTime: durations(visitsByClerk.get(userId) ?? [], 'service') }))
    .sort((a, b) => a.username.localeCompare(b.username));

  return {
    totals: {
      openDays: days.filter((d) => d.open).length,
      ...tallyOutcomes(input.byDay),
      ...fillOf(sum(days.map((d) => d.capacity)), sum(input.taken.map((r) => r.count))),
      ...timesOf(visits),
    },
    days,
    sessions,
    services,
    counters,
    clerks,
    hours: busiestHours(input.hours, input.zone),
  };
}
