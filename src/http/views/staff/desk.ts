import type { DayAvailability } from '../../../domain/availability.js';
import { PRIORITY_GROUPS } from '../../../domain/queue-order.js';
import type { presentTicket } from '../../presenters/ticket.js';
import { closureReason } from '../../presenters/availability.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { formatDate, formatShortDate, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { errorText, priorityText, statusText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** A booking as the desk sees it: the API's ticket view, NIK and phone masked. */
export type DeskTicket = ReturnType<typeof presentTicket>;

/** The office a desk page works on. */
export interface DeskOffice {
  slug: string;
  name: string;
  timezone: string;
}

type DeskTab = 'check-in' | 'walk-in' | 'book' | 'search';

/** What every desk page has: who, where, and the section it shows. */
interface DeskFrame {
  viewer: PageViewer;
  office: DeskOffice;
}

const TABS: { tab: DeskTab; path: string; label: 'staff.navCheckIn' | 'staff.navWalkIn' | 'staff.navAssisted' | 'staff.navSearch' }[] = [
  { tab: 'check-in', path: '', label: 'staff.navCheckIn' },
  { tab: 'walk-in', path: '/walk-in', label: 'staff.navWalkIn' },
  { tab: 'book', path: '/book', label: 'staff.navAssisted' },
  { tab: 'search', path: '/search', label: 'staff.navSearch' },
];

/** The base path of an office's desk pages. */
export function deskPath(slug: string): string {
  return `/staff/desk/${slug}`;
}

function deskNav(slug: string, current: DeskTab): SafeHtml {
  return html`<nav class="tabs" aria-label="${st('staff.deskTitle')}"><ul>${TABS.map(
    (t) => html`<li><a href="${deskPath(slug)}${t.path}"${t.tab === current ? html` aria-current="page"` : ''}>${st(t.label)}</a></li>`,
  )}</ul></nav>`;
}

function deskPage(f: DeskFrame, tab: DeskTab, title: string, body: SafeHtml, scripts: string[] = ['staff-desk.js']): SafeHtml {
  return staffPage({ title, viewer: f.viewer, officeName: f.office.name, nav: deskNav(f.office.slug, tab), body, scripts });
}

