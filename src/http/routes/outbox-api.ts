import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resendMessage } from '../../app/notify/commands/resend-message.js';
import { listOutbox } from '../../app/notify/queries/list-outbox.js';
import type { AppContext } from '../../app/shared/context.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { OutboxMessageSchema, presentOutboxMessage } from '../presenters/outbox.js';
import { idField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const MessageParams = SlugParams.extend({ id: idField('INVALID') });
const ListQuery = z.object({
  status: z.enum(['waiting', 'sent', 'failed'], { error: 'INVALID' }).optional().describe('waiting (also claimed and being sent), sent, or failed'),
});

const TAGS = ['administration'];
const SESSION = [{ staffSession: [] }];

/** An office's outbox: what was sent, what waits, what failed and why; resend one. Admin only. */
export function outboxApiRoutes(ctx: AppContext) {
  return routePlugin('outboxApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);
    const admin = { onRequest: requireRole('admin') };
    const spec = <P>(summary: string, parts: P) => ({ tags: TAGS, summary: `${summary} [admin; an office's admin: its own office]`, security: SESSION, ...parts });

    app.get(
      '/offices/:slug/outbox',
      {
        ...admin,
        schema: spec('The office\'s messages, newest first (at most 200), with every attempt; recipients masked', {
          params: SlugParams,
          querystring: ListQuery,
          response: { 200: z.object({ messages: z.array(OutboxMessageSchema) }), ...ERROR_RESPONSES },
        }),
      },
      async (req) => {
        const { messages } = await listOutbox(ctx, { officeSlug: req.params.slug, status: req.query.status, actor: req.staff });
        return { messages: messages.map(presentOutboxMessage) };
      },
    );

    app.post(
      '/offices/:slug/outbox/:id/resend',
      {
        ...admin,
        schema: spec('Send a sent or failed message again, now; audited as message.resend', {
          params: MessageParams,
          response: { 202: z.object({ resent: z.literal(true) }), ...ERROR_RESPONSES },
        }),
      },
      async (req, reply) => {
        await resendMessage(ctx, { officeSlug: req.params.slug, messageId: req.params.id, actor: req.staff });
        return reply.status(202).send({ resent: true as const });
      },
    );
  });
}
