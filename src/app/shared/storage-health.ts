import type { EngineName } from '../../db/engine.js';
import { isDatabaseUnavailable } from '../../db/engine.js';
import { pendingMigrations, pingDatabase } from '../../db/repositories/health.js';
import type { AppContext } from './context.js';

/**
 * Whether an error means the database is away or too busy for now (down, dropped, locked,
 * timed out) rather than that the request was wrong: `http` answers it 503 and asks for a retry.
 */
export function isStorageUnavailable(error: unknown): boolean {
  return isDatabaseUnavailable(error);
}

export interface ProbeStorageOptions {
  /** How long to wait for an answer; a frozen database must not hold a load balancer's probe. */
  timeoutMs: number;
}

/** What the storage probe found: the engine when the database answered in time. */
export type StorageHealth = { available: true; engine: EngineName } | { available: false };

/** Asks the database for a sign of life within the time given; never throws. */
export async function probeStorage(ctx: AppContext, opts: ProbeStorageOptions): Promise<StorageHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), opts.timeoutMs);
  });
  try {
    const answer = await Promise.race([pingDatabase(ctx.storage.db).then(() => 'answered' as const), timeout]);
    return answer === 'timeout' ? { available: false } : { available: true, engine: ctx.storage.engine.name };
  } catch {
    return { available: false };
  } finally {
    clearTimeout(timer);
  }
}

/** Why a process should not take traffic now. */
export type NotReadyReason = 'DATABASE_UNAVAILABLE' | 'MIGRATIONS_PENDING' | 'DRAINING';

/** What the readiness probe found: ready, or the reasons it is not. */
export interface Readiness {
  ready: boolean;
  reasons: NotReadyReason[];
}

// Migrations are never undone: once a database was found up to date it stays so, and the probe
// costs one `select 1` from then on.
const upToDate = new WeakSet<object>();

/**
 * Whether this process can take traffic: the database answers within the time given, it has
 * run every migration this code knows, and no shutdown began. Never throws.
 */
export async function checkReadiness(ctx: AppContext, opts: ProbeStorageOptions & { draining: boolean }): Promise<Readiness> {
  const reasons: NotReadyReason[] = [];
  if (opts.draining) reasons.push('DRAINING');
  const health = await probeStorage(ctx, opts);
  if (!health.available) reasons.push('DATABASE_UNAVAILABLE');
  else if (!upToDate.has(ctx.storage)) {
    try {
      if ((await pendingMigrations(ctx.storage.db)).length === 0) upToDate.add(ctx.storage);
      else reasons.push('MIGRATIONS_PENDING');
    } catch (error) {
      // No migration table yet, or the database went away between the two questions.
      reasons.push(isDatabaseUnavailable(error) ? 'DATABASE_UNAVAILABLE' : 'MIGRATIONS_PENDING');
    }
  }
  return { ready: reasons.length === 0, reasons };
}
