import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import type { Lifecycle } from '../../app/shared/lifecycle.js';
import { checkReadiness, probeStorage } from '../../app/shared/storage-health.js';
import { ServiceUnavailableError } from '../errors.js';
import { ErrorBodySchema } from '../openapi.js';
import { routePlugin } from '../route-plugin.js';

// A load balancer's probe must hear back quickly even from a frozen database; the pool's own
// connect timeout is longer, for requests that can afford to wait.
const HEALTH_TIMEOUT_MS = 2_000;
const RETRY_AFTER_SECONDS = 5;

/**
 * `GET /healthz`: liveness, 200 when the database answers, 503 DATABASE_UNAVAILABLE within 2 s
 * when it does not. `GET /readyz`: readiness, 200 when this process can take traffic, 503 with
 * the reasons when it cannot (database away, migrations not run, shutting down).
 */
export function healthRoutes(ctx: AppContext, lifecycle: Lifecycle) {
  return routePlugin('healthRoutes', async (base: FastifyInstance) => {
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

    const Reason = z.enum(['DATABASE_UNAVAILABLE', 'MIGRATIONS_PENDING', 'DRAINING']);
    const readySchema = {
      tags: ['operations'],
      summary: 'Readiness: 200 when this process can take traffic (database answers, migrations run, not shutting down), 503 with the reasons otherwise',
      response: {
        200: z.object({ ready: z.literal(true) }),
        503: z.object({ ready: z.literal(false), reasons: z.array(Reason) }),
      },
    };
    app.get('/readyz', { schema: readySchema }, async (_req, reply) => {
      const readiness = await checkReadiness(ctx, { timeoutMs: HEALTH_TIMEOUT_MS, draining: lifecycle.draining });
      reply.header('cache-control', 'no-store');
      if (readiness.ready) return { ready: true as const };
      return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ ready: false as const, reasons: readiness.reasons });
    });
  });
}
