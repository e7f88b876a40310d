import type { DayAvailability } from '../../../domain/availability.js';
import { DAY_GROUPS, type DayCounts, type DayGroup } from '../../../domain/day-list.js';
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

type DeskTab = 'check-in' | 'today' | 'walk-in' | 'book' | 'search';

/** What every desk page has: who, where, and the section it shows. */
interface DeskFrame {
  viewer: PageViewer;
  office: DeskOffice;
}

const TABS: { tab: DeskTab; path: string; label: 'staff.navCheckIn' | 'staff.navToday' | 'staff.navWalkIn' | 'staff.navAssisted' | 'staff.navSearch' }[] = [
  { tab: 'check-in', path: '', label: 'staff.navCheckIn' },
  { tab: 'today', path: '/today', label: 'staff.navToday' },
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
  /** A priority just marked after check-in. */
  prioritized?: DeskTicket | undefined;
  /** The early person whose reason was asked when the next code was scanned: not checked in. */
  leftBehind?: DeskTicket | undefined;
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

/**
 * Priority seen only after the scan (the person sat down, then the desk saw the walking
 * stick): one press per group, recorded with the clerk.
 */
function priorityAfterForm(f: DeskFrame, tk: DeskTicket): SafeHtml {
  if (tk.status !== 'checked_in') return html``;
  return html`<form method="post" action="${deskPath(f.office.slug)}/booking/${tk.code}/priority" class="priority-after" data-priority-after>
${csrfField(f.viewer.csrf)}<input type="hidden" name="back" value="desk">
<p class="hint">${st('staff.priorityAfterHint')}</p>
<div class="chips">${PRIORITY_GROUPS.map((g) => html`<button type="submit" class="button" name="priority" value="${g}">${priorityText(STAFF_LANG, g)}</button>`)}</div>
</form>`;
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
  const left = m.leftBehind ? html`<p class="left-behind" data-left-behind><strong>${st('staff.leftBehind', { queue: m.leftBehind.queueNumber })}</strong></p>` : '';
  const result = m.checkedIn
    ? notice(
        'ok',
        st('staff.checkedIn', { queue: m.checkedIn.queueNumber }),
        html`<p>${st('staff.checkedInHelp', { name: m.checkedIn.name, service: m.checkedIn.serviceName })}</p>${m.checkedIn.callFrom ? html`<p data-call-from>${st('staff.calledFrom', { time: formatTime(m.checkedIn.callFrom, STAFF_LANG), zone: zoneAbbreviation(m.office.timezone) })}</p>` : ''}${m.checkedIn.priority ? html`<p><strong>${st('staff.priorityMarked', { priority: priorityText(STAFF_LANG, m.checkedIn.priority) })}</strong></p>` : priorityAfterForm(m, m.checkedIn)}${left}`,
        m.checkedIn.queueNumber,
      )
    : m.prioritized
      ? notice('ok', st('staff.priorityDone', { queue: m.prioritized.queueNumber }), html`<p><strong>${m.prioritized.priority ? st('staff.priorityMarked', { priority: priorityText(STAFF_LANG, m.prioritized.priority) }) : st('staff.priorityRemoved')}</strong></p>`, m.prioritized.queueNumber)
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
${textInput('phone', st('staff.phoneOptionalLabel'), v.phone, e.phone, { hint: st('staff.phoneOptionalHint'), inputmode: 'tel', maxlength: 40, autofocus: firstBad === 'phone', optional: true })}
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

function slotSelect(m: Pick<AssistedModel, 'office' | 'days' | 'errors'> & { values: { slot: string } }): SafeHtml {
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
  /** More bookings matched than are listed. */
  more: boolean;
  problem?: string | undefined;
  today: string;
}

/** Where a booking's day stands against today, as a search row marks it. */
function dayTag(date: string, today: string): SafeHtml {
  if (date === today) return html`<strong class="tag tag-today" data-day="today">${st('staff.dayToday')}</strong>`;
  if (date > today) return html`<span class="tag" data-day="upcoming">${st('staff.dayUpcoming')}</span>`;
  return html`<span class="tag tag-past" data-day="past">${st('staff.dayPast')}</span>`;
}

/** The desk page of one booking: cancel, move, change the service, mark a priority. */
export function managePath(slug: string, code: string): string {
  return `${deskPath(slug)}/booking/${code}`;
}

/** `/staff/desk/:slug/search`: by code, NIK or name, each row with what the desk can do next. */
export function searchPage(m: SearchModel): SafeHtml {
  const actions = (tk: DeskTicket): SafeHtml => html`<div class="row-actions">
${tk.status === 'booked' && tk.date === m.today ? html`<a class="button button-primary" href="${deskPath(m.office.slug)}?code=${tk.code}">${st('staff.checkInThis')}</a>` : ''}
${requeueForm(m, tk)}
<a class="button" href="${managePath(m.office.slug, tk.code)}">${st('staff.manageLink')}</a>
<a class="button" href="${deskPath(m.office.slug)}/receipt/${tk.code}">${st('staff.receiptLink')}</a>
</div>`;
  const results = m.results === null
    ? html``
    : m.results.length === 0
      ? html`<p class="lead">${st('staff.searchNone', { q: m.q })}</p>`
      : html`<table class="results">
<thead><tr><th scope="col">${st('staff.colQueue')}</th><th scope="col">${st('staff.colName')}</th><th scope="col">${st('staff.colWhen')}</th><th scope="col">${st('staff.colService')}</th><th scope="col">${st('staff.colStatus')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${m.results.map(
          (tk) => html`<tr><td class="qn">${tk.queueNumber}<br><span class="code">${tk.displayCode}</span></td><td>${tk.name}<br><span class="muted">${tk.nikMasked}</span></td><td>${dayTag(tk.date, m.today)}<br>${tk.when}</td><td>${tk.serviceName}</td><td>${statusText(STAFF_LANG, tk.status)}${tk.priority ? html`<br><strong>${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}</td><td>${actions(tk)}</td></tr>`,
        )}</tbody>
</table>
${m.more ? html`<p class="notice notice-problem" role="status" data-search-more>${st('staff.searchMore', { n: m.results.length })}</p>` : ''}`;
  const body = html`<div class="page">
<h1>${st('staff.searchTitle')}</h1>
${searchForm(m.office.slug, m.q, true)}
${m.problem ? html`<p class="error">${m.problem}</p>` : ''}
${results}
</div>`;
  return deskPage(m, 'search', st('staff.searchTitle'), body);
}

/** Everything the list of today shows. */
export interface TodayModel extends DeskFrame {
  today: string;
  /** The group shown; null: the whole day. */
  group: DayGroup | null;
  counts: DayCounts;
  tickets: DeskTicket[];
}

const GROUP_LABELS: Record<DayGroup, 'staff.groupExpected' | 'staff.groupWaiting' | 'staff.groupAtCounter' | 'staff.groupServed' | 'staff.groupNoShow'> = {
  expected: 'staff.groupExpected',
  waiting: 'staff.groupWaiting',
  at_counter: 'staff.groupAtCounter',
  served: 'staff.groupServed',
  no_show: 'staff.groupNoShow',
};

/**
 * `/staff/desk/:slug/today`: the day at a glance, counts first (expected, checked in, waiting,
 * served, no-show), then the people of the chosen group. With a script it follows the floor live.
 */
export function todayPage(m: TodayModel): SafeHtml {
  const base = `${deskPath(m.office.slug)}/today`;
  const total = m.counts.expected + m.counts.waiting + m.counts.at_counter + m.counts.served + m.counts.no_show;
  const filter = (group: DayGroup | null, label: string, n: number) =>
    html`<li><a href="${group ? `${base}?group=${group}` : base}"${m.group === group ? html` aria-current="true"` : ''} data-group="${group ?? 'all'}"><span class="count" data-count="${group ?? 'all'}">${n}</span> ${label}</a></li>`;
  const rows = m.tickets.map(
    (tk) => html`<tr data-queue="${tk.queueNumber}"><td class="qn">${tk.queueNumber}</td><td>${tk.name}</td><td>${formatTime(tk.session.start, STAFF_LANG)}–${formatTime(tk.session.end, STAFF_LANG)}</td><td>${tk.serviceName}</td><td>${statusText(STAFF_LANG, tk.status)}${tk.priority ? html`<br><strong>${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}${tk.counter ? html`<br>${st('staff.atCounter', { n: tk.counter })}` : ''}</td><td><div class="row-actions">${tk.status === 'booked' ? html`<a class="button button-primary" href="${deskPath(m.office.slug)}?code=${tk.code}">${st('staff.checkInThis')}</a>` : ''}${requeueForm(m, tk)}<a class="button" href="${managePath(m.office.slug, tk.code)}">${st('staff.manageLink')}</a></div></td></tr>`,
  );
  const body = html`<div class="page" data-today-live data-events="/api/v1/offices/${m.office.slug}/display/events">
<h1>${st('staff.todayTitle', { date: formatDate(m.today, STAFF_LANG) })}</h1>
<p class="lead" data-checked-in-count>${st('staff.todayCheckedIn', { n: m.counts.checked_in, total })}</p>
<nav aria-label="${st('staff.todayFilter')}"><ul class="day-filter">
${filter(null, st('staff.groupAll'), total)}
${DAY_GROUPS.map((g) => filter(g, st(GROUP_LABELS[g]), m.counts[g]))}
</ul></nav>
${m.tickets.length
    ? html`<table class="results" data-today-table>
<thead><tr><th scope="col">${st('staff.colQueue')}</th><th scope="col">${st('staff.colName')}</th><th scope="col">${st('staff.colSession')}</th><th scope="col">${st('staff.colService')}</th><th scope="col">${st('staff.colStatus')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p class="muted" data-today-empty>${st('staff.todayNone')}</p>`}
</div>`;
  return deskPage(m, 'today', st('staff.navToday'), body);
}

/** Everything the page of one booking shows. */
export interface ManageModel extends DeskFrame {
  ticket: DeskTicket;
  today: string;
  services: ServiceChoice[];
  days: readonly DayAvailability[];
  /** The slot chosen for a move, given back after a refusal. */
  slot: string;
  /** What was just done, in words. */
  done?: string | undefined;
  errors?: DeskFormErrors | undefined;
}

/**
 * `/staff/desk/:slug/booking/:code`: what the desk can do for someone who lost their code or
 * has no phone: cancel, move to another day, change the service, mark a priority. Every
 * change is recorded with the clerk's name.
 */
export function managePage(m: ManageModel): SafeHtml {
  const tk = m.ticket;
  const path = managePath(m.office.slug, tk.code);
  const e = m.errors?.fields ?? {};
  const changeable = tk.status === 'booked' || tk.status === 'checked_in';
  const details = html`<dl class="facts">
<div><dt>${st('staff.colQueue')}</dt><dd class="qn" data-manage-queue>${tk.queueNumber}</dd></div>
<div><dt>${st('staff.receiptCode')}</dt><dd class="code">${tk.displayCode}</dd></div>
<div><dt>${st('staff.colName')}</dt><dd>${tk.name}</dd></div>
<div><dt>${st('staff.nikLabel')}</dt><dd>${tk.nikMasked}</dd></div>
<div><dt>${st('staff.phoneLabel')}</dt><dd>${tk.phoneMasked ?? st('staff.noPhone')}</dd></div>
<div><dt>${st('staff.colWhen')}</dt><dd data-manage-when>${dayTag(tk.date, m.today)} ${tk.when}</dd></div>
<div><dt>${st('staff.colService')}</dt><dd data-manage-service>${tk.serviceName}</dd></div>
<div><dt>${st('staff.colStatus')}</dt><dd data-manage-status>${statusText(STAFF_LANG, tk.status)}${tk.priority ? html` · <strong>${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}</dd></div>
</dl>`;
  const serviceForm = changeable
    ? html`<section class="card stack" aria-labelledby="service-title">
<h2 id="service-title">${st('staff.changeServiceTitle')}</h2>
<form method="post" action="${path}/service" class="stack" data-once>
${csrfField(m.viewer.csrf)}
<div class="field${e.service ? ' has-error' : ''}">
<label for="service">${st('staff.serviceLabel')}</label>
${e.service ? html`<p class="error" id="service-error">${e.service}</p>` : ''}
<select id="service" name="service" required${e.service ? html` aria-invalid="true" aria-describedby="service-error"` : ''}>
${m.services.map((s) => html`<option value="${s.code}"${s.code === tk.service ? ' selected' : ''}>${s.name}</option>`)}
</select>
</div>
<p><button type="submit" class="button">${st('staff.changeServiceSubmit')}</button></p>
</form>
</section>`
    : '';
  const priorityForm = tk.status === 'checked_in' && tk.date === m.today
    ? html`<section class="card stack" aria-labelledby="priority-title">
<h2 id="priority-title">${st('staff.priorityLegend')}</h2>
<form method="post" action="${path}/priority" class="stack" data-once>
${csrfField(m.viewer.csrf)}
${priorityChoices(tk.priority)}
<p><button type="submit" class="button">${st('staff.prioritySubmit')}</button></p>
</form>
</section>`
    : '';
  const moveForm = tk.status === 'booked'
    ? html`<section class="card stack" aria-labelledby="move-title">
<h2 id="move-title">${st('staff.moveTitle')}</h2>
<form method="post" action="${path}/move" class="stack" data-once>
${csrfField(m.viewer.csrf)}
${slotSelect({ office: m.office, days: m.days, errors: m.errors, values: { slot: m.slot } })}
<p><button type="submit" class="button button-primary">${st('staff.moveSubmit')}</button></p>
</form>
</section>
<section class="card stack" aria-labelledby="cancel-title">
<h2 id="cancel-title">${st('staff.cancelBookingTitle')}</h2>
<form method="post" action="${path}/cancel" class="stack" data-once>
${csrfField(m.viewer.csrf)}
<div class="field${e.confirm ? ' has-error' : ''}">
${e.confirm ? html`<p class="error" id="confirm-error">${e.confirm}</p>` : ''}
<label class="chip"><input type="checkbox" id="confirm" name="confirm" value="1"${e.confirm ? html` aria-invalid="true" aria-describedby="confirm-error"` : ''}> ${st('staff.cancelConfirm')}</label>
</div>
<p><button type="submit" class="button button-danger">${st('staff.cancelBookingSubmit')}</button></p>
</form>
</section>`
    : '';
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.manageTitle', { queue: tk.queueNumber })}</h1>
${m.done ? notice('ok', m.done) : ''}
${formProblem(m.errors)}
${details}
${changeable ? '' : html`<p class="lead">${st('staff.manageNothing')}</p>`}
${moveForm}
${serviceForm}
${priorityForm}
<p>${tk.status === 'booked' && tk.date === m.today ? html`<a class="button button-primary" href="${deskPath(m.office.slug)}?code=${tk.code}">${st('staff.checkInThis')}</a> ` : ''}<a class="button" href="${deskPath(m.office.slug)}/receipt/${tk.code}">${st('staff.receiptLink')}</a> <a class="button button-quiet" href="${deskPath(m.office.slug)}/search?q=${tk.code}">${st('staff.backToSearch')}</a></p>
</div>`;
  return deskPage(m, 'search', st('staff.manageTitle', { queue: tk.queueNumber }), body);
}
