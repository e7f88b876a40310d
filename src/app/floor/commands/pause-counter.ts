import { setCounterPaused } from '../../../db/repositories/counters.js';
import type { CounterRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import { announceFloor } from '../floor-events.js';

/** Pauses a counter (a break, a system outage) or resumes it; a paused counter calls nobody. */
export async function pauseCounter(ctx: AppContext, opts: { officeSlug: string; counterNumber: number; paused: boolean }): Promise<CounterRow> {
  const { office, counter } = await requireCounter(ctx, opts.officeSlug, opts.counterNumber);
  await setCounterPaused(ctx.storage.db, counter.id, opts.paused);
  await announceFloor(ctx, office.id, { kind: opts.paused ? 'paused' : 'resumed', counter: counter.number });
  return { ...counter, paused: opts.paused ? 1 : 0 };
}
