import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import type { Actor } from '../../shared/ticket-lifecycle.js';
import { type CounterHolder, otherHolder } from '../counter-clerk.js';

/** The clerk other than the viewer who holds the counter today, or null when it is free or theirs. */
export async function getCounterHolder(ctx: AppContext, opts: CounterOptions & { actor: Actor }): Promise<CounterHolder | null> {
  const { office, counter } = await requireCounter(ctx, opts);
  return otherHolder(ctx.storage.db, office, counter, opts.actor.userId, ctx.now());
}
