import type { MessageKind, MessageLang } from '../../../domain/messages/message-kind.js';
import type { Placeholder } from '../../../domain/messages/templates.js';
import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, type AdminFrame, adminNotice, adminPage, buttonForm, checkField, textField } from './admin-forms.js';
import { csrfField } from './layout.js';
import { type PlainTextKey, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** The base path of an office's message pages. */
export function messagesPath(slug: string): string {
  return `/staff/admin/messages/${slug}`;
}

/** The page of one kind in one language. */
export function templatePath(slug: string, kind: MessageKind, lang: MessageLang): string {
  return `${messagesPath(slug)}/${kind}/${lang}`;
}

const KIND_NAMES: Record<MessageKind, PlainTextKey> = {
  booked: 'staff.messageKind.booked',
  moved: 'staff.messageKind.moved',
  cancelled: 'staff.messageKind.cancelled',
  reminder_evening: 'staff.messageKind.reminder_evening',
  reminder_before: 'staff.messageKind.reminder_before',
  turn_near: 'staff.messageKind.turn_near',
};
const LANG_NAMES: Record<MessageLang, PlainTextKey> = { id: 'staff.messageLang.id', en: 'staff.messageLang.en' };
const PLACEHOLDER_HINTS: Record<Placeholder, PlainTextKey> = {
  nama: 'staff.placeholder.nama',
  kode: 'staff.placeholder.kode',
  nomor: 'staff.placeholder.nomor',
  kantor: 'staff.placeholder.kantor',
  alamat: 'staff.placeholder.alamat',
  layanan: 'staff.placeholder.layanan',
  hari: 'staff.placeholder.hari',
  jam: 'staff.placeholder.jam',
  waktu: 'staff.placeholder.waktu',
  dokumen: 'staff.placeholder.dokumen',
  tautan: 'staff.placeholder.tautan',
  loket: 'staff.placeholder.loket',
};

function kindName(kind: MessageKind): string {
  return st(KIND_NAMES[kind]);
}
function langName(lang: MessageLang): string {
  return st(LANG_NAMES[lang]);
}

/** A template as the list shows it. */
export interface TemplateLine {
  kind: MessageKind;
  lang: MessageLang;
  body: string;
  edited: boolean;
  updatedAt: string | null;
}

/** The reminder settings form, as stored or as typed. */
export interface ReminderValues {
  reminderEveningEnabled: boolean;
  reminderEveningHour: string;
  reminderBeforeEnabled: boolean;
  reminderHoursBefore: string;
  turnNearAhead: string;
}

/** Everything the messages list shows. */
export interface MessagesModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  templates: TemplateLine[];
  settings: ReminderValues;
  done?: string | undefined;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/messages/:slug`: when reminders go out, and every message with a link to edit it. */
export function messagesPage(m: MessagesModel): SafeHtml {
  const base = messagesPath(m.office.slug);
  const e = m.errors?.fields ?? {};
  const rows = m.templates.map(
    (t) => html`<tr data-template="${t.kind}/${t.lang}">
<td>${kindName(t.kind)}</td>
<td>${langName(t.lang)}</td>
<td>${t.edited ? html`<strong>${st('staff.templateEdited')}</strong>` : html`<span class="muted">${st('staff.templateDefault')}</span>`}</td>
<td><a class="button" href="${templatePath(m.office.slug, t.kind, t.lang)}" aria-label="${st('staff.edit')} ${kindName(t.kind)} (${langName(t.lang)})">${st('staff.edit')}</a></td>
</tr>`,
  );
  const body = html`<h1>${st('staff.messagesTitle')}</h1>
<p class="lead">${st('staff.messagesLead')}</p>
${adminNotice(m.done, m.errors)}
<section class="card stack" aria-labelledby="reminders-title">
<h2 id="reminders-title">${st('staff.remindersTitle')}</h2>
<p class="hint">${st('staff.remindersHint')}</p>
<form method="post" action="${base}/settings" class="stack" novalidate>
${csrfField(m.viewer.csrf)}
${checkField('reminderEveningEnabled', st('staff.reminderEveningEnabledLabel'), m.settings.reminderEveningEnabled)}
${textField('reminderEveningHour', st('staff.reminderEveningHourLabel'), m.settings.reminderEveningHour, e.reminderEveningHour, { hint: st('staff.reminderEveningHourHint'), maxlength: 2, type: 'number' })}
${checkField('reminderBeforeEnabled', st('staff.reminderBeforeEnabledLabel'), m.settings.reminderBeforeEnabled)}
${textField('reminderHoursBefore', st('staff.reminderHoursBeforeLabel'), m.settings.reminderHoursBefore, e.reminderHoursBefore, { hint: st('staff.reminderHoursBeforeHint'), maxlength: 2, type: 'number' })}
${textField('turnNearAhead', st('staff.turnNearAheadLabel'), m.settings.turnNearAhead, e.turnNearAhead, { hint: st('staff.turnNearAheadHint'), maxlength: 2, type: 'number' })}
<button type="submit" class="button button-primary">${st('staff.save')}</button>
</form>
</section>
<h2>${st('staff.templatesTitle')}</h2>
<table class="results admin-table">
<thead><tr><th scope="col">${st('staff.colMessage')}</th><th scope="col">${st('staff.colLanguage')}</th><th scope="col">${st('staff.colWords')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
  return adminPage(m, 'messages', st('staff.messagesTitle'), body);
}

/** Everything the page of one template shows. */
export interface TemplateEditModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  kind: MessageKind;
  lang: MessageLang;
  /** The words in the field: stored, or as typed when previewing or refused. */
  body: string;
  edited: boolean;
  placeholders: readonly Placeholder[];
  /** The message the words make for a sample booking, after "Pratinjau". */
  preview?: { subject: string; text: string } | undefined;
  done?: string | undefined;
  errors?: AdminFormErrors | undefined;
}

