import type { AppContext, EventPublisher } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { nextTurn } from '../../shared/next-turn.js';

/** A session whose remaining places changed: someone booked, cancelled or moved. */
export interface AvailabilityChange {
  date: string;
  sessionId: number;
}

/**
 * The changes of one window, each session once. Every watcher of the office in the process is
 * handed the same array, so whatever is made of a batch (an event stream's text) can be made
 * once for all of them.
 */
export type AvailabilityBatch = readonly AvailabilityChange[];

export interface WatchAvailabilityOptions {
  officeSlug: string;
  /** Called with every batch of changes, from whichever process made them. */
  onChanges: (batch: AvailabilityBatch) => void;
  /**
   * Changes within this many milliseconds are passed on together, each session once, at the
   * end of the window. In a rush every booking is a change and every open page a watcher:
   * thousands of streams written to at every booking would take the time the bookings need.
   */
  coalesceMs: number;
}

/** Streams written to in one turn of the event loop. */
const HAND_OUT_SLICE = 200;

/**
 * One subscription to an office's events and one window's timer, shared by every watcher of the
 * office with the same window in the process; it ends with its last watcher.
 */
class SharedFeed {
  private readonly watchers = new Set<(batch: AvailabilityBatch) => void>();
  private readonly pending = new Map<string, AvailabilityChange>();
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    events: EventPublisher,
    officeId: number,
    private readonly coalesceMs: number,
    private readonly ended: () => void,
  ) {
    this.unsubscribe = events.subscribe(officeId, (event) => {
      if (event.type !== 'availability') return;
      const { date, sessionId } = event.payload;
      if (typeof date !== 'string' || typeof sessionId !== 'number') return;
      this.pending.set(`${date}/${sessionId}`, { date, sessionId });
      this.timer ??= setTimeout(() => this.flush(), this.coalesceMs);
    });
  }

  add(watcher: (batch: AvailabilityBatch) => void): void {
    this.watchers.add(watcher);
  }

  remove(watcher: (batch: AvailabilityBatch) => void): void {
    this.watchers.delete(watcher);
    if (this.watchers.size > 0) return;
    this.unsubscribe();
    clearTimeout(this.timer);
    this.ended();
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    void this.handOut(batch);
  }

  /**
   * Hands the batch to every watcher, a slice at a time with a turn of the event loop between:
   * writing to 2,000 streams at once held the process for tens of milliseconds, four times a
   * second, in front of every booking waiting behind it.
   */
  private async handOut(batch: AvailabilityBatch): Promise<void> {
    let handed = 0;
    for (const watcher of [...this.watchers]) {
      // Stopped while an earlier slice was being written.
      if (!this.watchers.has(watcher)) continue;
      try {
        watcher(batch);
      } catch {
        // One broken stream must not keep the batch from the others.
      }
      if (++handed % HAND_OUT_SLICE === 0) await nextTurn();
    }
  }
}

/**
 * The shared feeds of each event bus (of each runtime: tests run several in one process), by
 * office and window. With a subscription and a timer per page, every booking called every open
 * page's listener and every window wrote each change to each page on its own: 2,000 open booking
 * pages cut a booking load to a sixth (`npm run bench -- --only=streams`).
 */
const feedsByBus = new WeakMap<EventPublisher, Map<string, SharedFeed>>();

function sharedFeed(events: EventPublisher, officeId: number, coalesceMs: number): SharedFeed {
  const feeds = feedsByBus.get(events) ?? new Map<string, SharedFeed>();
  feedsByBus.set(events, feeds);
  const key = `${officeId}/${coalesceMs}`;
  let feed = feeds.get(key);
  if (!feed) feeds.set(key, (feed = new SharedFeed(events, officeId, coalesceMs, () => feeds.delete(key))));
  return feed;
}

/**
 * Tells a booking page each time places change at an office, from whichever process made the
 * change. Only the date and session are passed on, never who booked. Resolves the office
 * first, so an unknown slug fails before anything is streamed.
 */
export async function watchAvailability(ctx: AppContext, { officeSlug, onChanges, coalesceMs }: WatchAvailabilityOptions) {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  let feed: SharedFeed | undefined;
  return {
    start() {
      if (feed) return;
      feed = sharedFeed(ctx.events, office.id, coalesceMs);
      feed.add(onChanges);
    },
    stop() {
      feed?.remove(onChanges);
      feed = undefined;
    },
  };
}
