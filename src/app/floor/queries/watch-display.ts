import type { AppContext } from '../../shared/context.js';
import { type DisplayState, getDisplayState } from './get-display-state.js';
import { requireOffice } from '../../office/queries/find-office.js';

/** A number being called to a counter, for the board to chime and announce. */
export interface CallAnnouncement {
  queueNumber: string;
  counter: number | null;
  recall: boolean;
}

export interface DisplayFeedHandlers {
  onState(state: DisplayState): void;
  onCall(call: CallAnnouncement): void;
  onError(error: unknown): void;
}

/** Changes come in bursts (a call, then a start); one fresh state per burst is enough. */
const COALESCE_MS = 50;

export interface WatchDisplayOptions {
  officeSlug: string;
  /** Where the state and the calls go. */
  on: DisplayFeedHandlers;
}

/**
 * Feeds a waiting-room board: the whole state at start and after every floor change, and each
 * call as it happens, from whichever process made it. Resolves the office first, so an
 * unknown slug fails before anything is streamed.
 */
export async function watchDisplay(ctx: AppContext, { officeSlug, on }: WatchDisplayOptions) {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  let pending: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  const refresh = () =>
    getDisplayState(ctx, { officeSlug }).then(on.onState, on.onError);
  return {
    start() {
      unsubscribe = ctx.events.subscribe(office.id, (event) => {
        if (event.type !== 'floor') return;
        const p = event.payload as { kind?: string; queueNumber?: string; counter?: number };
        if ((p.kind === 'called' || p.kind === 'recalled') && p.queueNumber) {
          on.onCall({ queueNumber: p.queueNumber, counter: p.counter ?? null, recall: p.kind === 'recalled' });
        }
        clearTimeout(pending);
        pending = setTimeout(refresh, COALESCE_MS);
      });
      // Subscribed first, then read: a change in between is in the state or triggers another.
      void refresh();
    },
    stop() {
      clearTimeout(pending);
      unsubscribe?.();
    },
  };
}
