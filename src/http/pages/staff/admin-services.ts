import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { addService } from '../../../app/office/commands/add-service.js';
import { moveService } from '../../../app/office/commands/move-service.js';
import { updateService } from '../../../app/office/commands/update-service.js';
import { listOfficeServices } from '../../../app/office/queries/list-office-services.js';
import { DomainError } from '../../../domain/errors.js';
import type { ServiceRecord as ServiceRow } from '../../../app/office/queries/list-office-services.js';
import { parseInput, textField } from '../../validation.js';
import { type ServiceLine, type ServiceValues, serviceEditPage, servicesPage, servicesPath } from '../../views/staff/admin-services.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { adminActorOf, adminFrame, checkbox, lines, managedOffices, toAdminFormErrors, typed } from './admin-common.js';
import { requirePageRole, sendStaffPage } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const ServiceParams = SlugParams.extend({ code: textField(32) });
const ListQuery = z.object({ ok: z.enum(['added', 'saved', 'moved']).optional().catch(undefined), code: z.string().max(32).optional().catch(undefined) });
const ServiceForm = z.object({
  code: typed(32),
  nameId: typed(),
  nameEn: typed(),
  documentsId: lines,
  documentsEn: lines,
  eligibilityId: typed(1000),
  eligibilityEn: typed(1000),
  needsPresence: checkbox,
  active: checkbox,
});
const ActiveForm = z.object({ active: z.enum(['on', 'off']).catch('on') });
const MoveForm = z.object({ direction: z.enum(['up', 'down']).catch('up') });

function lineOf(s: ServiceRow): ServiceLine {
  return {
    code: s.code,
    nameId: s.name,
    nameEn: s.name_en,
    documentsId: JSON.parse(s.documents) as string[],
    documentsEn: JSON.parse(s.documents_en) as string[],
    eligibilityId: s.eligibility,
    eligibilityEn: s.eligibility_en,
    needsPresence: s.needs_presence === 1,
    active: s.active === 1,
  };
}

/** `/staff/admin/services`: an office's services, for its admin, as plain forms. */
export function adminServicePages(ctx: AppContext) {
  return routePlugin('adminServicePages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    async function renderList(req: FastifyRequest, reply: FastifyReply, slug: string, over: { done?: string; values?: ServiceValues; errors?: ReturnType<typeof toAdminFormErrors>['errors'] } = {}, status = 200) {
      const frame = await adminFrame(ctx, req, slug);
      const services = (await listOfficeServices(ctx, { officeSlug: slug, includeInactive: true })).map(lineOf);
      return sendStaffPage(reply, servicesPage({ ...frame, office: frame.office!, services, ...over }), status);
    }

    app.get('/staff/admin/services', admin, async (req, reply) => {
      const [first] = await managedOffices(ctx, req);
      if (!first) throw new DomainError('NOT_FOUND', { what: 'office' });
      return reply.redirect(servicesPath(first.slug), 303);
    });

    app.get('/staff/admin/services/:slug', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = ListQuery.parse(req.query ?? {});
      const code = q.code?.toUpperCase();
      const done =
        q.ok === 'moved' ? st('staff.serviceMoved') : q.ok && code && /^[A-Z0-9-]+$/.test(code) ? st(q.ok === 'added' ? 'staff.serviceAdded' : 'staff.serviceSaved', { code }) : undefined;
      return renderList(req, reply, slug, { done });
    });

    app.post('/staff/admin/services/:slug', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = ServiceForm.parse(req.body ?? {});
      try {
        const row = await addService(ctx, { officeSlug: slug, actor: adminActorOf(req), ...form });
        return reply.redirect(`${servicesPath(slug)}?ok=added&code=${encodeURIComponent(row.code)}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { values: form, errors }, status);
      }
    });

    async function renderEdit(req: FastifyRequest, reply: FastifyReply, slug: string, values: ServiceValues, errors?: ReturnType<typeof toAdminFormErrors>['errors'], status = 200) {
      const frame = await adminFrame(ctx, req, slug);
      return sendStaffPage(reply, serviceEditPage({ ...frame, office: frame.office!, values, errors }), status);
    }

    async function findService(slug: string, code: string): Promise<ServiceRow> {
      const found = (await listOfficeServices(ctx, { officeSlug: slug, includeInactive: true })).find((s) => s.code === code.toUpperCase());
      if (!found) throw new DomainError('NOT_FOUND', { what: 'service' });
      return found;
    }

    app.get('/staff/admin/services/:slug/:code/edit', admin, async (req, reply) => {
      const { slug, code } = parseInput(ServiceParams, req.params);
      return renderEdit(req, reply, slug, lineOf(await findService(slug, code)));
    });

    app.post('/staff/admin/services/:slug/:code', admin, async (req, reply) => {
      const { slug, code } = parseInput(ServiceParams, req.params);
      const form = ServiceForm.parse(req.body ?? {});
      try {
        const row = await updateService(ctx, { officeSlug: slug, actor: adminActorOf(req), ...form, code });
        return reply.redirect(`${servicesPath(slug)}?ok=saved&code=${encodeURIComponent(row.code)}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderEdit(req, reply, slug, { ...form, code: code.toUpperCase() }, errors, status);
      }
    });

    app.post('/staff/admin/services/:slug/:code/active', admin, async (req, reply) => {
      const { slug, code } = parseInput(ServiceParams, req.params);
      const { active } = ActiveForm.parse(req.body ?? {});
      try {
        const row = await updateService(ctx, { officeSlug: slug, actor: adminActorOf(req), code, active: active === 'on' });
        return reply.redirect(`${servicesPath(slug)}?ok=saved&code=${encodeURIComponent(row.code)}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { errors }, status);
      }
    });

    app.post('/staff/admin/services/:slug/:code/move', admin, async (req, reply) => {
      const { slug, code } = parseInput(ServiceParams, req.params);
      const { direction } = MoveForm.parse(req.body ?? {});
      try {
        await moveService(ctx, { officeSlug: slug, actor: adminActorOf(req), code, direction });
        return reply.redirect(`${servicesPath(slug)}?ok=moved`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { errors }, status);
      }
    });
  });
}
