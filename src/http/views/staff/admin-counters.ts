import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, type AdminFrame, adminNotice, adminPage, buttonForm, checkField, textField } from './admin-forms.js';
import { csrfField } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** A counter as the admin list shows it. */
export interface CounterLine {
  number: number;
  name: string;
  active: boolean;
  /** Codes of the services it calls; empty for every service. */
  services: string[];
}

/** What a counter form holds, as typed or as stored. */
export interface CounterValues {
  number: string;
  name: string;
  active: boolean;
  services: string[];
}

/** A service to tick on a counter form. */
export interface ServiceOption {
  code: string;
  name: string;
  active: boolean;
}

/** The base path of an office's counter pages. */
export function countersPath(slug: string): string {
  return `/staff/admin/counters/${slug}`;
}

function counterFields(v: CounterValues, services: ServiceOption[], e: AdminFormErrors['fields'], creating: boolean): SafeHtml {
  return html`<div class="two-col">
${creating ? textField('number', st('staff.numberLabel'), v.number, e.number, { hint: st('staff.numberHint'), maxlength: 3 }) : ''}
${textField('name', st('staff.counterNameLabel'), v.name, e.name, { maxlength: 60 })}
</div>
<fieldset class="field${e.services ? ' has-error' : ''}" aria-describedby="services-hint">
<legend>${st('staff.servicesLegend')}</legend>
<p class="hint" id="services-hint">${st('staff.servicesHint')}</p>
${e.services ? html`<p class="error">${e.services}</p>` : ''}
<div class="chips">${services.map(
    (s) => html`<label class="chip"><input type="checkbox" name="services" value="${s.code}"${v.services.includes(s.code) ? ' checked' : ''}> <span>${s.name}${s.active ? '' : html` (${st('staff.statusOff')})`}</span></label>`,
  )}</div>
</fieldset>
${checkField('active', st('staff.counterActiveLabel'), v.active)}`;
}

/** Everything the counters list shows. */
export interface CountersModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  counters: CounterLine[];
  services: ServiceOption[];
  done?: string | undefined;
  values?: CounterValues | undefined;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/counters/:slug`: every counter with what it calls, and the add form. */
export function countersPage(m: CountersModel): SafeHtml {
  const base = countersPath(m.office.slug);
  const csrf = m.viewer.csrf;
  const nameOf = new Map(m.services.map((s) => [s.code, s.name]));
  const rows = m.counters.map(
    (c) => html`<tr data-counter="${c.number}"${c.active ? '' : html` class="row-off"`}>
<td class="num">${c.number}</td>
<td>${c.name}</td>
<td>${c.services.length ? c.services.map((code) => nameOf.get(code) ?? code).join(', ') : html`<span class="muted">${st('staff.allServices')}</span>`}</td>
<td>${c.active ? st('staff.statusOn') : html`<strong>${st('staff.statusOff')}</strong>`}</td>
<td><div class="row-actions">
<a class="button" href="${base}/${c.number}/edit" aria-label="${st('staff.edit')} ${c.name}">${st('staff.edit')}</a>
${buttonForm(`${base}/${c.number}/active`, csrf, c.active ? st('staff.turnOff') : st('staff.turnOn'), { active: c.active ? 'off' : 'on' }, { warn: c.active, accessibleLabel: `${c.active ? st('staff.turnOff') : st('staff.turnOn')} ${c.name}` })}
</div></td>
</tr>`,
  );
  const next = String(Math.max(0, ...m.counters.map((c) => c.number)) + 1);
  const body = html`<h1>${st('staff.countersTitle')}</h1>
<p class="lead">${st('staff.countersLead')}</p>
${adminNotice(m.done, m.errors)}
<table class="results admin-table">
<thead><tr><th scope="col">${st('staff.colNumber')}</th><th scope="col">${st('staff.colCounterName')}</th><th scope="col">${st('staff.colServices')}</th><th scope="col">${st('staff.colActive')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<section class="card stack" aria-labelledby="add-title">
<h2 id="add-title">${st('staff.counterAddTitle')}</h2>
<form method="post" action="${base}" class="stack" novalidate>
${csrfField(csrf)}
${counterFields(m.values ?? { number: next, name: `Loket ${next}`, active: true, services: [] }, m.services, m.errors?.fields ?? {}, true)}
<button type="submit" class="button button-primary">${st('staff.counterAddTitle')}</button>
</form>
</section>`;
  return adminPage(m, 'counters', st('staff.countersTitle'), body);
}

/** Everything the counter edit page shows. */
export interface CounterEditModel extends AdminFrame {
  office: NonNullable<AdminFrame['office']>;
  number: number;
  values: CounterValues;
  services: ServiceOption[];
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/counters/:slug/:number/edit`: name, services, on/off. */
export function counterEditPage(m: CounterEditModel): SafeHtml {
  const base = countersPath(m.office.slug);
  const title = st('staff.counterEditTitle', { n: m.number });
  const body = html`<h1>${title}</h1>
${adminNotice(undefined, m.errors)}
<form method="post" action="${base}/${m.number}" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
${counterFields(m.values, m.services, m.errors?.fields ?? {}, false)}
<div class="actions"><button type="submit" class="button button-primary">${st('staff.save')}</button> <a class="button button-quiet" href="${base}">${st('staff.backToList')}</a></div>
</form>`;
  return adminPage(m, 'counters', title, body);
}
