import { loadConfig } from './config.js';
import { createLogger } from './http/logger.js';
import { startDayCloser } from './day-closer.js';
import { startRuntime } from './runtime.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const runtime = await startRuntime({
  databaseUrl: config.databaseUrl,
  logger,
  poolSize: config.databasePoolSize,
  adminPassword: config.adminPassword,
  http: {
    trustProxy: config.trustProxy,
    bookingRateLimitPerMinute: config.bookingRateLimitPerMinute,
    apiRateLimitPerMinute: config.apiRateLimitPerMinute,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    lookupRateLimitPerMinute: config.lookupRateLimitPerMinute,
    lookupMissLimitPerMinute: config.lookupMissLimitPerMinute,
    publicUrl: config.publicUrl,
  },
});
await runtime.app.listen({ port: config.port, host: config.host });
const stopDayCloser = startDayCloser(runtime.ctx, logger);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stopDayCloser();
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