/** One line about a booking: number, name, when and what for. */
function ticketSummary(tk: DeskTicket): SafeHtml {
  return html`<p class="ticket-line"><span class="qn">${tk.queueNumber}</span> <span>${tk.name}</span></p>
<p class="muted">${tk.when} · ${tk.serviceName} · ${statusText(STAFF_LANG, tk.status)}${tk.priority ? html` · <strong>${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}</p>`;
}

/** Why a check-in was refused, with what the desk may do about it. */
export interface CheckInProblem {
  title: string;
  detail?: string | undefined;
  /** The booking the code named, when there is one. */
  ticket?: DeskTicket | undefined;
  /** Outside the window: the desk may check in anyway with a stated reason. */
  canOverride?: boolean;
  /** The override reason was missing or too long. */
  reasonError?: string | undefined;
}

/** Everything the check-in page shows. */
export interface CheckInModel extends DeskFrame {
  /** The code in the scan field: given back after a refusal, or a search's "check in" link. */
  code: string;
  priority: string | null;
  overrideReason: string;
  /** The booking just checked in. */
  checkedIn?: DeskTicket | undefined;
  /** The skipped ticket just put back in line. */
  requeued?: DeskTicket | undefined;
  problem?: CheckInProblem | undefined;
  skipped: DeskTicket[];
}

function priorityChoices(selected: string | null): SafeHtml {
  const options: { value: string; label: string }[] = [{ value: '', label: st('staff.priorityNone') }, ...PRIORITY_GROUPS.map((g) => ({ value: g, label: priorityText(STAFF_LANG, g) }))];
  return html`<fieldset class="priority">
<legend>${st('staff.priorityLegend')}</legend>
<div class="chips">${options.map(
    (o) => html`<label class="chip"><input type="radio" name="priority" value="${o.value}"${(selected ?? '') === o.value ? ' checked' : ''}> <span>${o.label}</span></label>`,
  )}</div>
</fieldset>`;
}

/** The same for a ticket of today, whose date goes without saying. */
function todaySummary(tk: DeskTicket): SafeHtml {
  return html`<p class="ticket-line"><span class="qn">${tk.queueNumber}</span> <span>${tk.name}</span></p>
<p class="muted">${formatTime(tk.session.start, STAFF_LANG)}–${formatTime(tk.session.end, STAFF_LANG)} · ${tk.serviceName}</p>`;
}

function requeueForm(f: DeskFrame, tk: DeskTicket): SafeHtml {
  if (tk.status !== 'skipped') return html``;
  if (tk.requeued) return html`<span class="muted">${st('staff.requeuedOnce')}</span>`;
  return html`<form method="post" action="${deskPath(f.office.slug)}/requeue" class="inline">
${csrfField(f.viewer.csrf)}<input type="hidden" name="code" value="${tk.code}">
<button type="submit" class="button">${st('staff.requeue')}</button>
</form>`;
}

/**
 * `/staff/desk/:slug`: the scan field first and focused, so a USB scanner (which types the code
 * and Enter) checks a person in without a click; priority next to it; then today's skipped.
 */
export function checkInPage(m: CheckInModel): SafeHtml {
  const p = m.problem;
  const override = !!p?.canOverride;
  const result = m.checkedIn
    ? notice('ok', st('staff.checkedIn', { queue: m.checkedIn.queueNumber }), html`<p>${st('staff.checkedInHelp', { name: m.checkedIn.name, service: m.checkedIn.serviceName })}</p>${m.checkedIn.priority ? html`<p><strong>${st('staff.priorityMarked', { priority: priorityText(STAFF_LANG, m.checkedIn.priority) })}</strong></p>` : ''}`, m.checkedIn.queueNumber)
    : m.requeued
      ? notice('ok', st('staff.requeued', { queue: m.requeued.queueNumber }), ticketSummary(m.requeued), m.requeued.queueNumber)
      : p
        ? notice('problem', p.title, html`${p.detail ? html`<p>${p.detail}</p>` : ''}${p.ticket ? ticketSummary(p.ticket) : ''}`)
        : html``;
  const body = html`<div class="page desk-grid">
<section class="desk-main" aria-labelledby="checkin-title">
<h1 id="checkin-title">${st('staff.navCheckIn')}</h1>
${result}
<form method="post" action="${deskPath(m.office.slug)}/check-in" class="card stack" data-checkin novalidate>
${csrfField(m.viewer.csrf)}
<div class="field">
<label for="code">${st('staff.scanLabel')}</label>
<p class="hint" id="code-hint">${st('staff.scanHint')}</p>
<div class="scan-row">
<input id="code" name="code" class="input-scan" type="text" value="${m.code}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="200" required aria-describedby="code-hint"${override ? html` readonly` : html` autofocus`}>
<button type="button" class="button" data-camera data-stop-label="${st('staff.cameraStop')}" hidden>${st('staff.cameraStart')}</button>
</div>
<div class="camera" data-camera-box hidden><video data-camera-view muted playsinline></video><p class="hint" data-camera-problem hidden>${st('staff.cameraFailed')}</p></div>
</div>
${priorityChoices(m.priority)}
${override ? html`<input type="hidden" name="override" value="1">
<div class="field${p?.reasonError ? ' has-error' : ''}">
<label for="overrideReason">${st('staff.overrideLabel')}</label>
<p class="hint" id="override-hint">${st('staff.overrideHint')}</p>
${p?.reasonError ? html`<p class="error" id="override-error">${p.reasonError}</p>` : ''}
<input id="overrideReason" name="overrideReason" type="text" value="${m.overrideReason}" maxlength="200" required autofocus aria-describedby="override-hint${p?.reasonError ? ' override-error' : ''}"${p?.reasonError ? html` aria-invalid="true"` : ''}>
</div>` : ''}
<div class="actions">
<button type="submit" class="button button-primary button-big">${override ? st('staff.overrideSubmit') : st('staff.checkInSubmit')}</button>
${override ? html`<a class="button button-quiet" href="${deskPath(m.office.slug)}">${st('staff.cancel')}</a>` : ''}
</div>
</form>
</section>
<aside class="desk-side">
<section class="card" aria-labelledby="skipped-title">
<h2 id="skipped-title">${st('staff.skippedTitle')}</h2>
<p class="hint">${st('staff.skippedHelp')}</p>
${m.skipped.length
    ? html`<ul class="plain-list">${m.skipped.map((tk) => html`<li class="skipped-row"><div>${todaySummary(tk)}</div>${requeueForm(m, tk)}</li>`)}</ul>`
    : html`<p class="muted">${st('staff.noneSkipped')}</p>`}
</section>
<section class="card" aria-labelledby="quick-search-title">
<h2 id="quick-search-title">${st('staff.quickSearch')}</h2>
${searchForm(m.office.slug, '')}
</section>
</aside>
</div>`;
  return deskPage(m, 'check-in', st('staff.navCheckIn'), body);
}

/** A person's details as typed into a desk form, given back on a re-render. */
export interface PersonValues {
  nik: string;
  name: string;
  phone: string;
  /** Optional; absent on forms rendered before anything was typed. */
  email?: string;
  service: string;
}

/** A service the desk may book. */
export interface ServiceChoice {
  code: string;
  name: string;
}

/** Problems of a desk form: per field, and one for the whole form. */
export interface DeskFormErrors {
  fields: Partial<Record<string, string>>;
  form?: string | undefined;
}

function textInput(id: string, label: string, value: string, error: string | undefined, extra: { hint?: string; inputmode?: string; autocomplete?: string; autofocus?: boolean; maxlength?: number; optional?: boolean; type?: 'text' | 'email' } = {}): SafeHtml {
  const describedBy = [extra.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${extra.hint ? html`<p class="hint" id="${id}-hint">${extra.hint}</p>` : ''}
${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
<input id="${id}" name="${id}" type="${extra.type ?? 'text'}" value="${value}" maxlength="${extra.maxlength ?? 100}" autocomplete="${extra.autocomplete ?? 'off'}" spellcheck="false"${extra.optional ? '' : ' required'}${extra.inputmode ? html` inputmode="${extra.inputmode}"` : ''}${extra.autofocus ? ' autofocus' : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

function personFields(v: PersonValues, services: ServiceChoice[], errors: DeskFormErrors | undefined): SafeHtml {
  const e = errors?.fields ?? {};
  const firstBad = ['nik', 'name', 'phone', 'email', 'service', 'slot'].find((f) => e[f] !== undefined);
  return html`<div class="two-col">
${textInput('nik', st('staff.nikLabel'), v.nik, e.nik, { hint: st('staff.nikHint'), inputmode: 'numeric', maxlength: 40, autofocus: !firstBad || firstBad === 'nik' })}
${textInput('name', st('staff.nameLabel'), v.name, e.name, { maxlength: 120, autofocus: firstBad === 'name' })}
${textInput('phone', st('staff.phoneLabel'), v.phone, e.phone, { hint: st('staff.phoneHint'), inputmode: 'tel', maxlength: 40, autofocus: firstBad === 'phone' })}
${textInput('email', st('staff.emailLabel'), v.email ?? '', e.email, { inputmode: 'email', type: 'email', maxlength: 254, optional: true, autofocus: firstBad === 'email' })}
<div class="field${e.service ? ' has-error' : ''}">
<label for="service">${st('staff.serviceLabel')}</label>
${e.service ? html`<p class="error" id="service-error">${e.service}</p>` : ''}
<select id="service" name="service" required${e.service ? html` aria-invalid="true" aria-describedby="service-error"` : ''}${firstBad === 'service' ? ' autofocus' : ''}>
<option value="">${st('staff.servicePlaceholder')}</option>
${services.map((s) => html`<option value="${s.code}"${s.code === v.service ? ' selected' : ''}>${s.name}</option>`)}
</select>
</div>
</div>`;
}

function formProblem(errors: DeskFormErrors | undefined): SafeHtml {
  if (!errors) return html``;
  const hasFields = Object.values(errors.fields).some((x) => x !== undefined);
  if (!errors.form && !hasFields) return html``;
  return notice('problem', errors.form ?? st('staff.formProblems'));
}

/** Everything the walk-in form shows. */
export interface WalkInModel extends DeskFrame {
  services: ServiceChoice[];
  values: PersonValues;
  /** The day a walk-in would be booked into now; null when no open day has places. */
  nextDate: string | null;
  errors?: DeskFormErrors | undefined;
}

/** `/staff/desk/:slug/walk-in`: someone without a booking leaves with a receipt for the next open day. */
export function walkInPage(m: WalkInModel): SafeHtml {
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.walkInTitle')}</h1>
${m.nextDate
    ? html`<p class="target">${st('staff.walkInGoesTo')} <strong data-walk-in-date>${formatDate(m.nextDate, STAFF_LANG)}</strong></p><p class="lead">${st('staff.walkInLead')}</p>`
    : notice('problem', errorText(STAFF_LANG, 'NO_OPEN_DAY'))}
${formProblem(m.errors)}
<form method="post" action="${deskPath(m.office.slug)}/walk-in" class="card stack" novalidate data-once>
${csrfField(m.viewer.csrf)}
${personFields(m.values, m.services, m.errors)}
<button type="submit" class="button button-primary button-big">${st('staff.walkInSubmit')}</button>
</form>
</div>`;
  return deskPage(m, 'walk-in', st('staff.navWalkIn'), body);
}

