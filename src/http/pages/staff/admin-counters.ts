import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { addCounter } from '../../../app/office/commands/add-counter.js';
import { updateCounter } from '../../../app/office/commands/update-counter.js';
import { listOfficeCounters } from '../../../app/office/queries/list-office-counters.js';
import { listOfficeServices } from '../../../app/office/queries/list-office-services.js';
import { DomainError } from '../../../domain/errors.js';
import { idField, parseInput, textField } from '../../validation.js';
import type { AdminFormErrors } from '../../views/staff/admin-forms.js';
import { type CounterValues, counterEditPage, countersPage, countersPath, type ServiceOption } from '../../views/staff/admin-counters.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { adminActorOf, adminFrame, checkbox, managedOffices, toAdminFormErrors, typed } from './admin-common.js';
import { requirePageRole, sendStaffPage } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const CounterParams = SlugParams.extend({ number: idField('NUMBER_INVALID') });
const ListQuery = z.object({ ok: z.enum(['added', 'saved']).optional().catch(undefined), n: z.string().regex(/^\d{1,3}$/).optional().catch(undefined) });
const CounterForm = z.object({
  number: typed(10),
  name: typed(),
  // One ticked box arrives as a string, several as a list.
  services: z.union([z.string().max(32), z.array(z.string().max(32)).max(500)]).optional().catch(undefined).transform((v) => (v === undefined ? [] : [v].flat())),
  active: checkbox,
});
const ActiveForm = z.object({ active: z.enum(['on', 'off']).catch('on') });

/** `/staff/admin/counters`: an office's counters and what each calls, for its admin, as plain forms. */
export function adminCounterPages(ctx: AppContext) {
  return routePlugin('adminCounterPages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    async function serviceOptions(slug: string): Promise<ServiceOption[]> {
      return (await listOfficeServices(ctx, { officeSlug: slug, includeInactive: true })).map((s) => ({ code: s.code, name: s.name, active: s.active === 1 }));
    }

    async function renderList(req: FastifyRequest, reply: FastifyReply, slug: string, over: { done?: string; values?: CounterValues; errors?: AdminFormErrors } = {}, status = 200) {
      const frame = await adminFrame(ctx, req, slug);
      const counters = await listOfficeCounters(ctx, { officeSlug: slug, includeInactive: true });
      return sendStaffPage(reply, countersPage({ ...frame, office: frame.office!, counters, services: await serviceOptions(slug), ...over }), status);
    }

    async function renderEdit(req: FastifyRequest, reply: FastifyReply, slug: string, number: number, values: CounterValues, errors?: AdminFormErrors, status = 200) {
      const frame = await adminFrame(ctx, req, slug);
      return sendStaffPage(reply, counterEditPage({ ...frame, office: frame.office!, number, values, services: await serviceOptions(slug), errors }), status);
    }

    app.get('/staff/admin/counters', admin, async (req, reply) => {
      const [first] = await managedOffices(ctx, req);
      if (!first) throw new DomainError('NOT_FOUND', { what: 'office' });
      return reply.redirect(countersPath(first.slug), 303);
    });

    app.get('/staff/admin/counters/:slug', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = ListQuery.parse(req.query ?? {});
      const done = q.ok && q.n ? st(q.ok === 'added' ? 'staff.counterAdded' : 'staff.counterSaved', { n: Number(q.n) }) : undefined;
      return renderList(req, reply, slug, { done });
    });

    app.post('/staff/admin/counters/:slug', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = CounterForm.parse(req.body ?? {});
      const number = /^\s*\d{1,9}\s*$/.test(form.number) ? Number(form.number) : Number.NaN;
      try {
        const counter = await addCounter(ctx, { officeSlug: slug, actor: adminActorOf(req), number, name: form.name, services: form.services, active: form.active });
        return reply.redirect(`${countersPath(slug)}?ok=added&n=${counter.number}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { values: form, errors }, status);
      }
    });

    app.get('/staff/admin/counters/:slug/:number/edit', admin, async (req, reply) => {
      const { slug, number } = parseInput(CounterParams, req.params);
      const counter = (await listOfficeCounters(ctx, { officeSlug: slug, includeInactive: true })).find((c) => c.number === number);
      if (!counter) throw new DomainError('NOT_FOUND', { what: 'counter' });
      return renderEdit(req, reply, slug, number, { number: String(counter.number), name: counter.name, active: counter.active, services: counter.services });
    });

    app.post('/staff/admin/counters/:slug/:number', admin, async (req, reply) => {
      const { slug, number } = parseInput(CounterParams, req.params);
      const form = CounterForm.parse(req.body ?? {});
      try {
        await updateCounter(ctx, { officeSlug: slug, actor: adminActorOf(req), number, name: form.name, services: form.services, active: form.active });
        return reply.redirect(`${countersPath(slug)}?ok=saved&n=${number}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderEdit(req, reply, slug, number, { ...form, number: String(number) }, errors, status);
      }
    });

    app.post('/staff/admin/counters/:slug/:number/active', admin, async (req, reply) => {
      const { slug, number } = parseInput(CounterParams, req.params);
      const { active } = ActiveForm.parse(req.body ?? {});
      try {
        await updateCounter(ctx, { officeSlug: slug, actor: adminActorOf(req), number, active: active === 'on' });
        return reply.redirect(`${countersPath(slug)}?ok=saved&n=${number}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { errors }, status);
      }
    });
  });
}
