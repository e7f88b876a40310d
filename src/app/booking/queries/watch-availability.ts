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
}

/**
 * Tells a booking page each time places change at an office, from whichever process made the
 * change. Only the date and session are passed on, never who booked. Resolves the office
 * first, so an unknown slug fails before anything is streamed.
 */
export async function watchAvailability(ctx: AppContext, { officeSlug, onChange }: WatchAvailabilityOptions) {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  let unsubscribe: (() => void) | undefined;
  return {
    start() {
      unsubscribe = ctx.events.subscribe(office.id, (event) => {
        if (event.type !== 'availability') return;
        const { date, sessionId } = event.payload;
        if (typeof date === 'string' && typeof sessionId === 'number') onChange({ date, sessionId });
      });
    },
    stop() {
      unsubscribe?.();
    },
  };
}
