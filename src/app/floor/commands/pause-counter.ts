import { setCounterPaused } from '../../../db/repositories/counters.js';
import type { CounterRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import { announceFloor } from '../floor-events.js';
import { holdCounter } from '../counter-clerk.js';
import type { Actor } from '../../shared/ticket-lifecycle.js';

/** Pauses a counter (a break, a system outage) or resumes it; a paused counter calls nobody. */
export interface PauseCounterOptions extends CounterOptions {
  /** True to stop calling to the counter (a break), false to resume. */
  paused: boolean;
  /** The clerk pressing it: like every counter action, only the clerk holding the counter (taking it when free). */
  actor: Actor;
}

/**
 * Pauses or resumes a counter. Like the other counter actions it is the holder's: a free
 * counter becomes the clerk's, another clerk's is refused with COUNTER_HELD.
 */
export async function pauseCounter(ctx: AppContext, opts: PauseCounterOptions): Promise<CounterRow> {
  const { office, counter } = await requireCounter(ctx, opts);
  await holdCounter(ctx.storage.db, office, counter, opts.actor, ctx.now());
  await setCounterPaused(ctx.storage.db, counter.id, opts.paused);
  await announceFloor(ctx, office.id, { kind: opts.paused ? 'paused' : 'resumed', counter: counter.number });
  return { ...counter, paused: opts.paused ? 1 : 0 };
}
