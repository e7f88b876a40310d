import { findCounter } from '../../../db/repositories/counters.js';
import { claimCounter } from '../../../db/repositories/counters.js';
import type { CounterRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import type { AppContext } from '../../shared/context.js';
import { announceFloor } from '../floor-events.js';
import { type CounterHolder, holdCounter, otherHolder } from '../counter-clerk.js';
import type { CounterTicketAction } from './act-on-counter-ticket.js';

export interface OpenCounterOptions extends CounterTicketAction {
  /** Take the counter from the clerk who holds it today. */
  takeOver?: boolean;
}

/** The counter as the clerk now holds it, and whom they took it from. */
export interface OpenedCounter {
  counter: CounterRow;
  /** The clerk who held it until this take-over; null when it was free or already theirs. */
  tookOverFrom: CounterHolder | null;
}

/**
 * A clerk starts work at a counter: takes it when free, keeps it when theirs, and is refused
 * with COUNTER_HELD (naming the holder) when another clerk holds it today, unless they choose
 * to take it over. A take-over is announced, so the other clerk's screen says so at once.
 */
export async function openCounter(ctx: AppContext, opts: OpenCounterOptions): Promise<OpenedCounter> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  const holder = await otherHolder(db, office, counter, opts.actor.userId, now);
  if (!holder) {
    await holdCounter(db, office, counter, opts.actor, now);
    return { counter: await reread(ctx, office.id, counter.number), tookOverFrom: null };
  }
  if (!opts.takeOver) throw new DomainError('COUNTER_HELD', { counter: counter.number, clerk: holder.username });
  const taken = await claimCounter(db, counter.id, opts.actor.userId, now.toISOString(), { userId: holder.userId, since: holder.since });
  // Someone else changed the holder in the meantime: let the clerk see who it is now.
  if (!taken) throw new DomainError('COUNTER_HELD', { counter: counter.number, clerk: holder.username });
  await announceFloor(ctx, office.id, { kind: 'counter_taken_over', counter: counter.number });
  return { counter: await reread(ctx, office.id, counter.number), tookOverFrom: holder };
}

async function reread(ctx: AppContext, officeId: number, number: number): Promise<CounterRow> {
  const row = await findCounter(ctx.storage.db, officeId, number);
  if (!row) throw new DomainError('NOT_FOUND', { what: 'counter' });
  return row;
}
