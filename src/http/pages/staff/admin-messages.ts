import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resetMessageTemplate } from '../../../app/notify/commands/reset-message-template.js';
import { saveMessageTemplate } from '../../../app/notify/commands/save-message-template.js';
import { listMessageTemplates } from '../../../app/notify/queries/list-message-templates.js';
import { previewMessageTemplate } from '../../../app/notify/queries/preview-message-template.js';
import { updateOffice } from '../../../app/office/commands/update-office.js';
import { getOfficeSettings } from '../../../app/office/queries/get-office-settings.js';
import type { AdminActor } from '../../../app/shared/admin-actor.js';
import type { AppContext } from '../../../app/shared/context.js';
import { DomainError } from '../../../domain/errors.js';
import { MESSAGE_KINDS, MESSAGE_LANGS } from '../../../domain/messages/message-kind.js';
import { PLACEHOLDERS } from '../../../domain/messages/templates.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { textsFor } from '../../../texts/texts.js';
import { parseInput, textField } from '../../validation.js';
import type { AdminFormErrors } from '../../views/staff/admin-forms.js';
import { messagesPage, messagesPath, type ReminderValues, templateEditPage, templatePath } from '../../views/staff/admin-messages.js';
import { adminFrame, checkbox, managedOffices, toAdminFormErrors, typed } from './admin-common.js';
import { requirePageRole, sendStaffPage } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const TemplateParams = SlugParams.extend({ kind: z.enum(MESSAGE_KINDS, { error: 'KIND_INVALID' }), lang: z.enum(MESSAGE_LANGS, { error: 'LANG_INVALID' }) });
const ListQuery = z.object({ ok: z.enum(['settings']).optional().catch(undefined) });
const EditQuery = z.object({ ok: z.enum(['saved', 'reset']).optional().catch(undefined) });
const TemplateForm = z.object({ body: z.string().max(10_000).catch(''), action: z.enum(['preview', 'save']).catch('preview') });
const SettingsForm = z.object({
  reminderEveningEnabled: checkbox,
  reminderEveningHour: typed(6),
  reminderBeforeEnabled: checkbox,
  reminderHoursBefore: typed(6),
  turnNearAhead: typed(6),
});

