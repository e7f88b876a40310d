import type { AuditLine } from '../../../app/audit/queries/list-changes.js';
import type { OfficeSettings } from '../../../app/office/office-settings.js';
import { formatDate, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { dataActionText, type PlainTextKey, roleText, textsFor } from '../../../texts/texts.js';
import type { DataAccessLine } from '../../../app/privacy/queries/list-data-access.js';
import type { Role } from '../../../domain/staff-role.js';
import { OFFICE_ZONES } from '../../../domain/office-settings.js';
import { RELEASE_LIMITS } from '../../../domain/release-schedule.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';

const st = textsFor(STAFF_LANG);

/** Per-field problems of an admin form, in words; `form` is one for the whole form. */
export interface AdminFormErrors {
  fields: Partial<Record<string, string>>;
  form?: string | undefined;
}

const WEEKDAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** An ISO weekday's name. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
}

type AdminTab = 'offices' | 'settings' | 'schedule' | 'days' | 'audit';

/** The base path of the admin pages. */
export const ADMIN_PATH = '/staff/admin';

function adminNav(slug: string | null, current: AdminTab): SafeHtml {
  const tabs: { tab: AdminTab; href: string; label: PlainTextKey }[] = [
    { tab: 'offices', href: `${ADMIN_PATH}/offices`, label: 'staff.adminNavOffices' },
    ...(slug
      ? [
          { tab: 'settings' as const, href: `${ADMIN_PATH}/offices/${slug}`, label: 'staff.adminNavSettings' as const },
          { tab: 'schedule' as const, href: `${ADMIN_PATH}/offices/${slug}/schedule`, label: 'staff.adminNavSchedule' as const },
          { tab: 'days' as const, href: `${ADMIN_PATH}/offices/${slug}/days`, label: 'staff.adminNavDays' as const },
        ]
      : []),
    { tab: 'audit', href: `${ADMIN_PATH}/audit${slug ? `?office=${slug}` : ''}`, label: 'staff.adminNavAudit' },
  ];
  return html`<nav class="tabs" aria-label="Admin"><ul>${tabs.map(
    (t) => html`<li><a href="${t.href}"${t.tab === current ? html` aria-current="page"` : ''}>${st(t.label)}</a></li>`,
  )}</ul></nav>`;
}

function adminPage(viewer: PageViewer, tab: AdminTab, title: string, office: { slug: string; name: string } | null, body: SafeHtml): SafeHtml {
  return staffPage({ title, viewer, officeName: office?.name, nav: adminNav(office?.slug ?? null, tab), body });
}

function problemNotice(errors: AdminFormErrors | undefined): SafeHtml {
  if (!errors) return html``;
  const messages = [errors.form, ...Object.values(errors.fields)].filter((m): m is string => !!m);
  if (!messages.length) return html``;
  return notice('problem', errors.form ?? st('staff.formProblems'), html`<ul>${[...new Set(messages)].map((m) => html`<li>${m}</li>`)}</ul>`);
}

