import type { AppContext } from '../shared/context.js';

/** What happened on the floor, as live screens hear it. */
export interface FloorChange {
  kind: 'checked_in' | 'called' | 'recalled' | 'skipped' | 'serving' | 'done' | 'transferred' | 'requeued' | 'skip_undone' | 'paused' | 'resumed' | 'closed_day' | 'counters_changed' | 'ticket_changed' | 'counter_taken_over';
  queueNumber?: string;
  counter?: number;
}

/** Tells every process's display streams that the floor changed. */
export async function announceFloor(ctx: AppContext, officeId: number, change: FloorChange): Promise<void> {
  await ctx.events.publish({ officeId, type: 'floor', payload: { ...change } });
}
