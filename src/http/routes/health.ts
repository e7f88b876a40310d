import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import type { AppContext } from '../../app/shared/context.js';
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
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), HEALTH_TIMEOUT_MS);
      });
      try {
        const answer = await Promise.race([sql`select 1`.execute(ctx.storage.db), timeout]);
        if (answer === 'timeout') throw new ServiceUnavailableError('DATABASE_UNAVAILABLE', RETRY_AFTER_SECONDS);
        return { status: 'ok' as const, database: ctx.storage.engine.name };
      } catch (error) {
        if (error instanceof ServiceUnavailableError) throw error;
        throw new ServiceUnavailableError('DATABASE_UNAVAILABLE', RETRY_AFTER_SECONDS);
      } finally {
        clearTimeout(timer);
      }
    });
  };
}
