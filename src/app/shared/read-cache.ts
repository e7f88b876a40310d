import { writeWatchOf } from '../../db/repositories/write-watch.js';
import type { AppContext, EventPublisher } from './context.js';

/**
 * How long a cached read may be served, at most, after it was read. Within one process every
 * write through the storage invalidates the reads of its tables at once (see WriteWatch);
 * this bound covers the writes of other processes (a second server on PostgreSQL, the CLI),
 * so no page shows more places than are left for longer than this after a change anywhere.
 */
export const READ_CACHE_MAX_AGE_MS = 750;

/** Entries kept per database before the cache starts afresh: keys carry dates and slugs. */
const MAX_ENTRIES = 5_000;

interface Entry {
  value: unknown;
  generation: number;
  readAt: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * Reads through a per-process cache: the value read for `key` is served again while none of
 * `tables` was written through this database and it is younger than READ_CACHE_MAX_AGE_MS.
 * On a transaction (or any database opened elsewhere) it always reads: what a transaction
 * reads must be what its locks protect. Only values that do not depend on the time of the
 * request may be cached; the caller derives the rest from ctx.now() each time. Missing values
 * (undefined) are not kept, so guessed keys cannot fill the cache. Callers must not change
 * the value they get: it is shared. With `exactAcrossProcesses` (the booked counts), the
 * cache serves only where this process is the database's one writer (SQLite): there every
 * change goes through this process and is seen at once.
 */
export async function cachedRead<T>(
  db: object,
  key: string,
  tables: readonly string[],
  read: () => Promise<T>,
  opts: { exactAcrossProcesses?: boolean } = {},
): Promise<T> {
  const watch = writeWatchOf(db);
  // Several processes on one database (PostgreSQL): what must be exact everywhere is read every time.
  if (!watch || (opts.exactAcrossProcesses && watch.shared)) return read();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = performance.now();
  const entry = cache.get(key);
  const generation = watch.generation(tables);
  if (entry && entry.generation === generation && now - entry.readAt < READ_CACHE_MAX_AGE_MS) return entry.value as T;
  // The generation is taken before reading: a write racing the read makes the entry stale at once.
  const value = await read();
  if (value !== undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { value, generation, readAt: now });
  }
  return value;
}

/** Tables an office's bookable window is read from, by part. */
export const WINDOW_TABLES = {
  office: ['offices'],
  services: ['services'],
  sessions: ['offices', 'sessions', 'weekly_sessions', 'day_sessions'],
  closures: ['closed_days'],
  booked: ['bookings'],
} as const;

/** Every table an answer about an office's bookable window may be read from. */
const ALL_WINDOW_TABLES: readonly string[] = [...new Set(Object.values(WINDOW_TABLES).flat())];

/** Answers kept per database: keys carry the office, the range and the language. */
const MAX_ANSWERS = 500;

interface Answer {
  value: Promise<unknown>;
  generation: number;
  officeEvents: number;
  /** ctx.now() when it was computed, in ms. */
  computedAt: number;
  /** performance.now() when it was computed. */
  readAt: number;
}

const answers = new WeakMap<object, Map<string, Answer>>();

/** Events heard per office, per event bus: another process's booking or change shows here. */
const officeEventCounts = new WeakMap<EventPublisher, Map<number, { count: number }>>();

function officeEventsOf(events: EventPublisher, officeId: number): { count: number } {
  let byOffice = officeEventCounts.get(events);
  if (!byOffice) officeEventCounts.set(events, (byOffice = new Map()));
  let counter = byOffice.get(officeId);
  if (!counter) {
    const created = { count: 0 };
    byOffice.set(officeId, created);
    // Kept for the life of the bus (one per office): every change of places is announced on it,
    // by whichever process made it (PostgreSQL carries the events across processes).
    events.subscribe(officeId, () => void created.count++);
    counter = created;
  }
  return counter;
}

/**
 * A whole answer about an office's bookable window (the availability API's JSON, say), computed
 * once and served again while nothing it depends on can have changed: no write through this
 * process's storage to any window table, no event of the office on the bus (another process's
 * booking, cancel or schedule change), the same minute on the clock (every time-dependent part
 * of an answer, today, the time of day, release waves, changes on a minute: zones are whole
 * minutes from UTC), and younger than READ_CACHE_MAX_AGE_MS both on the app's clock and on the
 * process's monotonic one. The last bound is what holds across processes when an event is late
 * or lost, so no process shows more places than are left for longer than that after a change.
 * Concurrent requests for a missing answer share one computation. `compute` must not depend
 * on anything but the key, the window tables and the minute; it is handed the instant the
 * answer is kept for, so what it works out from the time belongs to the minute it is served in.
 * Callers must not change the value.
 */
export async function cachedWindowAnswer<T>(ctx: AppContext, officeId: number, key: string, compute: (now: Date) => Promise<T>): Promise<T> {
  const db = ctx.storage.db;
  const watch = writeWatchOf(db);
  if (!watch) return compute(ctx.now());
  let cache = answers.get(db);
  if (!cache) answers.set(db, (cache = new Map()));
  const instant = ctx.now();
  const now = instant.getTime();
  const monotonic = performance.now();
  const officeEvents = officeEventsOf(ctx.events, officeId).count;
  const generation = watch.generation(ALL_WINDOW_TABLES);
  const fullKey = `${officeId}|${key}`;
  const entry = cache.get(fullKey);
  if (
    entry &&
    entry.generation === generation &&
    entry.officeEvents === officeEvents &&
    Math.floor(entry.computedAt / 60_000) === Math.floor(now / 60_000) &&
    now >= entry.computedAt &&
    now - entry.computedAt < READ_CACHE_MAX_AGE_MS &&
    monotonic - entry.readAt < READ_CACHE_MAX_AGE_MS
  ) {
    return entry.value as Promise<T>;
  }
  // Generation and event count are taken before computing: a change racing it makes the entry stale at once.
  const value = compute(instant);
  if (cache.size >= MAX_ANSWERS) cache.clear();
  const fresh: Answer = { value, generation, officeEvents, computedAt: now, readAt: monotonic };
  cache.set(fullKey, fresh);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (cache.get(fullKey) === fresh) cache.delete(fullKey);
  });
  return value;
}
