import { html, type SafeHtml } from '../html.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** Problems of an admin form: words per field, and one for the whole form. */
export interface AdminFormErrors {
  fields: Partial<Record<string, string>>;
  form?: string | undefined;
}

/** An office an admin may manage, for the office switch. */
export interface AdminOffice {
  slug: string;
  name: string;
}

type AdminTab = 'services' | 'counters' | 'messages' | 'staff';

const TABS: { tab: AdminTab; label: 'staff.navServices' | 'staff.navCounters' | 'staff.navMessages' | 'staff.navStaff'; path: (slug: string | null) => string }[] = [
  { tab: 'services', label: 'staff.navServices', path: (s) => (s ? `/staff/admin/services/${s}` : '/staff/admin/services') },
  { tab: 'counters', label: 'staff.navCounters', path: (s) => (s ? `/staff/admin/counters/${s}` : '/staff/admin/counters') },
  { tab: 'messages', label: 'staff.navMessages', path: (s) => (s ? `/staff/admin/messages/${s}` : '/staff/admin/messages') },
  { tab: 'staff', label: 'staff.navStaff', path: () => '/staff/admin/staff' },
];

/** What every admin page shows around its content. */
export interface AdminFrame {
  viewer: PageViewer;
  /** The office the page works on; null for pages about every office (staff). */
  office: AdminOffice | null;
  /** The offices the viewer manages, to switch between when there are several. */
  offices: AdminOffice[];
}

function adminNav(f: AdminFrame, current: AdminTab): SafeHtml {
  const slug = f.office?.slug ?? null;
  return html`<nav class="tabs" aria-label="${st('staff.adminNav')}"><ul>${TABS.map(
    (t) => html`<li><a href="${t.path(slug)}"${t.tab === current ? html` aria-current="page"` : ''}>${st(t.label)}</a></li>`,
  )}</ul></nav>`;
}

function officeSwitch(f: AdminFrame, tab: AdminTab): SafeHtml {
  if (!f.office || f.offices.length < 2) return html``;
  const path = TABS.find((t) => t.tab === tab)!.path;
  return html`<p class="muted">${st('staff.officeSwitch')} ${f.offices
    .filter((o) => o.slug !== f.office?.slug)
    .map((o, i) => html`${i ? ' · ' : ''}<a href="${path(o.slug)}">${o.name}</a>`)}</p>`;
}

/** An admin page: the admin tabs under the header, the office named, a switch to the others. */
export function adminPage(f: AdminFrame, tab: AdminTab, title: string, body: SafeHtml): SafeHtml {
  return staffPage({
    title,
    viewer: f.viewer,
    officeName: f.office?.name,
    nav: adminNav(f, tab),
    body: html`<div class="page admin">${officeSwitch(f, tab)}${body}</div>`,
  });
}

/** The notice of a done action or of a refused form, above the page's content. */
export function adminNotice(done: string | undefined, errors: AdminFormErrors | undefined): SafeHtml {
  if (done) return notice('ok', done);
  if (!errors) return html``;
  const hasFields = Object.values(errors.fields).some((x) => x !== undefined);
  if (!errors.form && !hasFields) return html``;
  return notice('problem', errors.form ?? st('staff.formProblems'));
}

function described(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

function fieldTop(id: string, label: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`<label for="${id}">${label}</label>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}`;
}

/** A one-line text field with its label, hint and error. */
export function textField(id: string, label: string, value: string, error: string | undefined, opts: { hint?: string; maxlength?: number; type?: string; autocomplete?: string; required?: boolean } = {}): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
${fieldTop(id, label, opts.hint, error)}
<input id="${id}" name="${id}" type="${opts.type ?? 'text'}" value="${value}" maxlength="${opts.maxlength ?? 200}" autocomplete="${opts.autocomplete ?? 'off'}" spellcheck="false"${opts.required === false ? '' : ' required'}${described(id, opts.hint, error)}>
</div>`;
}

/** A several-line text field: one item per line. */
export function linesField(id: string, label: string, lines: readonly string[], error: string | undefined, hint?: string): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
${fieldTop(id, label, hint, error)}
<textarea id="${id}" name="${id}" rows="5"${described(id, hint, error)}>${lines.join('\n')}</textarea>
</div>`;
}

/** A checkbox sent as `on` when ticked. */
export function checkField(id: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="field check"><label class="chip"><input type="checkbox" id="${id}" name="${id}" value="on"${checked ? ' checked' : ''}> <span>${label}</span></label></div>`;
}

/** A choice of one among a few. */
export function selectField(id: string, label: string, options: { value: string; label: string }[], selected: string, error: string | undefined): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
${fieldTop(id, label, undefined, error)}
<select id="${id}" name="${id}"${described(id, undefined, error)}>${options.map((o) => html`<option value="${o.value}"${o.value === selected ? ' selected' : ''}>${o.label}</option>`)}</select>
</div>`;
}

/** A form of one button that posts `fields`: on/off, move, disable, without any script. */
export function buttonForm(action: string, csrf: string, label: string, fields: Record<string, string> = {}, opts: { accessibleLabel?: string; warn?: boolean } = {}): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">
${csrfField(csrf)}${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<button type="submit" class="button${opts.warn ? ' button-warn' : ''}"${opts.accessibleLabel ? html` aria-label="${opts.accessibleLabel}"` : ''}>${label}</button>
</form>`;
}
