import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, type AdminFrame, adminNotice, adminPage, buttonForm, checkField, linesField, textField } from './admin-forms.js';
import { csrfField } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** A service as the admin list shows it. */
export interface ServiceLine {
  code: string;
  nameId: string;
  nameEn: string;
  documentsId: string[];
  documentsEn: string[];
  /** Who may use the service: a condition, not a document; empty for none. */
  eligibilityId: string;
  eligibilityEn: string;
  needsPresence: boolean;
  active: boolean;
}

/** What a service form holds, as typed or as stored. */
export type ServiceValues = Omit<ServiceLine, 'code'> & { code: string };

/** The base path of an office's service pages. */
export function servicesPath(slug: string): string {
  return `/staff/admin/services/${slug}`;
}

/** An empty service form: bookable, not needing the person. */
export const NEW_SERVICE: ServiceValues = { code: '', nameId: '', nameEn: '', documentsId: [], documentsEn: [], eligibilityId: '', eligibilityEn: '', needsPresence: false, active: true };

function serviceFields(v: ServiceValues, e: AdminFormErrors['fields'], creating: boolean): SafeHtml {
  return html`${creating ? textField('code', st('staff.codeLabel'), v.code, e.code, { hint: st('staff.codeHint'), maxlength: 32 }) : ''}
<div class="two-col">
${textField('nameId', st('staff.nameIdLabel'), v.nameId, e.nameId, { maxlength: 120 })}
${textField('nameEn', st('staff.nameEnLabel'), v.nameEn, e.nameEn, { maxlength: 120 })}
${linesField('documentsId', st('staff.documentsIdLabel'), v.documentsId, e.documentsId, st('staff.documentsHint'))}
${linesField('documentsEn', st('staff.documentsEnLabel'), v.documentsEn, e.documentsEn)}
${textField('eligibilityId', st('staff.eligibilityIdLabel'), v.eligibilityId, e.eligibilityId, { hint: st('staff.eligibilityHint'), maxlength: 300, required: false })}
${textField('eligibilityEn', st('staff.eligibilityEnLabel'), v.eligibilityEn, e.eligibilityEn, { maxlength: 300, required: false })}
</div>
${checkField('needsPresence', st('staff.needsPresenceLabel'), v.needsPresence)}
${checkField('active', st('staff.serviceActiveLabel'), v.active)}`;
}

/** Everything the services list shows. */
export interface ServicesModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  services: ServiceLine[];
  /** What was just done, in words. */
  done?: string | undefined;
  /** The add form as typed, after a refusal. */
  values?: ServiceValues | undefined;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/services/:slug`: the office's services in their order, each with its actions, and the add form. */
export function servicesPage(m: ServicesModel): SafeHtml {
  const base = servicesPath(m.office.slug);
  const csrf = m.viewer.csrf;
  const last = m.services.length - 1;
  const rows = m.services.map(
    (s, i) => html`<tr data-service="${s.code}"${s.active ? '' : html` class="row-off"`}>
<td class="num">${i + 1}</td>
<td><span class="code">${s.code}</span></td>
<td>${s.nameId}</td>
<td lang="en">${s.nameEn}</td>
<td>${s.needsPresence ? st('staff.yes') : st('staff.no')}</td>
<td>${s.active ? st('staff.statusOn') : html`<strong>${st('staff.statusOff')}</strong>`}</td>
<td><div class="row-actions">
${i > 0 ? buttonForm(`${base}/${s.code}/move`, csrf, '↑', { direction: 'up' }, { accessibleLabel: st('staff.moveUp', { code: s.code }) }) : ''}
${i < last ? buttonForm(`${base}/${s.code}/move`, csrf, '↓', { direction: 'down' }, { accessibleLabel: st('staff.moveDown', { code: s.code }) }) : ''}
<a class="button" href="${base}/${s.code}/edit" aria-label="${st('staff.edit')} ${s.code}">${st('staff.edit')}</a>
${buttonForm(`${base}/${s.code}/active`, csrf, s.active ? st('staff.turnOff') : st('staff.turnOn'), { active: s.active ? 'off' : 'on' }, { warn: s.active, accessibleLabel: `${s.active ? st('staff.turnOff') : st('staff.turnOn')} ${s.code}` })}
</div></td>
</tr>`,
  );
  const body = html`<h1>${st('staff.servicesTitle')}</h1>
<p class="lead">${st('staff.servicesLead')}</p>
${adminNotice(m.done, m.errors)}
<table class="results admin-table">
<thead><tr><th scope="col">${st('staff.colOrder')}</th><th scope="col">${st('staff.colCode')}</th><th scope="col">${st('staff.colNameId')}</th><th scope="col">${st('staff.colNameEn')}</th><th scope="col">${st('staff.colPresence')}</th><th scope="col">${st('staff.colActive')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<section class="card stack" aria-labelledby="add-title">
<h2 id="add-title">${st('staff.serviceAddTitle')}</h2>
<form method="post" action="${base}" class="stack" novalidate>
${csrfField(csrf)}
${serviceFields(m.values ?? NEW_SERVICE, m.errors?.fields ?? {}, true)}
<button type="submit" class="button button-primary">${st('staff.serviceAddTitle')}</button>
</form>
</section>`;
  return adminPage(m, 'services', st('staff.servicesTitle'), body);
}

/** Everything the service edit page shows. */
export interface ServiceEditModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  values: ServiceValues;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/services/:slug/:code/edit`: names, documents, presence rule, on/off. */
export function serviceEditPage(m: ServiceEditModel): SafeHtml {
  const base = servicesPath(m.office.slug);
  const title = st('staff.serviceEditTitle', { code: m.values.code });
  const body = html`<h1>${title}</h1>
${adminNotice(undefined, m.errors)}
<form method="post" action="${base}/${m.values.code}" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
${serviceFields(m.values, m.errors?.fields ?? {}, false)}
<div class="actions"><button type="submit" class="button button-primary">${st('staff.save')}</button> <a class="button button-quiet" href="${base}">${st('staff.backToList')}</a></div>
</form>`;
  return adminPage(m, 'services', title, body);
}
