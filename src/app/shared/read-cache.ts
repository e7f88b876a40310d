import { writeWatchOf } from '../../db/repositories/write-watch.js';

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
