import { currentClerk } from '../../../domain/counter-work.js';
import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import type { Actor } from '../../shared/ticket-lifecycle.js';
import { type CounterHolder, otherHolder } from '../counter-clerk.js';

/** The clerk other than the viewer who holds the counter today, or null when it is free or theirs. */
export async function getCounterHolder(ctx: AppContext, opts: CounterOptions & { actor: Actor }): Promise<CounterHolder | null> {
  const { office, counter } = await requireCounter(ctx, opts);
  return otherHolder(ctx.storage.db, office, counter, opts.actor.userId, ctx.now());
}

/** Whether anyone holds the counter today: nobody, the viewer, or another clerk (named). */
export type CounterHolding = { state: 'free' } | { state: 'mine' } | { state: 'other'; holder: CounterHolder };

/** Who holds the counter as seen by the viewer, without taking it (an admin looking in). */
export async function getCounterHolding(ctx: AppContext, opts: CounterOptions & { actor: Actor }): Promise<CounterHolding> {
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  const holder = await otherHolder(ctx.storage.db, office, counter, opts.actor.userId, now);
  if (holder) return { state: 'other', holder };
  const clerk = currentClerk({ userId: counter.clerk_user_id === null ? null : Number(counter.clerk_user_id), since: counter.clerk_since }, office.timezone, now);
  return clerk === null ? { state: 'free' } : { state: 'mine' };
}
