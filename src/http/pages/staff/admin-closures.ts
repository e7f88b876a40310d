import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaffOffice } from '../../../app/office/queries/find-office.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import type { AppContext } from '../../../app/shared/context.js';
import { addClosure } from '../../../app/office/commands/add-closure.js';
import { removeClosure } from '../../../app/office/commands/remove-closure.js';
import { listClosures } from '../../../app/office/queries/list-closures.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { domainErrorText, errorText } from '../../../texts/texts.js';
import { toErrorResponse } from '../../errors.js';
import { presentClosure } from '../../presenters/closure.js';
import { adminOf, ClosureBody } from '../../routes/closures-api.js';
import { dateField, parseInput } from '../../validation.js';
import { type ClosuresPageModel, closuresPage, closuresPath } from '../../views/staff/admin-closures.js';
import { requirePageRole, sendStaffPage, viewerOf } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const PageQuery = z.object({
  office: z.string().max(64).optional().catch(undefined),
  removed: dateField.optional().catch(undefined),
});
const AddForm = z.object({ office: z.string().max(64).catch(''), date: z.string().max(40).catch(''), reason: z.string().max(1000).catch('') });
/** An office as listOffices gives it. */
type Office = Awaited<ReturnType<typeof listOffices>>[number];
const RemoveForm = z.object({ office: z.string().max(64).catch(''), date: z.string().max(40).catch('') });

/** The admin's closed-days page: the same list, add and remove as the API, as plain forms. */
export function adminClosurePages(ctx: AppContext) {
  return routePlugin('adminClosurePages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    /** The office the page works on: the one asked for, else the admin's own, else the first. */
    async function officeFor(req: FastifyRequest, slug: string | undefined): Promise<{ office: Office; offices: Office[] }> {
      const staffOffice = req.staff?.officeId ?? null;
      const all = await listOffices(ctx);
      const mine = staffOffice === null ? all : all.filter((o) => o.id === staffOffice);
      const wanted = slug || mine[0]?.slug;
      if (!wanted) throw new DomainError('NOT_FOUND', { what: 'office' });
      // The same rule as the API: an admin tied to one office manages only that one.
      const office = staffOffice === null ? all.find((o) => o.slug === wanted) : await requireStaffOffice(ctx, { officeSlug: wanted, staffOfficeId: staffOffice });
      if (!office) throw new DomainError('NOT_FOUND', { what: 'office' });
      return { office, offices: mine };
    }

    async function render(req: FastifyRequest, reply: FastifyReply, slug: string | undefined, over: Partial<ClosuresPageModel>, status = 200) {
      const { office, offices } = await officeFor(req, slug);
      const list = await listClosures(ctx, { officeSlug: office.slug });
      const model: ClosuresPageModel = {
        viewer: viewerOf(req),
        office: { slug: office.slug, name: office.name },
        offices: offices.map((o) => ({ slug: o.slug, name: o.name })),
        today: list.today,
        closures: list.closures.map(presentClosure),
        values: { date: '', reason: '' },
        ...over,
      };
      return sendStaffPage(reply, closuresPage(model), status);
    }

    app.get('/staff/admin/closures', admin, async (req, reply) => {
      const q = PageQuery.parse(req.query ?? {});
      return render(req, reply, q.office, { removed: q.removed });
    });

    app.post('/staff/admin/closures', admin, async (req, reply) => {
      const form = AddForm.parse(req.body ?? {});
      const { office } = await officeFor(req, form.office);
      const values = { date: form.date, reason: form.reason };
      try {
        // An empty date field is a missing date, as the API sees it.
        const fields = parseInput(ClosureBody, { ...values, date: values.date || undefined });
        const r = await addClosure(ctx, { officeSlug: office.slug, date: fields.date, reason: fields.reason, admin: adminOf(req) });
        const outcome = { date: r.closure.date, reason: r.closure.reason, moved: r.moved, cancelled: r.cancelled };
        return render(req, reply, office.slug, { outcome });
      } catch (error) {
        if (error instanceof InvalidInputError) {
          const errs: Partial<Record<'date' | 'reason', string>> = {};
          for (const f of error.fields) if (f.field === 'date' || f.field === 'reason') errs[f.field] ??= errorText(STAFF_LANG, f.problem);
          return render(req, reply, office.slug, { values, errors: { fields: errs } }, 422);
        }
        if (error instanceof DomainError && error.code !== 'NOT_FOUND' && error.code !== 'OTHER_OFFICE') {
          const words = domainErrorText(error, STAFF_LANG);
          return render(req, reply, office.slug, { values, errors: { fields: { date: words }, form: words } }, toErrorResponse(error, STAFF_LANG).status);
        }
        throw error;
      }
    });

    app.post('/staff/admin/closures/remove', admin, async (req, reply) => {
      const form = RemoveForm.parse(req.body ?? {});
      const { office } = await officeFor(req, form.office);
      try {
        const { date } = parseInput(z.object({ date: dateField }), form);
        await removeClosure(ctx, { officeSlug: office.slug, date, admin: adminOf(req) });
        return reply.redirect(`${closuresPath(office.slug)}&removed=${date}`, 303);
      } catch (error) {
        if (error instanceof InvalidInputError) return render(req, reply, office.slug, { problem: errorText(STAFF_LANG, error.fields[0]?.problem ?? 'INVALID') }, 422);
        if (error instanceof DomainError && error.code !== 'OTHER_OFFICE') {
          return render(req, reply, office.slug, { problem: domainErrorText(error, STAFF_LANG) }, toErrorResponse(error, STAFF_LANG).status);
        }
        throw error;
      }
    });
  });
}
