import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resetMessageTemplate } from '../../app/notify/commands/reset-message-template.js';
import { saveMessageTemplate } from '../../app/notify/commands/save-message-template.js';
import { listMessageTemplates } from '../../app/notify/queries/list-message-templates.js';
import { previewMessageTemplate } from '../../app/notify/queries/preview-message-template.js';
import type { AdminActor } from '../../app/shared/admin-actor.js';
import type { AppContext } from '../../app/shared/context.js';
import { MESSAGE_KINDS, MESSAGE_LANGS } from '../../domain/messages/message-kind.js';
import { PLACEHOLDERS, TEMPLATE_MAX_LENGTH } from '../../domain/messages/templates.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import { textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const KindField = z.enum(MESSAGE_KINDS, { error: 'KIND_INVALID' }).describe('booked, moved, cancelled, reminder_evening, reminder_before or turn_near');
const LangField = z.enum(MESSAGE_LANGS, { error: 'LANG_INVALID' }).describe('id (Indonesian) or en (English)');
const SlugParams = z.object({ slug: textField(64) });
const TemplateParams = SlugParams.extend({ kind: KindField, lang: LangField });
// The domain judges emptiness and placeholders; this only bounds the size of the work.
const BodyField = z
  .string({ error: (iss) => (iss.input === undefined ? 'REQUIRED' : 'INVALID') })
  .max(TEMPLATE_MAX_LENGTH * 2, 'TEMPLATE_TOO_LONG')
  .describe(`The words, at most ${TEMPLATE_MAX_LENGTH} characters, with placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
const TemplateBody = z.object({ body: BodyField });
const PreviewBody = z.object({
  body: BodyField,
  counterNumber: z.number({ error: 'NUMBER_INVALID' }).int('NUMBER_INVALID').min(1, 'NUMBER_INVALID').max(999, 'NUMBER_INVALID').nullish().describe('turn_near only: preview the message of someone called to this counter'),
});

const TemplateSchema = z
  .object({
    kind: KindField,
    lang: LangField,
    body: z.string().describe('The words sent: the office’s own, or the default'),
    edited: z.boolean().describe('Whether the office changed the default'),
    defaultBody: z.string(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'MessageTemplate' });
const TemplateAnswer = z.object({ template: TemplateSchema });

const TAG = ['messages'];
function spec<P, R>(summary: string, parts: P, response: R) {
  return { onRequest: requireRole('admin'), schema: { tags: TAG, summary: `${summary} [admin]`, security: [{ staffSession: [] }], ...parts, response: { ...response, ...ERROR_RESPONSES } } };
}

function adminOf(req: FastifyRequest): AdminActor {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username, officeId: req.staff.officeId };
}

/** The words of the messages an office sends: list, edit, back to default, preview. Admin only. */
export function messageTemplatesApiRoutes(ctx: AppContext) {
  return routePlugin('messageTemplatesApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);

    app.get(
      '/offices/:slug/message-templates',
      spec('Every message kind in both languages, as the office sends it', { params: SlugParams }, { 200: z.object({ placeholders: z.array(z.string()), templates: z.array(TemplateSchema) }) }),
      async (req) => {
        const templates = await listMessageTemplates(ctx, { officeSlug: req.params.slug, actor: adminOf(req) });
        return { placeholders: [...PLACEHOLDERS], templates };
      },
    );

    app.put(
      '/offices/:slug/message-templates/:kind/:lang',
      spec('Send the office’s own words; an unknown placeholder is 422 TEMPLATE_UNKNOWN_PLACEHOLDER', { params: TemplateParams, body: TemplateBody }, { 200: TemplateAnswer }),
      async (req) => {
        const template = await saveMessageTemplate(ctx, { officeSlug: req.params.slug, kind: req.params.kind, lang: req.params.lang, body: req.body.body, actor: adminOf(req) });
        return { template };
      },
    );

    app.delete(
      '/offices/:slug/message-templates/:kind/:lang',
      spec('Send the default words again', { params: TemplateParams }, { 200: TemplateAnswer }),
      async (req) => {
        const template = await resetMessageTemplate(ctx, { officeSlug: req.params.slug, kind: req.params.kind, lang: req.params.lang, actor: adminOf(req) });
        return { template };
      },
    );

    app.post(
      '/offices/:slug/message-templates/:kind/:lang/preview',
      spec('The message these words make for a sample booking tomorrow; nothing is saved', { params: TemplateParams, body: PreviewBody }, { 200: z.object({ subject: z.string(), text: z.string() }) }),
      async (req) =>
        previewMessageTemplate(ctx, {
          officeSlug: req.params.slug,
          kind: req.params.kind,
          lang: req.params.lang,
          body: req.body.body,
          counterNumber: req.body.counterNumber ?? null,
          actor: adminOf(req),
        }),
    );
  });
}
