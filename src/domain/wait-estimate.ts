import { addDays, instantOf, type LocalDate } from './local-date.js';
import { callingOrder, type WaitingTicket } from './queue-order.js';

/**
 * Where a checked-in person stands and roughly when they will be called. An estimate, never a
 * promise: service times vary a lot (a KTP-el recording takes longer than a pickup), so the
 * answer is a range around a middle, and it is only given when there are enough measured
 * service times to stand on.
 */

/** A waiting ticket with the service whose line it stands in. */
export interface LineTicket extends WaitingTicket {
  serviceId: number;
}

/** A ticket's place in its service's line. */
export interface LinePlace {
  /** 1 for the next one to be called in this service. */
  position: number;
  /** How many of the same service are called before it: `position - 1`. */
  ahead: number;
}

/**
 * The place of ticket `ticketId` among the waiting tickets of its own service, in calling order
 * (priority, session, arrival); null when it is not waiting.
 */
export function placeInLine(waiting: readonly LineTicket[], ticketId: number): LinePlace | null {
  const me = waiting.find((w) => w.id === ticketId);
  if (!me) return null;
  const line = callingOrder(waiting.filter((w) => w.serviceId === me.serviceId));
  const ahead = line.findIndex((w) => w.id === ticketId);
  return { position: ahead + 1, ahead };
}

/** How many wait in each service's line, by service id. */
export function waitingByService(waiting: readonly LineTicket[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const w of waiting) out.set(w.serviceId, (out.get(w.serviceId) ?? 0) + 1);
  return out;
}

/** A counter as far as the estimate cares: is it calling, and which services does it call. */
export interface CounterCover {
  paused: boolean;
  /** The services it calls; empty means every service. */
  serviceIds: readonly number[];
}

/**
 * How many counters call a service: those open now, or, when every one of them is on a break,
 * all of them (a break ends; the line will move again). Zero when no counter calls it at all.
 */
export function countersServing(counters: readonly CounterCover[], serviceId: number): number {
  const serving = counters.filter((c) => c.serviceIds.length === 0 || c.serviceIds.includes(serviceId));
  const open = serving.filter((c) => !c.paused).length;
  return open > 0 ? open : serving.length;
}

/** How long one finished visit took at the counter, from its (last) call to its finish. */
export interface ServiceTimeSample {
  date: LocalDate;
  serviceId: number;
  seconds: number;
}

/** Fewer measured visits than this say too little: one slow case would set the pace. */
export const MIN_SAMPLES = 5;
/** Early in the morning, the last this many open days (days with finished visits) stand in for today. */
export const RECENT_OPEN_DAYS = 5;
/** How far back the recent open days are looked for: a month covers long holidays such as Lebaran. */
export const RECENT_DAYS_LOOKBACK = 31;

/** What the typical service time was taken from, most specific first. */
export type ServiceTimeBasis = 'today-service' | 'today-office' | 'recent-service' | 'recent-office';