function input(id: string, label: string, value: string, error: string | undefined, extra: { hint?: string; type?: string; maxlength?: number; required?: boolean } = {}): SafeHtml {
  const describedBy = [extra.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${extra.hint ? html`<p class="hint" id="${id}-hint">${extra.hint}</p>` : ''}
${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
<input id="${id}" name="${id}" type="${extra.type ?? 'text'}" value="${value}" maxlength="${extra.maxlength ?? 120}"${extra.required ? ' required' : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

function zoneSelect(value: string, error: string | undefined): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="timezone">${st('staff.timezoneLabel')}</label>
${error ? html`<p class="error" id="timezone-error">${error}</p>` : ''}
<select id="timezone" name="timezone"${error ? html` aria-invalid="true" aria-describedby="timezone-error"` : ''}>
${OFFICE_ZONES.map((z) => html`<option value="${z}"${z === value ? ' selected' : ''}>${z} (${zoneAbbreviation(z)})</option>`)}
</select>
</div>`;
}

/** The new-office form's values as typed. */
export interface NewOfficeValues {
  slug: string;
  name: string;
  address: string;
  timezone: string;
}

/** `/staff/admin/offices`: every office the viewer manages, and (for an admin of every office) the form to open one. */
export function officesPage(m: {
  viewer: PageViewer;
  offices: { slug: string; name: string; timezone: string }[];
  canCreate: boolean;
  values: NewOfficeValues;
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.officesTitle')}</h1>
<p class="lead">${st('staff.officesLead')}</p>
<table class="results" data-offices>
<thead><tr><th scope="col">${st('staff.officeColName')}</th><th scope="col">${st('staff.officeColSlug')}</th><th scope="col">${st('staff.officeColZone')}</th><th scope="col">${st('staff.officeColActions')}</th></tr></thead>
<tbody>${m.offices.map(
    (o) => html`<tr><td>${o.name}</td><td><code>${o.slug}</code></td><td>${o.timezone} (${zoneAbbreviation(o.timezone)})</td>
<td><a href="${ADMIN_PATH}/offices/${o.slug}">${st('staff.adminNavSettings')}</a> · <a href="${ADMIN_PATH}/offices/${o.slug}/schedule">${st('staff.adminNavSchedule')}</a> · <a href="${ADMIN_PATH}/offices/${o.slug}/days">${st('staff.adminNavDays')}</a></td></tr>`,
  )}</tbody>
</table>
${m.canCreate
    ? html`<h2 id="new-office">${st('staff.newOfficeTitle')}</h2>
<p>${st('staff.newOfficeLead')}</p>
${problemNotice(m.errors)}
<form method="post" action="${ADMIN_PATH}/offices" class="stack" aria-labelledby="new-office">
${csrfField(m.viewer.csrf)}
<div class="two-col">
${input('slug', st('staff.slugLabel'), m.values.slug, e.slug, { hint: st('staff.slugHint'), maxlength: 64, required: true })}
${input('name', st('staff.officeNameLabel'), m.values.name, e.name, { required: true })}
${input('address', st('staff.addressLabel'), m.values.address, e.address, { maxlength: 300 })}
${zoneSelect(m.values.timezone, e.timezone)}
</div>
<p><button type="submit" class="button button-primary">${st('staff.createOffice')}</button></p>
</form>`
    : ''}
</div>`;
  return adminPage(m.viewer, 'offices', st('staff.officesTitle'), null, body);
}

/** The settings form's values as typed (strings, since a form sends text). */
export type SettingsValues = Record<
  'name' | 'address' | 'contactPhone' | 'contactEmail' | 'timezone' | 'bookingDaysAhead' | 'checkInBeforeMinutes' | 'checkInAfterMinutes' | 'earlyCheckInMinutes' | 'deskSharePercent' | 'retentionDays' | 'releaseTime' | 'drawSeconds',
  string
> & {
  sameDayBooking: boolean;
  /** The release waves as typed, one row each (WAVE_ROWS of them); blank rows are no wave. */
  waves: { time: string; percent: string }[];
} & GuardValues;

/** The limits per person and the no-show policy as typed; field names as the API's problems name them. */
export type GuardValues = Record<'bookingLimits.perPhonePerMonth' | 'bookingLimits.perNikPerMonth' | 'noShowPolicy.noShows' | 'noShowPolicy.withinDays' | 'noShowPolicy.blockDays', string> & {
  'noShowPolicy.enabled': boolean;
};

/** Rows of the waves list on the settings form: as many as an office may have. */
export const WAVE_ROWS = RELEASE_LIMITS.waves.max;

/** The form values of saved settings. */
export function settingsValues(s: OfficeSettings): SettingsValues {
  return {
    name: s.name,
    address: s.address,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    timezone: s.timezone,
    bookingDaysAhead: String(s.bookingDaysAhead),
    sameDayBooking: s.sameDayBooking,
    checkInBeforeMinutes: String(s.checkInBeforeMinutes),
    checkInAfterMinutes: String(s.checkInAfterMinutes),
    earlyCheckInMinutes: String(s.earlyCheckInMinutes),
    deskSharePercent: String(s.deskSharePercent),
    retentionDays: String(s.retentionDays),
    'bookingLimits.perPhonePerMonth': String(s.bookingLimits.perPhonePerMonth),
    'bookingLimits.perNikPerMonth': String(s.bookingLimits.perNikPerMonth),
    'noShowPolicy.enabled': s.noShowPolicy.enabled,
    'noShowPolicy.noShows': String(s.noShowPolicy.noShows),
    'noShowPolicy.withinDays': String(s.noShowPolicy.withinDays),
    'noShowPolicy.blockDays': String(s.noShowPolicy.blockDays),
    releaseTime: s.release.time,
    drawSeconds: String(s.release.drawSeconds),
    waves: Array.from({ length: WAVE_ROWS }, (_, i) => {
      const w = s.release.waves?.[i];
      return w ? { time: w.time, percent: String(w.percent) } : { time: '', percent: '' };
    }),
  };
}

/** `/staff/admin/offices/:slug`: name, address, zone and booking rules. */
export function settingsPage(m: {
  viewer: PageViewer;
  office: { slug: string; name: string };
  values: SettingsValues;
  notice?: string | undefined;
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const v = m.values;
  const num = (id: Exclude<keyof SettingsValues, 'waves'>, label: string, hint?: string) =>
    input(id, label, String(v[id]), e[id], { type: 'number', maxlength: 5, required: true, ...(hint ? { hint } : {}) });
  const waveCell = (name: string, value: string, label: string, type: string) =>
    html`<input name="${name}" type="${type}" value="${value}" maxlength="5" aria-label="${label}"${e.waves ? html` aria-invalid="true" aria-describedby="waves-error"` : ''}>`;
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.settingsTitle')}</h1>
${m.notice ? notice('ok', m.notice) : ''}
${problemNotice(m.errors)}
<form method="post" action="${ADMIN_PATH}/offices/${m.office.slug}" class="stack">
${csrfField(m.viewer.csrf)}
<div class="two-col">
${input('name', st('staff.officeNameLabel'), v.name, e.name, { required: true })}
${input('address', st('staff.addressLabel'), v.address, e.address, { maxlength: 300 })}
${input('contactPhone', st('staff.contactPhoneLabel'), v.contactPhone, e.contactPhone, { maxlength: 40, hint: st('staff.contactHint') })}
${input('contactEmail', st('staff.contactEmailLabel'), v.contactEmail, e.contactEmail, { maxlength: 120, hint: st('staff.contactHint') })}
${zoneSelect(v.timezone, e.timezone)}
</div>
<fieldset data-release><legend>${st('staff.releaseLegend')}</legend>
<p class="hint">${st('staff.releaseLead')}</p>
<div class="two-col">
${num('bookingDaysAhead', st('staff.daysAheadLabel'))}
${input('releaseTime', st('staff.releaseTimeLabel'), v.releaseTime, e.releaseTime, { maxlength: 5, required: true, hint: st('staff.releaseTimeHint') })}
${num('drawSeconds', st('staff.drawSecondsLabel'), st('staff.drawSecondsHint'))}
${num('deskSharePercent', st('staff.deskShareLabel'), st('staff.deskShareHint'))}
</div>
<div class="field${e.waves ? ' has-error' : ''}" role="group" aria-labelledby="waves-label">
<p class="label" id="waves-label"><strong>${st('staff.wavesLabel')}</strong></p>
<p class="hint">${st('staff.wavesHint')}</p>
${e.waves ? html`<p class="error" id="waves-error">${e.waves}</p>` : ''}
<table class="results" data-waves>
<thead><tr><th scope="col">${st('staff.colStart')}</th><th scope="col">%</th></tr></thead>
<tbody>${v.waves.map(
    (w, i) => html`<tr><td>${waveCell(`wave${i}_time`, w.time, st('staff.waveTimeLabel', { n: i + 1 }), 'text')}</td><td>${waveCell(`wave${i}_percent`, w.percent, st('staff.wavePercentLabel', { n: i + 1 }), 'number')}</td></tr>`,
  )}</tbody>
</table>
</div>
</fieldset>
<fieldset><legend>${st('staff.rulesLegend')}</legend>
<div class="two-col">
${num('checkInBeforeMinutes', st('staff.checkInBeforeLabel'))}
${num('checkInAfterMinutes', st('staff.checkInAfterLabel'))}
${num('earlyCheckInMinutes', st('staff.earlyCheckInLabel'), st('staff.earlyCheckInHint'))}
<div class="field"><label class="chip"><input type="checkbox" name="sameDayBooking" value="1"${v.sameDayBooking ? ' checked' : ''}> ${st('staff.sameDayLabel')}</label></div>
</div>
</fieldset>
<fieldset><legend>${st('staff.fairnessLegend')}</legend>
<div class="two-col">
${num('bookingLimits.perPhonePerMonth', st('staff.perPhonePerMonthLabel'), st('staff.perMonthHint'))}
${num('bookingLimits.perNikPerMonth', st('staff.perNikPerMonthLabel'), st('staff.perMonthHint'))}
<div class="field"><label class="chip"><input type="checkbox" name="noShowPolicy.enabled" value="1"${v['noShowPolicy.enabled'] ? ' checked' : ''}> ${st('staff.noShowPolicyLabel')}</label></div>
${num('noShowPolicy.noShows', st('staff.noShowsLabel'))}
${num('noShowPolicy.withinDays', st('staff.noShowWithinDaysLabel'))}
${num('noShowPolicy.blockDays', st('staff.noShowBlockDaysLabel'), st('staff.noShowBlockDaysHint'))}
</div>
</fieldset>
<fieldset><legend>${st('staff.privacyLegend')}</legend>
${num('retentionDays', st('staff.retentionDaysLabel'), st('staff.retentionDaysHint'))}
<p><a href="${ADMIN_PATH}/offices/${m.office.slug}/data-access">${st('staff.dataAccessTitle')}</a></p>
</fieldset>
<p><button type="submit" class="button button-primary">${st('staff.save')}</button></p>
</form>
</div>`;
  return adminPage(m.viewer, 'settings', st('staff.settingsTitle'), m.office, body);
}

/** One row of the week grid: a session's times and its places per weekday (blank: closed that day). */
export interface WeekRow {
  start: string;
  end: string;
  /** Places by ISO weekday 1–7, as typed; '' when the session does not open that day. */
  places: string[];
}

/** Blank rows under the week grid, for new sessions. */
export const NEW_ROWS = 3;

function warningsNotice(warnings: string[]): SafeHtml {
  if (!warnings.length) return html``;
  return notice('problem', st('staff.warningsTitle'), html`<ul data-warnings>${warnings.map((w) => html`<li>${w}</li>`)}</ul>`);
}

/** `/staff/admin/offices/:slug/schedule`: the week as one editable table, one row per session. */
export function schedulePage(m: {
  viewer: PageViewer;
  office: { slug: string; name: string; timezone: string };
  rows: WeekRow[];
  notice?: string | undefined;
  warnings?: string[];
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const zone = zoneAbbreviation(m.office.timezone);
  const rows = [...m.rows, ...Array.from({ length: NEW_ROWS }, () => ({ start: '', end: '', places: ['', '', '', '', '', '', ''] }))];
  const cell = (name: string, value: string, label: string, size: number) =>
    html`<input type="text" name="${name}" value="${value}" size="${size}" maxlength="${size + 1}" aria-label="${label}"${e[name] ? html` aria-invalid="true" title="${e[name]}"` : ''}>`;
  const body = html`<div class="page">
<h1>${st('staff.scheduleTitle')}</h1>
<p class="lead">${st('staff.scheduleLead')}</p>
${m.notice ? notice('ok', m.notice) : ''}
${warningsNotice(m.warnings ?? [])}
${problemNotice(m.errors)}
<form method="post" action="${ADMIN_PATH}/offices/${m.office.slug}/schedule">
${csrfField(m.viewer.csrf)}
<table class="results week-grid" data-week>
<thead><tr><th scope="col">${st('staff.colStart')} (${zone})</th><th scope="col">${st('staff.colEnd')}</th>${WEEKDAY_NAMES.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
<tbody>${rows.map(
    (r, i) => html`<tr>
<td${e[`r${i}_start`] ? ' class="has-error"' : ''}>${cell(`r${i}_start`, r.start, `${st('staff.colStart')} ${i + 1}`, 5)}</td>
<td${e[`r${i}_end`] ? ' class="has-error"' : ''}>${cell(`r${i}_end`, r.end, `${st('staff.colEnd')} ${i + 1}`, 5)}</td>
${r.places.map((p, w) => html`<td${e[`r${i}_d${w + 1}`] ? ' class="has-error"' : ''}>${cell(`r${i}_d${w + 1}`, p, `${weekdayName(w + 1)} ${i + 1}`, 5)}</td>`)}
</tr>`,
  )}</tbody>
</table>
<input type="hidden" name="rows" value="${rows.length}">
<p class="hint">${st('staff.addRowsHint')}</p>
<p><button type="submit" class="button button-primary">${st('staff.save')}</button></p>
</form>
</div>`;
  return adminPage(m.viewer, 'schedule', st('staff.scheduleTitle'), m.office, body);
}

/** One session row of the date form, as typed. */
export interface DayRow {
  start: string;
  end: string;
  capacity: string;
}

/** `/staff/admin/offices/:slug/days`: dates with their own sessions, and the form to set one. */
export function daysPage(m: {
  viewer: PageViewer;
  office: { slug: string; name: string; timezone: string };
  overrides: { date: string; sessions: { start: string; end: string; capacity: number }[] }[];
  date: string;
  rows: DayRow[];
  notice?: string | undefined;
  warnings?: string[];
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const zone = zoneAbbreviation(m.office.timezone);
  const rows = [...m.rows, ...Array.from({ length: NEW_ROWS }, () => ({ start: '', end: '', capacity: '' }))];
  const cell = (name: string, value: string, label: string) =>
    html`<input type="text" name="${name}" value="${value}" size="5" maxlength="6" aria-label="${label}"${e[name] ? html` aria-invalid="true" title="${e[name]}"` : ''}>`;
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.daysTitle')}</h1>
<p class="lead">${st('staff.daysLead')}</p>
${m.notice ? notice('ok', m.notice) : ''}
${warningsNotice(m.warnings ?? [])}
${problemNotice(m.errors)}
${m.overrides.length
    ? html`<table class="results" data-overrides>
<thead><tr><th scope="col">${st('staff.dayLabel')}</th><th scope="col">${st('staff.adminNavSchedule')}</th><th scope="col"><span class="vh">${st('staff.officeColActions')}</span></th></tr></thead>
<tbody>${m.overrides.map(
        (d) => html`<tr><td><a href="?date=${d.date}">${formatDate(d.date, STAFF_LANG)}</a></td>
<td>${d.sessions.map((s) => `${s.start}–${s.end} (${s.capacity})`).join(', ')} ${zone}</td>
<td><form method="post" action="${ADMIN_PATH}/offices/${m.office.slug}/days/${d.date}/delete" class="inline">${csrfField(m.viewer.csrf)}<button type="submit" class="button button-warn">${st('staff.dayRemove')}</button></form></td></tr>`,
      )}</tbody>
</table>`
    : html`<p>${st('staff.daysNone')}</p>`}
<form method="get" action="${ADMIN_PATH}/offices/${m.office.slug}/days" class="actions">
<div class="field"><label for="pick-date">${st('staff.dayLabel')}</label><input id="pick-date" name="date" type="date" value="${m.date}" required></div>
<button type="submit" class="button">${st('staff.dayLoad')}</button>
</form>
${m.date
    ? html`<form method="post" action="${ADMIN_PATH}/offices/${m.office.slug}/days">
${csrfField(m.viewer.csrf)}
<input type="hidden" name="date" value="${m.date}">
<fieldset><legend>${st('staff.daySessionsLegend', { date: formatDate(m.date, STAFF_LANG) })}</legend>
<table class="results" data-day>
<thead><tr><th scope="col">${st('staff.colStart')} (${zone})</th><th scope="col">${st('staff.colEnd')}</th><th scope="col">Kuota</th></tr></thead>
<tbody>${rows.map(
        (r, i) => html`<tr>
<td${e[`s${i}_start`] ? ' class="has-error"' : ''}>${cell(`s${i}_start`, r.start, `${st('staff.colStart')} ${i + 1}`)}</td>
<td${e[`s${i}_end`] ? ' class="has-error"' : ''}>${cell(`s${i}_end`, r.end, `${st('staff.colEnd')} ${i + 1}`)}</td>
<td${e[`s${i}_capacity`] ? ' class="has-error"' : ''}>${cell(`s${i}_capacity`, r.capacity, `Kuota ${i + 1}`)}</td>
</tr>`,
      )}</tbody>
</table>
<input type="hidden" name="rows" value="${rows.length}">
</fieldset>
<p><button type="submit" class="button button-primary">${st('staff.save')}</button></p>
</form>`
    : ''}
</div>`;
  return adminPage(m.viewer, 'days', st('staff.daysTitle'), m.office, body);
}

/** The audit filter as typed. */
export interface AuditFilterValues {
  office: string;
  from: string;
  to: string;
  user: string;
  code: string;
}

function detailOf(l: AuditLine): string {
  if (l.kind === 'ticket') return `${l.queueNumber}: ${l.fromStatus ?? '—'} → ${l.toStatus}${l.counter !== null ? ` · loket ${l.counter}` : ''}${l.note ? ` · ${l.note}` : ''}`;
  const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));
  return `${show(l.before)} → ${show(l.after)}`;
}

/** `/staff/admin/audit`: configuration changes and ticket events, filtered. */
export function auditPage(m: {
  viewer: PageViewer;
  offices: { slug: string; name: string }[];
  allOffices: boolean;
  values: AuditFilterValues;
  lines: AuditLine[];
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const v = m.values;
  const officeName = m.offices.find((o) => o.slug === v.office);
  const body = html`<div class="page">
<h1>${st('staff.auditTitle')}</h1>
<p class="lead">${st('staff.auditLead')}</p>
${problemNotice(m.errors)}
<form method="get" action="${ADMIN_PATH}/audit" class="audit-filter">
<div class="two-col">
<div class="field"><label for="office">${st('staff.auditOffice')}</label>
<select id="office" name="office">
${m.allOffices ? html`<option value="">${st('staff.auditAllOffices')}</option>` : ''}
${m.offices.map((o) => html`<option value="${o.slug}"${o.slug === v.office ? ' selected' : ''}>${o.name}</option>`)}
</select></div>
${input('user', st('staff.auditUser'), v.user, e.user, { maxlength: 64 })}
${input('from', st('staff.auditFrom'), v.from, e.from, { type: 'date' })}
${input('to', st('staff.auditTo'), v.to, e.to, { type: 'date' })}
${input('code', st('staff.auditCode'), v.code, e.code, { maxlength: 40 })}
</div>
<p><button type="submit" class="button button-primary">${st('staff.auditFilter')}</button></p>
</form>
${m.lines.length
    ? html`<table class="results" data-audit>
<thead><tr><th scope="col">${st('staff.auditColAt')}</th><th scope="col">${st('staff.auditOffice')}</th><th scope="col">${st('staff.auditColWho')}</th><th scope="col">${st('staff.auditColWhat')}</th><th scope="col">${st('staff.auditColSubject')}</th><th scope="col">${st('staff.auditColDetail')}</th></tr></thead>
<tbody>${m.lines.map(
        (l) => html`<tr data-kind="${l.kind}"><td><time datetime="${l.at}">${l.at.replace('T', ' ').slice(0, 19)} UTC</time></td><td>${l.office ?? '—'}</td><td>${l.user ?? '—'}</td>
<td>${l.kind === 'ticket' ? st('staff.auditTicket') : st('staff.auditConfig')}: <code>${l.action}</code></td><td><code>${l.subject}</code></td><td class="audit-detail">${detailOf(l)}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>${st('staff.auditNone')}</p>`}
</div>`;
  return adminPage(m.viewer, 'audit', st('staff.auditTitle'), officeName ? { slug: officeName.slug, name: officeName.name } : null, body);
}

/** The data-access filter as typed. */
export interface DataAccessValues {
  booking: string;
  user: string;
  from: string;
  to: string;
}

/** `/staff/admin/offices/:slug/data-access`: every staff read of personal data, per booking and per staff member. */
export function dataAccessPage(m: {
  viewer: PageViewer;
  office: { slug: string; name: string; timezone: string };
  values: DataAccessValues;
  lines: DataAccessLine[];
  errors?: AdminFormErrors | undefined;
}): SafeHtml {
  const e = m.errors?.fields ?? {};
  const v = m.values;
  const body = html`<div class="page">
<h1>${st('staff.dataAccessTitle')}</h1>
<p class="lead">${st('staff.dataAccessLead')}</p>
${problemNotice(m.errors)}
<form method="get" action="${ADMIN_PATH}/offices/${m.office.slug}/data-access" class="audit-filter">
<div class="two-col">
${input('booking', st('staff.dataAccessBooking'), v.booking, e.booking, { maxlength: 40 })}
${input('user', st('staff.dataAccessUser'), v.user, e.user, { maxlength: 64 })}
${input('from', st('staff.dataAccessFrom'), v.from, e.from, { type: 'date' })}
${input('to', st('staff.dataAccessTo'), v.to, e.to, { type: 'date' })}
</div>
<p><button type="submit" class="button button-primary">${st('staff.dataAccessShow')}</button></p>
</form>
${m.lines.length
    ? html`<table class="results" data-access>
<thead><tr><th scope="col">${st('staff.dataAccessWhen')}</th><th scope="col">${st('staff.dataAccessWho')}</th><th scope="col">${st('staff.dataAccessAction')}</th><th scope="col">${st('staff.dataAccessTicket')}</th></tr></thead>
<tbody>${m.lines.map(
        (l) => html`<tr><td><time datetime="${l.at}">${l.at.replace('T', ' ').slice(0, 19)} UTC</time></td><td>${l.username} (${roleText(STAFF_LANG, l.role as Role)})</td><td>${dataActionText(STAFF_LANG, l.action)}</td>
<td><a href="${ADMIN_PATH}/offices/${m.office.slug}/data-access?booking=${l.code}"><code>${l.code}</code></a> · ${l.queueNumber} · ${formatDate(l.date, STAFF_LANG)}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>${st('staff.dataAccessNone')}</p>`}
</div>`;
  return adminPage(m.viewer, 'settings', st('staff.dataAccessTitle'), m.office, body);
}
