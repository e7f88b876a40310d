import type { BookingView } from '../../booking/read-models.js';
import { counterServiceIds } from '../../../db/repositories/counters.js';
import { findCounterTicket, listWaiting } from '../../../db/repositories/floor.js';
import type { CounterRow, OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import { officeClock } from '../../../domain/office-clock.js';

/** What a counter's screen shows: the counter, the person it called or serves, and who waits for it. */
export interface CounterTicket {
  office: OfficeRow;
  counter: CounterRow;
  /** The ticket called to or served at the counter today; null when it is free. */
  ticket: BookingView | null;
  /** People checked in today for the services this counter handles. */
  waiting: number;
}

/** The counter's current ticket and its waiting line, read at one instant. */
export async function getCounterTicket(ctx: AppContext, opts: CounterOptions): Promise<CounterTicket> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const { today } = officeClock(office, ctx.now());
  const services = await counterServiceIds(db, counter.id);
  const [ticket, waiting] = await Promise.all([
    findCounterTicket(db, office.id, today, counter.number),
    listWaiting(db, office.id, today, services.length ? services : null),
  ]);
  return { office, counter, ticket: ticket ?? null, waiting: waiting.length };
}
