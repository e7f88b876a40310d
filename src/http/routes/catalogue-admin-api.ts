import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import { addCounter } from '../../app/office/commands/add-counter.js';
import { addService } from '../../app/office/commands/add-service.js';
import { reorderServices } from '../../app/office/commands/reorder-services.js';
import { updateCounter } from '../../app/office/commands/update-counter.js';
import { updateService } from '../../app/office/commands/update-service.js';
import { listOfficeServices } from '../../app/office/queries/list-office-services.js';
import { requestLang } from '../i18n.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { CounterSettingSchema, presentCounterSetting } from '../presenters/counter.js';
import { presentService, ServiceSchema } from '../presenters/service.js';
import { idField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const ServiceParams = SlugParams.extend({ code: textField(32) });
const CounterParams = SlugParams.extend({ counter: idField('NUMBER_INVALID') });

const flag = z.boolean({ error: 'BOOLEAN_INVALID' });
/** Text whose emptiness the domain judges, so that every field's problem is reported at once. */
const words = (max: number) => z.string({ error: (iss) => (iss.input === undefined ? 'REQUIRED' : 'INVALID') }).max(max, 'TOO_LONG');
// Sizes bound the work a request asks for; the domain's rules give the precise field problems.
const documentsField = z.array(z.string({ error: 'INVALID' }).max(1000, 'DOCUMENT_TOO_LONG'), { error: 'INVALID' }).max(100, 'DOCUMENTS_TOO_MANY');
const serviceCodes = z.array(textField(32), { error: 'INVALID' }).max(500, 'TOO_LONG');

const ServiceChangeBody = z.object({
  nameId: words(200).optional(),
  nameEn: words(200).optional(),
  documentsId: documentsField.optional().describe('Documents to bring, one per item, in Indonesian'),
  documentsEn: documentsField.optional().describe('The same in English'),
  eligibilityId: words(600).optional().describe('Who may use the service, a condition rather than a document (e.g. "Berusia 17 tahun atau lebih"); empty for none'),
  eligibilityEn: words(600).optional().describe('The same in English'),
  needsPresence: flag.optional(),
  active: flag.optional().describe('Off: no new bookings; existing ones stay valid'),
});
const NewServiceBody = ServiceChangeBody.extend({ code: words(64), nameId: words(200), nameEn: words(200) });
const ReorderBody = z.object({ codes: serviceCodes.describe('Every service code of the office, switched off ones too, in the new order') });

const CounterChangeBody = z.object({
  name: words(100).optional(),
  services: serviceCodes.optional().describe('Codes of the services it calls; empty: every service'),
  active: flag.optional(),
});
const NewCounterBody = CounterChangeBody.extend({
  number: z.number({ error: 'COUNTER_NUMBER_INVALID' }).int('COUNTER_NUMBER_INVALID'),
  name: words(100),
});

const ServiceAnswer = z.object({ service: ServiceSchema });
const ServicesAnswer = z.object({ services: z.array(ServiceSchema) });
const CounterAnswer = z.object({ counter: CounterSettingSchema });

const ADMIN = ['office administration'];
const SESSION = [{ staffSession: [] }];

/** A route's documentation: tag, role, schemas, and the error answers every route may give. */
function spec<P, R>(summary: string, parts: P, response: R) {
  return { schema: { tags: ADMIN, summary: `${summary} [admin; an office's admin: its own office]`, security: SESSION, ...parts, response: { ...response, ...ERROR_RESPONSES } } };
}

/** Services and counters of an office, as the admin sets them up; every change is audited. */
export function catalogueAdminApiRoutes(ctx: AppContext) {
  return routePlugin('catalogueAdminApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);
    const admin = { onRequest: requireRole('admin') };

    app.post('/offices/:slug/services', { ...admin, ...spec('Add a service at the end of the list', { params: SlugParams, body: NewServiceBody }, { 201: ServiceAnswer }) }, async (req, reply) => {
      const row = await addService(ctx, { officeSlug: req.params.slug, actor: req.staff, ...req.body });
      const all = await positionOf(req.params.slug, row.code);
      return reply.status(201).send({ service: presentService(row, requestLang(req), all) });
    });

    app.post(
      '/offices/:slug/services/reorder',
      { ...admin, ...spec('Put the services in a new order', { params: SlugParams, body: ReorderBody }, { 200: ServicesAnswer }) },
      async (req) => {
        const rows = await reorderServices(ctx, { officeSlug: req.params.slug, actor: req.staff, codes: req.body.codes });
        const lang = requestLang(req);
        return { services: rows.map((s, i) => presentService(s, lang, i + 1)) };
      },
    );

    app.patch(
      '/offices/:slug/services/:code',
      { ...admin, ...spec("Change a service's names, documents, presence rule or on/off", { params: ServiceParams, body: ServiceChangeBody }, { 200: ServiceAnswer }) },
      async (req) => {
        const row = await updateService(ctx, { officeSlug: req.params.slug, actor: req.staff, code: req.params.code, ...req.body });
        return { service: presentService(row, requestLang(req), await positionOf(req.params.slug, row.code)) };
      },
    );

    app.post('/offices/:slug/counters', { ...admin, ...spec('Add a counter (loket)', { params: SlugParams, body: NewCounterBody }, { 201: CounterAnswer }) }, async (req, reply) => {
      const counter = await addCounter(ctx, { officeSlug: req.params.slug, actor: req.staff, ...req.body });
      return reply.status(201).send({ counter: presentCounterSetting(counter) });
    });

    app.patch(
      '/offices/:slug/counters/:counter',
      { ...admin, ...spec("Rename a counter, change the services it calls or switch it on or off; the next call follows at once", { params: CounterParams, body: CounterChangeBody }, { 200: CounterAnswer }) },
      async (req) => {
        const counter = await updateCounter(ctx, { officeSlug: req.params.slug, actor: req.staff, number: req.params.counter, ...req.body });
        return { counter: presentCounterSetting(counter) };
      },
    );

    /** A service's place in its office's full list, from 1. */
    async function positionOf(slug: string, code: string): Promise<number> {
      const all = await listOfficeServices(ctx, { officeSlug: slug, includeInactive: true });
      return all.findIndex((s) => s.code === code) + 1;
    }
  });
}
