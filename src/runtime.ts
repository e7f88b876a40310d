import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { AppContext } from './app/shared/context.js';
import type { Lifecycle } from './app/shared/lifecycle.js';
import { ensureDefaultOffice } from './app/office/commands/ensure-default-office.js';
import { ensureFirstAdmin } from './app/staff/commands/ensure-first-admin.js';
import type { PasswordCost } from './app/staff/passwords.js';
import { setMessagePublicUrl } from './app/notify/ticket-link.js';
import { type DatabaseTimeouts, openStorage, type SqliteSynchronous, type Storage } from './db/database.js';
import { prepareSealedStorage } from './db/open-sealed.js';
import { buildApp, type HttpOptions } from './http/build-app.js';
import { AppMetrics } from './http/metrics.js';
import type { EventBus } from './realtime/in-process-bus.js';
import { startBus } from './realtime/start-bus.js';
import { createOutboxWorker, type OutboxWorker } from './notify/outbox-worker.js';
import { buildTransports, type NotifySettings } from './notify/transports.js';
import { createDrawRunner, type DrawRunner } from './draw-runner.js';

export interface RuntimeOptions {
  databaseUrl: string;
  logger: Logger;
  poolSize?: number;
  /** PostgreSQL connect and statement limits; defaults in `openStorage`. */
  databaseTimeouts?: Partial<DatabaseTimeouts>;
  /** When an SQLite commit is durable (SQLITE_SYNCHRONOUS): `normal` by default, see `SqliteSynchronous`. */
  sqliteSynchronous?: SqliteSynchronous;
  /** With `databaseUrl` `:memory:`: start from this database image instead of an empty database (see `OpenOptions.memoryImage`). */
  sqliteMemoryImage?: Buffer;
  /** With a `postgres://` `databaseUrl`: an open pool to use, left open at close (see `OpenOptions.postgresPool`). */
  postgresPool?: pg.Pool;
  http?: Partial<HttpOptions>;
  /** The clock; only tests pass another. */
  now?: () => Date;
  /**
   * ANTREAN_DATA_KEY (base64). Unset: the key file beside an SQLite database, made on first
   * start. A key that does not open the database's data refuses the start (DataKeyError).
   */
  dataKey?: string | undefined;
  /** Password of the first admin on a database without users (ANTREAN_ADMIN_PASSWORD); generated when absent. */
  adminPassword?: string | undefined;
  /**
   * The work of hashing staff passwords: the standard cost unless given. Only the tests pass a
   * smaller one: they make two thousand hashes a run, which at the standard cost was a tenth of
   * the suite's CPU.
   */
  passwordCost?: PasswordCost;
  /**
   * Prints a line for the operator, outside the JSON log: a generated admin password must be
   * seen once on the terminal, never kept by log shipping. Defaults to stdout.
   */
  announce?: (line: string) => void;
  /** Where messages go; unset channels are written to the log. */
  notify?: NotifySettings;
  /** Pause of the outbox worker between passes (5 s by default). */
  outboxPollMs?: number;
  /** Pause of the release draw runner between passes (1 s by default). */
  drawPollMs?: number;
}

/** Everything a server process runs on, ready to listen or to be injected into. */
export interface Runtime {
  app: FastifyInstance;
  ctx: AppContext;
  storage: Storage;
  bus: EventBus;
  /** The outbox sender: `server.ts` starts it; tests run its passes themselves. */
  outbox: OutboxWorker;
  /** Draining once `close` began: the readiness probe answers 503 from then on. */
  lifecycle: Lifecycle;
  /**
   * Drains and closes: marks the process draining, stops taking connections, ends the event
   * streams, lets requests in flight finish, stops the outbox worker (and `alongside`, e.g. the
   * periodic jobs, at the same time), then closes the event bus and the database.
   */
  close(alongside?: () => Promise<unknown>): Promise<void>;
  /** The maker of release draws: `server.ts` starts it; tests run its passes themselves. */
  draws: DrawRunner;
}

/** Opens storage, migrates, makes the default office ready and builds the app. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const storage = openStorage(opts.databaseUrl, {
    poolSize: opts.poolSize,
    timeouts: opts.databaseTimeouts,
    sqliteSynchronous: opts.sqliteSynchronous,
    memoryImage: opts.sqliteMemoryImage,
    postgresPool: opts.postgresPool,
    backgroundCheckpoints: true,
  });
  const announce = opts.announce ?? ((line: string) => console.log(line));
  try {
    // Before anything is written: a database whose data this key cannot open is left as it is.
    await prepareSealedStorage(storage, { envKey: opts.dataKey, announce, now: opts.now ?? (() => new Date()) });
    const bus = await startBus(storage, (error) => opts.logger.warn({ err: error }, 'event bus problem'));
    const metrics = new AppMetrics();
    const ctx: AppContext = { storage, now: opts.now ?? (() => new Date()), randomInt, events: bus, meter: metrics, passwordCost: opts.passwordCost };
    // Messages are written far from any request: their ticket links take PUBLIC_URL from here.
    setMessagePublicUrl(opts.http?.publicUrl);
    await ensureDefaultOffice(ctx);
    const admin = await ensureFirstAdmin(ctx, { password: opts.adminPassword });
    if (admin.created) {
      opts.logger.info({ username: admin.username }, 'first admin created');
      announce(
        admin.generatedPassword === null
          ? `First admin created: username "${admin.username}", password from ANTREAN_ADMIN_PASSWORD.`
          : `First admin created: username "${admin.username}", password "${admin.generatedPassword}". It is shown only this once: write it down now.`,
      );
    }
    const lifecycle: Lifecycle = { draining: false };
    const app = await buildApp({ ctx, bus, logger: opts.logger, http: opts.http, metrics, lifecycle });
    const transports = buildTransports(opts.notify ?? {}, opts.logger);
    const outbox = createOutboxWorker(ctx, { transports: transports.transports, logger: opts.logger, pollMs: opts.outboxPollMs ?? 5_000 });
    const draws = createDrawRunner(ctx, { logger: opts.logger, pollMs: opts.drawPollMs ?? 1_000 });
    return {
      app,
      ctx,
      storage,
      bus,
      outbox,
      lifecycle,
      draws,
      async close(alongside) {
        lifecycle.draining = true;
        // Requests in flight, a message in the gateway's hands, a draw and a background pass all
        // finish and are recorded before the connections go.
        await Promise.all([app.close(), outbox.stop(), draws.stop(), alongside?.()]);
        transports.close();
        await bus.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
