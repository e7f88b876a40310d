import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaffOffice } from '../../app/office/queries/find-office.js';
import type { AppContext } from '../../app/shared/context.js';
import { type AdminActor, addClosure } from '../../app/office/commands/add-closure.js';
import { removeClosure } from '../../app/office/commands/remove-closure.js';
import { listClosures } from '../../app/office/queries/list-closures.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { ClosureResultSchema, ClosureSchema, presentClosure, presentClosureResult } from '../presenters/closure.js';
import { dateField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const DateParams = SlugParams.extend({ date: dateField });
const ListQuery = z.object({ from: dateField.optional(), to: dateField.optional() });
/** The reason is told to every person moved, so it is short and plain. */
export const ClosureBody = z.object({ date: dateField, reason: textField(200) });

const TAGS = ['administration'];
const SESSION = [{ staffSession: [] }];

/** The admin making the request, for the audit log; only after the role guard. */
export function adminOf(req: FastifyRequest): AdminActor {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username };
}

/** An office's closed days: list them, close a day (moving its bookings), open it again. Admin only. */
export function closuresApiRoutes(ctx: AppContext) {
  return routePlugin('closuresApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);
    // An admin tied to one office manages only that office.
    app.addHook('preHandler', async (req) => {
      const slug = (req.params as { slug?: unknown }).slug;
      if (req.staff?.officeId != null && typeof slug === 'string') await requireStaffOffice(ctx, { officeSlug: slug, staffOfficeId: req.staff.officeId });
    });
    const admin = { onRequest: requireRole('admin') };
    const spec = <P>(summary: string, parts: P) => ({ tags: TAGS, summary: `${summary} [admin]`, security: SESSION, ...parts });

    app.get(
      '/offices/:slug/closures',
      {
        ...admin,
        schema: spec('Closed days from `from` (default today) to `to` (default a year on): holidays, cuti bersama and the office\'s own closures', {
          params: SlugParams,
          querystring: ListQuery,
          response: { 200: z.object({ closures: z.array(ClosureSchema) }), ...ERROR_RESPONSES },
        }),
      },
      async (req) => {
        const list = await listClosures(ctx, { officeSlug: req.params.slug, from: req.query.from, to: req.query.to });
        return { closures: list.closures.map(presentClosure) };
      },
    );

    app.post(
      '/offices/:slug/closures',
      {
        ...admin,
        schema: spec('Close the office on a date: its bookings move to the nearest open day with room, or are cancelled when none has', {
          params: SlugParams,
          body: ClosureBody,
          response: { 201: ClosureResultSchema, ...ERROR_RESPONSES },
        }),
      },
      async (req, reply) => {
        const result = await addClosure(ctx, { officeSlug: req.params.slug, date: req.body.date, reason: req.body.reason, admin: adminOf(req) });
        return reply.status(201).send(presentClosureResult(result));
      },
    );

    app.delete(
      '/offices/:slug/closures/:date',
      {
        ...admin,
        schema: spec('Open a day the office closed (holidays stay); nobody is moved back', {
          params: DateParams,
          response: { 200: z.object({ closure: ClosureSchema }), ...ERROR_RESPONSES },
        }),
      },
      async (req) => ({ closure: presentClosure(await removeClosure(ctx, { officeSlug: req.params.slug, date: req.params.date, admin: adminOf(req) })) }),
    );
  });
}
