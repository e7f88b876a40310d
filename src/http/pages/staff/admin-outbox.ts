import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resendMessage } from '../../../app/notify/commands/resend-message.js';
import { listOutbox } from '../../../app/notify/queries/list-outbox.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import type { AppContext } from '../../../app/shared/context.js';
import { DomainError } from '../../../domain/errors.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { domainErrorText } from '../../../texts/texts.js';
import { toErrorResponse } from '../../errors.js';
import { presentOutboxMessage } from '../../presenters/outbox.js';
import { type OutboxPageFilter, type OutboxPageModel, outboxPage, outboxPath } from '../../views/staff/admin-outbox.js';
import { requirePageRole, sendStaffPage, viewerOf } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const Status = z.enum(['waiting', 'sent', 'failed']).optional().catch(undefined);
const PageQuery = z.object({
  office: z.string().max(64).optional().catch(undefined),
  status: Status,
  resent: z.coerce.number().int().positive().optional().catch(undefined),
});
const ResendForm = z.object({ office: z.string().max(64).catch(''), id: z.coerce.number().int().positive().catch(0), status: Status });

/** The admin's outbox page: the same list and resend as the API, as plain forms. */
export function adminOutboxPages(ctx: AppContext) {
  return routePlugin('adminOutboxPages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    /** The office asked for, else the admin's own, else the first; offices the admin may pick from. */
    async function officesFor(req: FastifyRequest, slug: string | undefined): Promise<{ slug: string; offices: { slug: string; name: string }[] }> {
      const staffOffice = req.staff?.officeId ?? null;
      const all = await listOffices(ctx);
      const mine = staffOffice === null ? all : all.filter((o) => o.id === staffOffice);
      const wanted = slug || mine[0]?.slug;
      if (!wanted) throw new DomainError('NOT_FOUND', { what: 'office' });
      return { slug: wanted, offices: mine.map((o) => ({ slug: o.slug, name: o.name })) };
    }

    async function render(req: FastifyRequest, reply: FastifyReply, slug: string | undefined, status: OutboxPageFilter, over: Partial<OutboxPageModel> = {}, code = 200) {
      const picked = await officesFor(req, slug);
      // The use case refuses an office the admin does not manage (OTHER_OFFICE).
      const list = await listOutbox(ctx, { officeSlug: picked.slug, status, actor: req.staff });
      const model: OutboxPageModel = {
        viewer: viewerOf(req),
        office: list.office,
        offices: picked.offices,
        status,
        messages: list.messages.map(presentOutboxMessage),
        ...over,
      };
      return sendStaffPage(reply, outboxPage(model), code);
    }

    app.get('/staff/admin/outbox', admin, async (req, reply) => {
      const q = PageQuery.parse(req.query ?? {});
      return render(req, reply, q.office, q.status, { resent: q.resent });
    });

    app.post('/staff/admin/outbox/resend', admin, async (req, reply) => {
      const form = ResendForm.parse(req.body ?? {});
      const { slug } = await officesFor(req, form.office);
      try {
        await resendMessage(ctx, { officeSlug: slug, messageId: form.id, actor: req.staff });
        return reply.redirect(`${outboxPath(slug, form.status)}&resent=${form.id}`, 303);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'OTHER_OFFICE' && !(error.code === 'NOT_FOUND' && error.details.what === 'office')) {
          return render(req, reply, slug, form.status, { problem: domainErrorText(error, STAFF_LANG) }, toErrorResponse(error, STAFF_LANG).status);
        }
        throw error;
      }
    });
  });
}
