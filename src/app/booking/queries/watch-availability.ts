import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

/** A session whose remaining places changed: someone booked, cancelled or moved. */
export interface AvailabilityChange {
  date: string;
  sessionId: number;
}

export interface WatchAvailabilityOptions {
  officeSlug: string;
  /** Called for every change, from whichever process made it. */
  onChange: (change: AvailabilityChange) => void;
  /**
   * Changes within this many milliseconds are passed on together, each session once, at the
   * end of the window. In a rush every booking is a change and every open page a listener:
   * thousands of streams written to at every booking would take the time the bookings need.
   * Zero (the default) passes each change on at once.
   */
  coalesceMs?: number;
}

/**
 * Tells a booking page each time places change at an office, from whichever process made the
 * change. Only the date and session are passed on, never who booked. Resolves the office
 * first, so an unknown slug fails before anything is streamed.
 */
export async function watchAvailability(ctx: AppContext, { officeSlug, onChange, coalesceMs = 0 }: WatchAvailabilityOptions) {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  let unsubscribe: (() => void) | undefined;
  const pending = new Map<string, AvailabilityChange>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes = [...pending.values()];
    pending.clear();
    for (const change of changes) onChange(change);
  };
  return {
    start() {
      unsubscribe = ctx.events.subscribe(office.id, (event) => {
        if (event.type !== 'availability') return;
        const { date, sessionId } = event.payload;
        if (typeof date !== 'string' || typeof sessionId !== 'number') return;
        if (coalesceMs <= 0) return onChange({ date, sessionId });
        pending.set(`${date}/${sessionId}`, { date, sessionId });
        timer ??= setTimeout(flush, coalesceMs);
      });
    },
    stop() {
      unsubscribe?.();
      clearTimeout(timer);
      pending.clear();
    },
  };
}
