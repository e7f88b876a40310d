import { listCounters } from '../../../db/repositories/counters.js';
import { countWaiting, findCounterTicket, recentCalls } from '../../../db/repositories/floor.js';
import { instantOf, minutesOfDay } from '../../../domain/local-date.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { loadSessionsByDate } from '../../office/queries/sessions-by-date.js';
import { listServices } from '../../../db/repositories/catalogue.js';
import { readWaitingLine, serviceLines } from './read-waiting-line.js';

/** What the waiting-room board shows: no names, no NIKs, only numbers and counters. */
export interface DisplayState {
  office: { slug: string; name: string; timezone: string };
  date: string;
  time: string;
  currentSession: { letter: string; start: string; end: string } | null;
  lastCalls: { queueNumber: string; counter: number | null; at: string }[];
  waiting: number;
  /** Each service with someone waiting, in the office's order: how many, and what the last in line waits now. */
  lines: { service: string; name: string; waiting: number; typicalWait: { fromMinutes: number; toMinutes: number } | null }[];
  counters: { number: number; name: string; paused: boolean; current: string | null }[];
}

export interface GetDisplayStateOptions {
  officeSlug: string;
  /** How many recent calls the board lists (6 when absent). */
  recent?: number;
}

/** The board's state now; sent whole on connect and after every change, so a screen never drifts. */
export async function getDisplayState(ctx: AppContext, { officeSlug, recent = 6 }: GetDisplayStateOptions): Promise<DisplayState> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, officeSlug);
  const clock = officeClock(office, ctx.now());
  const since = instantOf(clock.today, '00:00', office.timezone).toISOString();
  const [sessions, calls, waiting, counters, line, services] = await Promise.all([
    loadSessionsByDate(db, office.id, clock.today, clock.today).then((on) => on(clock.today)),
    recentCalls(db, office.id, since, recent),
    countWaiting(db, office.id, clock.today),
    listCounters(db, office.id),
    readWaitingLine(ctx, office),
    // Switched-off services too: someone may still wait for one switched off this morning.
    listServices(db, office.id, { includeInactive: true }),
  ]);
  const lines = serviceLines(line, services.map((s) => s.id));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const now = minutesOfDay(clock.nowTime);
  const current = sessions.find((s) => minutesOfDay(s.start) <= now && now < minutesOfDay(s.end));
  const tickets = await Promise.all(counters.map((c) => findCounterTicket(db, office.id, clock.today, c.number)));
  return {
    office: { slug: office.slug, name: office.name, timezone: office.timezone },
    date: clock.today,
    time: clock.nowTime,
    currentSession: current ? { letter: current.letter, start: current.start, end: current.end } : null,
    lastCalls: calls.map((c) => ({ queueNumber: c.queue_number, counter: c.counter_number === null ? null : Number(c.counter_number), at: c.at })),
    waiting,
    lines: lines.flatMap((l) => {
      const service = serviceById.get(l.serviceId);
      return service ? [{ service: service.code, name: service.name, waiting: l.waiting, typicalWait: l.typicalWait }] : [];
    }),
    counters: counters.map((c, i) => ({ number: c.number, name: c.name, paused: c.paused === 1, current: tickets[i]?.queue_number ?? null })),
  };
}