function actorOf(req: FastifyRequest): AdminActor {
  if (!req.staff) throw new Error('page guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username, officeId: req.staff.officeId };
}

/** A typed whole number, or NaN so the domain names the field. */
function wholeOf(v: string): number {
  return /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : Number.NaN;
}

/** `/staff/admin/messages`: reminder settings and the words of every message, with a preview that needs no script. */
export function adminMessagePages(ctx: AppContext) {
  return routePlugin('adminMessagePages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    async function renderList(req: FastifyRequest, reply: FastifyReply, slug: string, over: { done?: string; settings?: ReminderValues; errors?: AdminFormErrors } = {}, status = 200) {
      const frame = await adminFrame(ctx, req, slug);
      const { settings } = await getOfficeSettings(ctx, { officeSlug: slug, actor: actorOf(req) });
      const templates = await listMessageTemplates(ctx, { officeSlug: slug, actor: actorOf(req) });
      const stored: ReminderValues = {
        reminderEveningEnabled: settings.reminderEveningEnabled,
        reminderEveningHour: String(settings.reminderEveningHour),
        reminderBeforeEnabled: settings.reminderBeforeEnabled,
        reminderHoursBefore: String(settings.reminderHoursBefore),
        turnNearAhead: String(settings.turnNearAhead),
      };
      return sendStaffPage(reply, messagesPage({ ...frame, office: frame.office!, templates, settings: over.settings ?? stored, done: over.done, errors: over.errors }), status);
    }

    app.get('/staff/admin/messages', admin, async (req, reply) => {
      const [first] = await managedOffices(ctx, req);
      if (!first) throw new DomainError('NOT_FOUND', { what: 'office' });
      return reply.redirect(messagesPath(first.slug), 303);
    });

    app.get('/staff/admin/messages/:slug', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = ListQuery.parse(req.query ?? {});
      return renderList(req, reply, slug, { done: q.ok === 'settings' ? st('staff.remindersSaved') : undefined });
    });

    app.post('/staff/admin/messages/:slug/settings', admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = SettingsForm.parse(req.body ?? {});
      try {
        await updateOffice(ctx, {
          officeSlug: slug,
          actor: actorOf(req),
          changes: {
            reminderEveningEnabled: form.reminderEveningEnabled,
            reminderEveningHour: wholeOf(form.reminderEveningHour),
            reminderBeforeEnabled: form.reminderBeforeEnabled,
            reminderHoursBefore: wholeOf(form.reminderHoursBefore),
            turnNearAhead: wholeOf(form.turnNearAhead),
          },
        });
        return reply.redirect(`${messagesPath(slug)}?ok=settings`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, slug, { settings: form, errors }, status);
      }
    });

    async function renderEdit(
      req: FastifyRequest,
      reply: FastifyReply,
      p: z.output<typeof TemplateParams>,
      over: { body?: string; preview?: { subject: string; text: string }; done?: string; errors?: AdminFormErrors } = {},
      status = 200,
    ) {
      const frame = await adminFrame(ctx, req, p.slug);
      const stored = (await listMessageTemplates(ctx, { officeSlug: p.slug, actor: actorOf(req) })).find((t) => t.kind === p.kind && t.lang === p.lang);
      if (!stored) throw new DomainError('NOT_FOUND', { what: 'template' });
      return sendStaffPage(
        reply,
        templateEditPage({ ...frame, office: frame.office!, kind: p.kind, lang: p.lang, body: over.body ?? stored.body, edited: stored.edited, placeholders: PLACEHOLDERS, preview: over.preview, done: over.done, errors: over.errors }),
        status,
      );
    }

    app.get('/staff/admin/messages/:slug/:kind/:lang', admin, async (req, reply) => {
      const p = parseInput(TemplateParams, req.params);
      const q = EditQuery.parse(req.query ?? {});
      return renderEdit(req, reply, p, { done: q.ok === 'saved' ? st('staff.templateSaved') : q.ok === 'reset' ? st('staff.templateResetDone') : undefined });
    });

    // One form, two buttons: "Pratinjau" shows the filled message under the words as typed, "Simpan" saves them.
    app.post('/staff/admin/messages/:slug/:kind/:lang', admin, async (req, reply) => {
      const p = parseInput(TemplateParams, req.params);
      const form = TemplateForm.parse(req.body ?? {});
      try {
        if (form.action === 'save') {
          await saveMessageTemplate(ctx, { officeSlug: p.slug, kind: p.kind, lang: p.lang, body: form.body, actor: actorOf(req) });
          return reply.redirect(`${templatePath(p.slug, p.kind, p.lang)}?ok=saved`, 303);
        }
        const preview = await previewMessageTemplate(ctx, { officeSlug: p.slug, kind: p.kind, lang: p.lang, body: form.body, actor: actorOf(req) });
        return renderEdit(req, reply, p, { body: form.body, preview });
      } catch (error) {
        const { errors, status } = templateErrors(error);
        return renderEdit(req, reply, p, { body: form.body, errors }, status);
      }
    });

    app.post('/staff/admin/messages/:slug/:kind/:lang/reset', admin, async (req, reply) => {
      const p = parseInput(TemplateParams, req.params);
      await resetMessageTemplate(ctx, { officeSlug: p.slug, kind: p.kind, lang: p.lang, actor: actorOf(req) });
      return reply.redirect(`${templatePath(p.slug, p.kind, p.lang)}?ok=reset`, 303);
    });
  });
}

/** A refused template: an unknown placeholder is the body's problem, shown next to it. */
function templateErrors(error: unknown): { errors: AdminFormErrors; status: number } {
  const { errors, status } = toAdminFormErrors(error);
  if (error instanceof DomainError && error.code === 'TEMPLATE_UNKNOWN_PLACEHOLDER') {
    return { errors: { fields: { body: errors.form } }, status: 422 };
  }
  return { errors, status };
}
