import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import { message } from '../messages.js';

/** `GET /healthz`: 200 when the database answers, 503 when it does not; for load balancers. */
export function healthRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.storage.db);
        return { status: 'ok', database: ctx.storage.engine.name };
      } catch {
        return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: message('UNAVAILABLE', 'en') } });
      }
    });
  };
}
