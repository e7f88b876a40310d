import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import { probeStorage } from '../../app/shared/storage-health.js';
import { ServiceUnavailableError } from '../errors.js';
import { ErrorBodySchema } from '../openapi.js';

// A load balancer's probe must hear back quickly even from a frozen database; the pool's own
// connect timeout is longer, for requests that can afford to wait.
const HEALTH_TIMEOUT_MS = 2_000;
const RETRY_AFTER_SECONDS = 5;

/** `GET /healthz`: 200 when the database answers, 503 DATABASE_UNAVAILABLE within 2 s when it does not; for load balancers. */
export function healthRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const schema = {
      tags: ['operations'],
      summary: 'Health for load balancers: 200 when the database answers, 503 DATABASE_UNAVAILABLE within 2 s when it does not',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), 503: ErrorBodySchema },
    };
    app.get('/healthz', { schema }, async () => {
      const health = await probeStorage(ctx, { timeoutMs: HEALTH_TIMEOUT_MS });
      if (!health.available) throw new ServiceUnavailableError('DATABASE_UNAVAILABLE', RETRY_AFTER_SECONDS);
      return { status: 'ok' as const, database: health.engine };
    });
  };
}