/**
 * `/staff/admin/messages/:slug/:kind/:lang`: the words with their placeholders, a preview
 * button that posts the form and shows the filled message (no script needed), save, and back
 * to the default.
 */
export function templateEditPage(m: TemplateEditModel): SafeHtml {
  const path = templatePath(m.office.slug, m.kind, m.lang);
  const title = `${kindName(m.kind)} (${langName(m.lang)})`;
  const error = m.errors?.fields.body;
  const body = html`<h1>${title}</h1>
${adminNotice(m.done, m.errors)}
<form method="post" action="${path}" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
<div class="field${error ? ' has-error' : ''}">
<label for="body">${st('staff.templateBodyLabel')}</label>
<p class="hint" id="body-hint">${st('staff.templateBodyHint')}</p>
${error ? html`<p class="error" id="body-error">${error}</p>` : ''}
<textarea id="body" name="body" rows="14" aria-describedby="body-hint placeholders-title${error ? ' body-error' : ''}"${error ? html` aria-invalid="true"` : ''}>${m.body}</textarea>
</div>
<div class="actions">
<button type="submit" name="action" value="preview" class="button">${st('staff.templatePreview')}</button>
<button type="submit" name="action" value="save" class="button button-primary">${st('staff.save')}</button>
<a class="button button-quiet" href="${messagesPath(m.office.slug)}">${st('staff.backToList')}</a>
</div>
</form>
${m.preview
    ? html`<section class="card stack" aria-labelledby="preview-title" id="preview">
<h2 id="preview-title">${st('staff.templatePreviewTitle')}</h2>
<p class="hint">${st('staff.templatePreviewHint')}</p>
<p><strong>${st('staff.templateSubject')}</strong> <span data-preview-subject>${m.preview.subject}</span></p>
<pre class="message-preview" data-preview>${m.preview.text}</pre>
</section>`
    : ''}
<section class="card stack" aria-labelledby="placeholders-title">
<h2 id="placeholders-title">${st('staff.placeholdersTitle')}</h2>
<dl class="placeholders">${m.placeholders.map((p) => html`<dt><code>{${p}}</code></dt><dd>${st(PLACEHOLDER_HINTS[p])}</dd>`)}</dl>
</section>
${m.edited ? html`<section class="card stack"><p>${st('staff.templateResetHint')}</p>${buttonForm(`${path}/reset`, m.viewer.csrf, st('staff.templateReset'), {}, { warn: true })}</section>` : ''}`;
  return adminPage(m, 'messages', title, body);
}
