import type { EngineName } from '../../db/engine.js';
import { isDatabaseUnavailable } from '../../db/engine.js';
import { pingDatabase } from '../../db/repositories/health.js';
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
