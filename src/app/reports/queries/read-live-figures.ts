import { countOutboxBacklog, countWaitingByService } from '../../../db/repositories/live-figures.js';
import { listOffices } from '../../../db/repositories/offices.js';
import { addDays, type LocalDate } from '../../../domain/local-date.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import type { AppContext } from '../../shared/context.js';

/** Places left online in one session of today or tomorrow, as the booking page shows them. */
export interface SessionPlaces {
  day: 'today' | 'tomorrow';
  date: LocalDate;
  /** The session's letter (A, B, …) and start time. */
  session: string;
  start: string;
  remaining: number;
}

/** What an office looks like right now, for the metrics. */
export interface OfficeFigures {
  slug: string;
  places: SessionPlaces[];
  /** People checked in and not called yet, per service code (services nobody waits for are absent). */
  waiting: { serviceCode: string; count: number }[];
}

export interface LiveFigures {
  offices: OfficeFigures[];
  /** Offices left out because there were more than `maxOffices`. */
  officesLeftOut: number;
  /** Messages still to send, per channel. */
  outboxBacklog: { channel: string; count: number }[];
}

export interface ReadLiveFiguresOptions {
  /** At most this many offices (the first by id) are read, so one scrape stays a bounded number of queries. */
  maxOffices: number;
}

/**
 * The figures an operator watches, read fresh: places left today and tomorrow by the same
 * planning the availability API uses, people waiting, and the outbox backlog. Offices are read
 * one after another (a few queries each) so a scrape never takes more than one pooled connection
 * at a time from the requests.
 */
export async function readLiveFigures(ctx: AppContext, opts: ReadLiveFiguresOptions): Promise<LiveFigures> {
  const db = ctx.storage.db;
  const rows = await listOffices(db);
  const offices: OfficeFigures[] = [];
  for (const office of rows.slice(0, opts.maxOffices)) {
    const clock = officeClock(office, ctx.now());
    const days = await planOfficeDays(db, office, clock, clock.today, 2);
    const waiting = await countWaitingByService(db, office.id, clock.today);
    const tomorrow = addDays(clock.today, 1);
    const places = days.flatMap((d) =>
      d.sessions.map((s) => ({ day: d.date === tomorrow ? ('tomorrow' as const) : ('today' as const), date: d.date, session: s.letter, start: s.start, remaining: s.remaining })),
    );
    offices.push({ slug: office.slug, places, waiting });
  }
  const outboxBacklog = await countOutboxBacklog(db);
  return { offices, officesLeftOut: Math.max(0, rows.length - opts.maxOffices), outboxBacklog };
}

/** Connections of this process's PostgreSQL pool; null on SQLite, which has one connection and no pool. */
export interface PoolUse {
  total: number;
  idle: number;
  /** Queries waiting for a connection: above zero for long, the pool is too small or the database too slow. */
  waiting: number;
}

/** The pool's use now, without a query: it matters most when the database is slow to answer. */
export function readPoolUse(ctx: AppContext): PoolUse | null {
  return ctx.storage.poolUse?.() ?? null;
}