/** Everything the assisted booking form shows. */
export interface AssistedModel extends DeskFrame {
  services: ServiceChoice[];
  days: readonly DayAvailability[];
  values: PersonValues & { slot: string };
  errors?: DeskFormErrors | undefined;
}

/** Value of a slot option: `DATE|SESSIONID`. */
export function slotOptionValue(date: string, sessionId: number): string {
  return `${date}|${sessionId}`;
}

function slotSelect(m: AssistedModel): SafeHtml {
  const e = m.errors?.fields.slot;
  const zone = zoneAbbreviation(m.office.timezone);
  const groups = m.days.map((d) => {
    if (!d.open) {
      const reason = d.closure ? closureReason(d.closure, STAFF_LANG) : '';
      return html`<optgroup label="${formatDate(d.date, STAFF_LANG)} · ${reason}"></optgroup>`;
    }
    return html`<optgroup label="${formatDate(d.date, STAFF_LANG)}">${d.sessions.map((s) => {
      // The collapsed select shows only the option, not its group: the day goes in each option.
      const time = `${formatShortDate(d.date, STAFF_LANG)} · ${formatTime(s.start, STAFF_LANG)}–${formatTime(s.end, STAFF_LANG)} ${zone}`;
      const value = slotOptionValue(d.date, s.id);
      return html`<option value="${value}"${s.bookable ? '' : ' disabled'}${value === m.values.slot ? ' selected' : ''}>${s.bookable ? st('staff.slotOption', { time, n: s.remaining }) : st('staff.slotFull', { time })}</option>`;
    })}</optgroup>`;
  });
  return html`<div class="field${e ? ' has-error' : ''}">
<label for="slot">${st('staff.slotLabel')}</label>
${e ? html`<p class="error" id="slot-error">${e}</p>` : ''}
<select id="slot" name="slot" required size="1"${e ? html` aria-invalid="true" aria-describedby="slot-error"` : ''}>
<option value="">${st('staff.slotPlaceholder')}</option>
${groups}
</select>
</div>`;
}