/** A typical service time in seconds, and what it was measured on. */
export interface TypicalServiceTime {
  seconds: number;
  basis: ServiceTimeBasis;
  /** How many visits it is the median of. */
  count: number;
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The typical (median) time a visit takes at the counter for a service. Today's visits when
 * there are at least MIN_SAMPLES (the service's own, else the whole office's), otherwise those
 * of the last RECENT_OPEN_DAYS days before today that had any (again the service's, else the
 * office's); null when even those are too few (a new office).
 */
export function typicalServiceTime(samples: readonly ServiceTimeSample[], at: { today: LocalDate; serviceId: number }): TypicalServiceTime | null {
  const today = samples.filter((s) => s.date === at.today);
  const earlierDays = [...new Set(samples.filter((s) => s.date < at.today && s.date >= addDays(at.today, -RECENT_DAYS_LOOKBACK)).map((s) => s.date))]
    .sort()
    .slice(-RECENT_OPEN_DAYS);
  const recent = samples.filter((s) => earlierDays.includes(s.date));
  const candidates: [ServiceTimeBasis, readonly ServiceTimeSample[]][] = [
    ['today-service', today.filter((s) => s.serviceId === at.serviceId)],
    ['today-office', today],
    ['recent-service', recent.filter((s) => s.serviceId === at.serviceId)],
    ['recent-office', recent],
  ];
  for (const [basis, chosen] of candidates) {
    if (chosen.length >= MIN_SAMPLES) return { seconds: medianOf(chosen.map((s) => s.seconds)), basis, count: chosen.length };
  }
  return null;
}

/** The expected wait from now, in seconds: a middle and a range around it. */
export interface WaitRange {
  earliestSeconds: number;
  middleSeconds: number;
  latestSeconds: number;
}

/**
 * The wait of someone with `ahead` people before them in a line that `counters` counters call,
 * each visit taking about `serviceSeconds`. Each counter is mid-way through a visit on average,
 * so the middle is (ahead + ½) / counters visits. The range is at least half a visit either
 * side (nobody knows how far along the current visits are) and at least a fifth of the middle
 * (service times vary, and the errors add up down a long line).
 */
export function estimateWait(opts: { ahead: number; counters: number; serviceSeconds: number }): WaitRange {
  const { ahead, serviceSeconds } = opts;
  if (!(ahead >= 0) || !Number.isInteger(ahead)) throw new RangeError(`ahead must be a whole number ≥ 0, got ${ahead}`);
  if (!(opts.counters >= 1) || !Number.isInteger(opts.counters)) throw new RangeError(`counters must be a whole number ≥ 1, got ${opts.counters}`);
  if (!(serviceSeconds > 0) || !Number.isFinite(serviceSeconds)) throw new RangeError(`serviceSeconds must be positive, got ${serviceSeconds}`);
  const middle = ((ahead + 0.5) / opts.counters) * serviceSeconds;
  const spread = Math.max(serviceSeconds / 2, middle / 5);
  return { earliestSeconds: Math.max(0, middle - spread), middleSeconds: middle, latestSeconds: middle + spread };
}

/** When a person is expected to be called: a middle instant and the range around it. */
export interface CallEstimate {
  at: Date;
  earliest: Date;
  latest: Date;
}

/**
 * The instant before which a checked-in ticket is not called: an early arrival who checked in
 * without a reason waits for `callFrom` (their session's start, see check-in); anyone else may
 * be called as soon as their turn comes, even before their session starts.
 */
export function notCalledBefore(ticket: { date: LocalDate; callFrom: string | null }, zone: string): Date | undefined {
  return ticket.callFrom ? instantOf(ticket.date, ticket.callFrom, zone) : undefined;
}

/**
 * The wait turned into instants. The line moves from `now`, or from `startsAt` when calling has
 * not begun yet (the office's first session of the day); and nobody is called before
 * `notBefore` (see notCalledBefore), so every instant is held back to it.
 */
export function estimateCall(opts: { now: Date; wait: WaitRange; startsAt?: Date; notBefore?: Date }): CallEstimate {
  const base = Math.max(opts.now.getTime(), opts.startsAt?.getTime() ?? -Infinity);
  const floor = opts.notBefore?.getTime() ?? -Infinity;
  const at = (seconds: number) => new Date(Math.max(base + Math.round(seconds) * 1000, floor));
  return { at: at(opts.wait.middleSeconds), earliest: at(opts.wait.earliestSeconds), latest: at(opts.wait.latestSeconds) };
}

/**
 * The estimate for a person, or null when there is nothing honest to say: no counter calls the
 * service, or too few visits were measured.
 */
export function estimateCallFor(opts: {
  now: Date;
  ahead: number;
  counters: number;
  serviceTime: TypicalServiceTime | null;
  startsAt?: Date | undefined;
  notBefore?: Date | undefined;
}): CallEstimate | null {
  if (opts.counters < 1 || !opts.serviceTime) return null;
  const wait = estimateWait({ ahead: opts.ahead, counters: opts.counters, serviceSeconds: opts.serviceTime.seconds });
  return estimateCall({ now: opts.now, wait, ...(opts.startsAt ? { startsAt: opts.startsAt } : {}), ...(opts.notBefore ? { notBefore: opts.notBefore } : {}) });
}

/** A span of clock time widened outward to whole steps (5 minutes by default), for saying aloud. */
export function roundOutward(earliest: Date, latest: Date, stepMinutes = 5): { from: Date; to: Date } {
  const step = stepMinutes * 60_000;
  const from = Math.floor(earliest.getTime() / step) * step;
  let to = Math.ceil(latest.getTime() / step) * step;
  // A range that is one instant is no range: "10.15–10.15" reads as a promise.
  if (to <= from) to = from + step;
  return { from: new Date(from), to: new Date(to) };
}

/** A wait in whole minutes, widened outward to steps (5 minutes by default), at least one step wide. */
export function waitMinutesRange(wait: WaitRange, stepMinutes = 5): { fromMinutes: number; toMinutes: number } {
  const fromMinutes = Math.floor(wait.earliestSeconds / 60 / stepMinutes) * stepMinutes;
  let toMinutes = Math.ceil(wait.latestSeconds / 60 / stepMinutes) * stepMinutes;
  if (toMinutes <= fromMinutes) toMinutes = fromMinutes + stepMinutes;
  return { fromMinutes, toMinutes };
}
