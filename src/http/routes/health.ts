import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import { message } from '../messages.js';
import { ErrorBodySchema } from '../openapi.js';

/** `GET /healthz`: 200 when the database answers, 503 when it does not; for load balancers. */
export function healthRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const schema = {
      tags: ['operations'],
      summary: 'Health for load balancers: 200 when the database answers, 503 when it does not',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), 503: ErrorBodySchema },
    };
    app.get('/healthz', { schema }, async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.storage.db);
        return { status: 'ok' as const, database: ctx.storage.engine.name };
      } catch {
        return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: message('UNAVAILABLE', 'en') } });
      }
    });
  };
}