/** `/staff/desk/:slug/book`: the desk books any open day and session for someone without a phone. */
export function assistedPage(m: AssistedModel): SafeHtml {
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.assistedTitle')}</h1>
<p class="lead">${st('staff.assistedLead')}</p>
${formProblem(m.errors)}
<form method="post" action="${deskPath(m.office.slug)}/book" class="card stack" novalidate data-once>
${csrfField(m.viewer.csrf)}
${personFields(m.values, m.services, m.errors)}
${slotSelect(m)}
<button type="submit" class="button button-primary button-big">${st('staff.assistedSubmit')}</button>
</form>
</div>`;
  return deskPage(m, 'book', st('staff.navAssisted'), body);
}

function searchForm(slug: string, q: string, autofocus = false): SafeHtml {
  return html`<form method="get" action="${deskPath(slug)}/search" class="search-row" role="search">
<label for="q${autofocus ? '' : '-quick'}" class="vh">${st('staff.searchLabel')}</label>
<input id="q${autofocus ? '' : '-quick'}" name="q" type="search" value="${q}" placeholder="${st('staff.searchLabel')}" maxlength="100" autocomplete="off" spellcheck="false"${autofocus ? ' autofocus' : ''}>
<button type="submit" class="button">${st('staff.searchSubmit')}</button>
</form>`;
}

/** Everything the search page shows. */
export interface SearchModel extends DeskFrame {
  q: string;
  /** Null before a search. */
  results: DeskTicket[] | null;
  problem?: string | undefined;
  today: string;
}

/** `/staff/desk/:slug/search`: by code, NIK or name, each row with what the desk can do next. */
export function searchPage(m: SearchModel): SafeHtml {
  const actions = (tk: DeskTicket): SafeHtml => html`<div class="row-actions">
${tk.status === 'booked' && tk.date === m.today ? html`<a class="button button-primary" href="${deskPath(m.office.slug)}?code=${tk.code}">${st('staff.checkInThis')}</a>` : ''}
${requeueForm(m, tk)}
<a class="button" href="${deskPath(m.office.slug)}/receipt/${tk.code}">${st('staff.receiptLink')}</a>
</div>`;
  const results = m.results === null
    ? html``
    : m.results.length === 0
      ? html`<p class="lead">${st('staff.searchNone', { q: m.q })}</p>`
      : html`<table class="results">
<thead><tr><th scope="col">${st('staff.colQueue')}</th><th scope="col">${st('staff.colName')}</th><th scope="col">${st('staff.colWhen')}</th><th scope="col">${st('staff.colService')}</th><th scope="col">${st('staff.colStatus')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${m.results.map(
          (tk) => html`<tr><td class="qn">${tk.queueNumber}<br><span class="code">${tk.displayCode}</span></td><td>${tk.name}<br><span class="muted">${tk.nikMasked}</span></td><td>${tk.when}</td><td>${tk.serviceName}</td><td>${statusText(STAFF_LANG, tk.status)}${tk.priority ? html`<br><strong>${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}</td><td>${actions(tk)}</td></tr>`,
        )}</tbody>
</table>`;
  const body = html`<div class="page">
<h1>${st('staff.searchTitle')}</h1>
${searchForm(m.office.slug, m.q, true)}
${m.problem ? html`<p class="error">${m.problem}</p>` : ''}
${results}
</div>`;
  return deskPage(m, 'search', st('staff.searchTitle'), body);
}
