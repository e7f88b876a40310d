import { Writable } from 'node:stream';
import { TEST_DATA_KEY } from './data-key.js';
import { TEST_PASSWORD_COST } from './test-runtime.js';
import { createLogger } from '../../src/http/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import type { TestDialect } from './dialects.js';
import { TEST_DATABASE_TIMEOUTS } from './postgres-databases.js';
import { TUESDAY_MORNING, withoutPersonLimits } from './test-runtime.js';

/** Runtimes that share one database and one settable clock, each with its own connection pool. */
export interface TwinRuntimes {
  runtimes: Runtime[];
  setNow(now: Date): void;
  close(): Promise<void>;
}

/**
 * Two runtimes (two pools, two apps, as two server processes would have) on one fresh
 * database on PostgreSQL; one on SQLite, whose writers queue on one file anyway. Unlike real
 * server processes they take the test's clock, so races can be staged on a chosen day.
 */
export async function startTwinRuntimes(dialect: TestDialect): Promise<TwinRuntimes> {
  const database = await dialect.freshDatabase({ crossProcess: true });
  let now = TUESDAY_MORNING;
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const runtimes: Runtime[] = [];
  const count = dialect.name === 'postgres' ? 2 : 1;
  for (let i = 0; i < count; i++) {
    runtimes.push(
      await startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST,
        databaseUrl: database.url,
        logger: createLogger('warn', sink),
        now: () => now,
        adminPassword: 'admin-password-1',
        databaseTimeouts: TEST_DATABASE_TIMEOUTS,
        announce: () => undefined,
        http: { bookingRateLimitPerMinute: 100_000, apiRateLimitPerMinute: 100_000, powDifficulty: 0 },
      }),
    );
  }
  await withoutPersonLimits(runtimes[0]!);
  return {
    runtimes,
    setNow(next) {
      now = next;
    },
    async close() {
      for (const rt of runtimes) await rt.close();
      await database.drop();
    },
  };
}
