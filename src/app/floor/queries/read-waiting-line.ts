import { counterServicesOfOffice, listCounters } from '../../../db/repositories/counters.js';
import { listWaiting } from '../../../db/repositories/floor.js';
import { listFinishedVisits } from '../../../db/repositories/line.js';
import type { Executor } from '../../../db/repositories/offices.js';
import { addDays, instantOf, type LocalDate, todayIn } from '../../../domain/local-date.js';
import { isPriorityGroup } from '../../../domain/queue-order.js';
import { CLOSED_AT_DAY_END } from '../../../domain/ticket-status.js';
import {
  type CallEstimate,
  type CounterCover,
  countersServing,
  estimateCallFor,
  estimateWait,
  type LineTicket,
  notCalledBefore,
  placeInLine,
  RECENT_DAYS_LOOKBACK,
  roundOutward,
  type ServiceTimeBasis,
  type ServiceTimeSample,
  typicalServiceTime,
  waitingByService,
  waitMinutesRange,
} from '../../../domain/wait-estimate.js';
import type { AppContext } from '../../shared/context.js';
import { loadSessionsByDate } from '../../office/queries/sessions-by-date.js';

/** An office's line at one moment: who waits, which counters call, and how long visits take. */
export interface WaitingLine {
  officeId: number;
  today: LocalDate;
  timezone: string;
  now: Date;
  /** The start of today's first session: counters call nobody before it. Null on a day without sessions. */
  opensAt: Date | null;
  waiting: LineTicket[];
  counters: CounterCover[];
  /** Today's finished visits and those of the recent days before. */
  samples: ServiceTimeSample[];
}

/** The office fields the line needs. */
export interface LineOffice {
  id: number;
  timezone: string;
}

/**
 * Finished visits of days before today never change, so each process reads them once per
 * office and day (per database, so test runtimes never share them).
 */
const earlierVisits = new WeakMap<object, Map<string, Promise<ServiceTimeSample[]>>>();

function toSamples(rows: { date: string; serviceId: number; calledAt: string; doneAt: string }[]): ServiceTimeSample[] {
  return rows
    .map((r) => ({ date: r.date, serviceId: r.serviceId, seconds: Math.round((Date.parse(r.doneAt) - Date.parse(r.calledAt)) / 1000) }))
    // A visit of no measurable length (a finish pressed by mistake) or with a broken clock says nothing about the pace.
    .filter((s) => Number.isFinite(s.seconds) && s.seconds > 0);
}

function samplesBefore(db: Executor, officeId: number, today: LocalDate): Promise<ServiceTimeSample[]> {
  let byDay = earlierVisits.get(db);
  if (!byDay) earlierVisits.set(db, (byDay = new Map()));
  const key = `${officeId}:${today}`;
  let found = byDay.get(key);
  if (!found) {
    // One day's list is all a process needs; yesterday's key is dropped once today's is read.
    for (const k of byDay.keys()) if (k.startsWith(`${officeId}:`)) byDay.delete(k);
    found = listFinishedVisits(db, officeId, addDays(today, -RECENT_DAYS_LOOKBACK), addDays(today, -1), CLOSED_AT_DAY_END).then(toSamples);
    found.catch(() => byDay.delete(key));
    byDay.set(key, found);
  }
  return found;
}

/** Reads an office's line now: today's waiting tickets, its counters and the service times to estimate from. */
export async function readWaitingLine(ctx: AppContext, office: LineOffice): Promise<WaitingLine> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const today = todayIn(office.timezone, now);
  const [waiting, counters, services, earlier, todays, sessions] = await Promise.all([
    listWaiting(db, office.id, today, null),
    listCounters(db, office.id),
    counterServicesOfOffice(db, office.id),
    samplesBefore(db, office.id, today),
    listFinishedVisits(db, office.id, today, today, CLOSED_AT_DAY_END).then(toSamples),
    loadSessionsByDate(db, office.id, today, today).then((on) => on(today)),
  ]);
  const firstStart = sessions.map((s) => s.start).sort()[0];
  return {
    officeId: office.id,
    today,
    timezone: office.timezone,
    now,
    opensAt: firstStart ? instantOf(today, firstStart, office.timezone) : null,
    waiting: waiting.map((w) => ({
      id: w.id,
      serviceId: Number(w.service_id),
      priority: w.priority && isPriorityGroup(w.priority) ? w.priority : null,
      sessionStart: w.session_start,
      checkedInAt: w.checked_in_at,
    })),
    counters: counters.map((c) => ({ paused: Number(c.paused) === 1, serviceIds: services.get(c.id) ?? [] })),
    samples: [...earlier, ...todays],
  };
}

