import { loadConfig } from './config.js';
import { createLogger } from './http/logger.js';
import { startDayCloser } from './day-closer.js';
import { startReminderFinder } from './reminder-finder.js';
import { startDataPurger } from './data-purger.js';
import { DataKeyError } from './privacy/data-cipher.js';
import { type Runtime, startRuntime } from './runtime.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
for (const warning of config.warnings) logger.warn(warning);
let runtime: Runtime;
try {
  runtime = await startRuntime({
    databaseUrl: config.databaseUrl,
    logger,
    poolSize: config.databasePoolSize,
    databaseTimeouts: { connectMs: config.databaseConnectTimeoutMs, statementMs: config.databaseStatementTimeoutMs },
    adminPassword: config.adminPassword,
    dataKey: config.dataKey,
    notify: config.notify,
    outboxPollMs: config.outboxPollMs,
    http: {
      trustProxy: config.trustProxy,
      trustedProxies: config.trustedProxies,
      bookingRateLimitPerMinute: config.bookingRateLimitPerMinute,
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
    },
  });
} catch (error) {
  // A key that does not open the database's data: say so plainly, without a stack trace, and stop.
  if (!(error instanceof DataKeyError)) throw error;
  logger.fatal(error.message);
  console.error(error.message);
  process.exit(1);
}
await runtime.app.listen({ port: config.port, host: config.host });
const stopDayCloser = startDayCloser(runtime.ctx, logger);
runtime.outbox.start();
const stopReminderFinder = startReminderFinder(runtime.ctx, logger);
const stopDataPurger = startDataPurger(runtime.ctx, logger);
runtime.draws.start();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stopDayCloser();
    stopReminderFinder();
    stopDataPurger();
    runtime.draws.stop();
    logger.info({ signal }, 'shutting down');
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
