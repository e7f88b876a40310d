import { loadConfig } from './config.js';
import { createLogger } from './http/logger.js';
import { startDayCloser } from './day-closer.js';
import { startReminderFinder } from './reminder-finder.js';
import { startDataPurger } from './data-purger.js';
import { startReleaseAnnouncer } from './release-announcer.js';
import { DataKeyError } from './privacy/data-cipher.js';
import { type Runtime, startRuntime } from './runtime.js';
import { SqliteFileError, markInUse } from './db/sqlite-files.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
for (const warning of config.warnings) logger.warn(warning);
let runtime: Runtime;
// Held until the process ends: `restore` refuses to replace a database a server has open.
let releaseInUse = (): void => undefined;
try {
  releaseInUse = markInUse(config.databaseUrl);
  runtime = await startRuntime({
    databaseUrl: config.databaseUrl,
    logger,
    poolSize: config.databasePoolSize,
    databaseTimeouts: { connectMs: config.databaseConnectTimeoutMs, statementMs: config.databaseStatementTimeoutMs },
    sqliteSynchronous: config.sqliteSynchronous,
    adminPassword: config.adminPassword,
    dataKey: config.dataKey,
    notify: config.notify,
    outboxPollMs: config.outboxPollMs,
    http: {
      trustProxy: config.trustProxy,
      trustedProxies: config.trustedProxies,
      bookingRateLimitPerMinute: config.bookingRateLimitPerMinute,
      powDifficulty: config.powDifficulty,
      powWaitSeconds: config.powWaitSeconds,
      apiRateLimitPerMinute: config.apiRateLimitPerMinute,
      streamsPerAddress: config.streamsPerAddress,
      maxPublicStreams: config.maxPublicStreams,
      maxStaffStreams: config.maxStaffStreams,
      streamLifetimeMs: config.streamLifetimeMs,
      requestTimeoutMs: config.requestTimeoutMs,
      headersTimeoutMs: config.headersTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      connectionTimeoutMs: config.connectionTimeoutMs,
      loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      lookupRateLimitPerMinute: config.lookupRateLimitPerMinute,
      lookupMissLimitPerMinute: config.lookupMissLimitPerMinute,
      publicUrl: config.publicUrl,
      metrics: config.metrics,
      metricsToken: config.metricsToken,
      redisUrl: config.redisUrl,
      redisKeyPrefix: config.redisKeyPrefix,
    },
  });
} catch (error) {
  // A key that does not open the database's data: say so plainly, without a stack trace, and stop.
  if (!(error instanceof DataKeyError) && !(error instanceof SqliteFileError)) throw error;
  logger.fatal(error.message);
  console.error(error.message);
  process.exit(1);
}
await runtime.app.listen({ port: config.port, host: config.host });
const stopDayCloser = startDayCloser(runtime.ctx, logger);
runtime.outbox.start();
const stopReminderFinder = startReminderFinder(runtime.ctx, logger);
const stopDataPurger = startDataPurger(runtime.ctx, logger);
const stopReleaseAnnouncer = startReleaseAnnouncer(runtime.ctx, logger);
runtime.draws.start();

// A stop drains: /readyz turns 503, no new connections are taken, event streams end (browsers
// reconnect to another process), requests in flight and background passes finish, then the
// database closes and the process exits 0. Past DRAIN_TIMEOUT_SECONDS it exits 1 anyway.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.drainTimeoutMs }, 'draining');
    setTimeout(() => {
      logger.error({ deadlineMs: config.drainTimeoutMs }, 'drain deadline passed: exiting with requests still open');
      releaseInUse();
      process.exit(1);
    }, config.drainTimeoutMs).unref();
    const stopJobs = () => Promise.all([stopDayCloser(), stopReminderFinder(), stopDataPurger(), stopReleaseAnnouncer()]);
    runtime.close(stopJobs).then(
      () => {
        releaseInUse();
        logger.info('drained');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