/** Where a waiting ticket stands and when it may be called. */
export interface TicketPlace {
  /** 1 for the next one called in the ticket's service. */
  position: number;
  ahead: number;
  /** Null when nothing honest can be said (no counter calls the service, too few measured visits). */
  estimate: CallEstimate | null;
  /** The estimate's range widened to whole 5 minutes, as the ticket says it. */
  range: { from: Date; to: Date } | null;
  /** Which service times the estimate stands on: today's, or the last open days'. */
  basis: ServiceTimeBasis | null;
}

/** The ticket fields its place depends on. */
export interface PlacedTicket {
  id: number;
  service_id: number;
  date: string;
  session_start: string;
  /** Checked in early without a reason: not called before this `HH:MM`. */
  call_from: string | null;
}

/** The place of a ticket in the line, or null when it is not waiting in it today. */
export function placeOf(line: WaitingLine, ticket: PlacedTicket): TicketPlace | null {
  if (ticket.date !== line.today) return null;
  const place = placeInLine(line.waiting, ticket.id);
  if (!place) return null;
  const serviceId = Number(ticket.service_id);
  const serviceTime = typicalServiceTime(line.samples, { today: line.today, serviceId });
  const estimate = estimateCallFor({
    now: line.now,
    ahead: place.ahead,
    counters: countersServing(line.counters, serviceId),
    serviceTime,
    startsAt: line.opensAt ?? undefined,
    notBefore: notCalledBefore({ date: ticket.date, callFrom: ticket.call_from }, line.timezone),
  });
  return {
    ...place,
    estimate,
    range: estimate ? roundOutward(estimate.earliest, estimate.latest) : null,
    basis: estimate && serviceTime ? serviceTime.basis : null,
  };
}

/** One service's line as the board shows it. */
export interface ServiceLine {
  serviceId: number;
  waiting: number;
  /** What the last one in the line waits from now, in whole minutes; null when it cannot be said. */
  typicalWait: { fromMinutes: number; toMinutes: number } | null;
}

/** Every service with someone waiting, by service id in the order given, with its typical wait now. */
export function serviceLines(line: WaitingLine, serviceIds: readonly number[]): ServiceLine[] {
  const counts = waitingByService(line.waiting);
  return serviceIds
    .filter((id) => (counts.get(id) ?? 0) > 0)
    .map((serviceId) => {
      const waiting = counts.get(serviceId) ?? 0;
      const counters = countersServing(line.counters, serviceId);
      const serviceTime = typicalServiceTime(line.samples, { today: line.today, serviceId });
      // The last one in has everyone else ahead. (Nobody joins behind without a booking: walk-ins book another day.)
      if (counters === 0 || !serviceTime) return { serviceId, waiting, typicalWait: null };
      const wait = estimateWait({ ahead: waiting - 1, counters, serviceSeconds: serviceTime.seconds });
      // Before the first session nobody is called: the wait starts then.
      const untilOpen = line.opensAt ? Math.max(0, (line.opensAt.getTime() - line.now.getTime()) / 1000) : 0;
      const typicalWait = waitMinutesRange({
        earliestSeconds: wait.earliestSeconds + untilOpen,
        middleSeconds: wait.middleSeconds + untilOpen,
        latestSeconds: wait.latestSeconds + untilOpen,
      });
      return { serviceId, waiting, typicalWait };
    });
}
