import { STAFF_LANG } from '../../../texts/lang.js';
import { formatDate, formatTime } from '../../../texts/indonesian-format.js';
import { type TextKey, textsFor } from '../../../texts/texts.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';

const st = textsFor(STAFF_LANG);

/** The address of the closed-days page of an office. */
export function closuresPath(slug: string): string {
  return `/staff/admin/closures?office=${encodeURIComponent(slug)}`;
}

/** A dated closed day as the list shows it. */
export interface ClosureLine {
  date: string;
  reason: string;
  kind: 'national_holiday' | 'cuti_bersama' | 'provisional_holiday' | 'office_closure';
  removable: boolean;
}

/** A place in the queue as the result shows it. */
export interface PlaceLine {
  date: string;
  sessionStart: string;
  queueNumber: string;
}

/** What closing a day did, for the admin to read and pass on. */
export interface ClosureOutcome {
  date: string;
  reason: string;
  moved: { code: string; from: PlaceLine; to: PlaceLine }[];
  cancelled: { code: string; from: PlaceLine }[];
}

/** Everything the closed-days page shows. */
export interface ClosuresPageModel {
  viewer: PageViewer;
  office: { slug: string; name: string };
  /** Offices this admin may manage; a picker when there is more than one. */
  offices: { slug: string; name: string }[];
  today: string;
  closures: ClosureLine[];
  values: { date: string; reason: string };
  errors?: { fields: Partial<Record<'date' | 'reason', string>>; form?: string | undefined } | undefined;
  outcome?: ClosureOutcome | undefined;
  /** The date just opened again. */
  removed?: string | undefined;
  /** Why removing a closure was refused. */
  problem?: string | undefined;
}

const KIND: Record<ClosureLine['kind'], TextKey & `staff.kind${string}`> = {
  national_holiday: 'staff.kindNationalHoliday',
  cuti_bersama: 'staff.kindCutiBersama',
  provisional_holiday: 'staff.kindProvisionalHoliday',
  office_closure: 'staff.kindOfficeClosure',
};

function place(p: PlaceLine): SafeHtml {
  return html`<span class="qn">${p.queueNumber}</span> · ${formatDate(p.date, STAFF_LANG)}, ${formatTime(p.sessionStart, STAFF_LANG)}`;
}

function outcomeView(o: ClosureOutcome): SafeHtml {
  const title = st('staff.closureDone', { date: formatDate(o.date, STAFF_LANG), moved: o.moved.length, cancelled: o.cancelled.length });
  return html`${notice('ok', title, html`<p>${st('staff.closureReasonLabel')}: ${o.reason}</p>`)}
${o.moved.length
    ? html`<section class="card" aria-labelledby="moved-title" data-moved>
<h2 id="moved-title">${st('staff.closureMovedTitle')} (${o.moved.length})</h2>
<table class="results"><thead><tr><th scope="col">${st('staff.colBookingCode')}</th><th scope="col">${st('staff.colFrom')}</th><th scope="col">${st('staff.colTo')}</th></tr></thead>
<tbody>${o.moved.map((m) => html`<tr><td><code>${m.code}</code></td><td>${place(m.from)}</td><td>${place(m.to)}</td></tr>`)}</tbody></table>
</section>`
    : ''}
${o.cancelled.length
    ? html`<section class="card" aria-labelledby="cancelled-title" data-cancelled>
<h2 id="cancelled-title">${st('staff.closureCancelledTitle')} (${o.cancelled.length})</h2>
<table class="results"><thead><tr><th scope="col">${st('staff.colBookingCode')}</th><th scope="col">${st('staff.colFrom')}</th></tr></thead>
<tbody>${o.cancelled.map((c) => html`<tr><td><code>${c.code}</code></td><td>${place(c.from)}</td></tr>`)}</tbody></table>
</section>`
    : ''}`;
}

function field(id: 'date' | 'reason', label: string, input: SafeHtml, error: string | undefined, hint?: string): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
${input}
</div>`;
}

function described(id: string, hint: boolean, error: string | undefined): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

/** `/staff/admin/closures`: close the office on a date with a reason, see what moved, open it again. Works without JavaScript. */
export function closuresPage(m: ClosuresPageModel): SafeHtml {
  const e = m.errors?.fields ?? {};
  const firstBad = (['date', 'reason'] as const).find((f) => e[f] !== undefined);
  const formProblem = m.errors && (m.errors.form || firstBad) ? notice('problem', m.errors.form ?? st('staff.formProblems')) : html``;
  const body = html`<div class="page narrow-wide">
<h1>${st('staff.closuresTitle')}</h1>
<p class="lead">${st('staff.closuresLead')}</p>
${m.offices.length > 1
    ? html`<form method="get" action="/staff/admin/closures" class="actions">
<label for="office">${st('staff.closuresOffice')}</label>
<select id="office" name="office">${m.offices.map((o) => html`<option value="${o.slug}"${o.slug === m.office.slug ? ' selected' : ''}>${o.name}</option>`)}</select>
<button type="submit" class="button">${st('staff.closuresShowOffice')}</button>
</form>`
    : ''}
${m.outcome ? outcomeView(m.outcome) : ''}
${m.removed ? notice('ok', st('staff.closureRemoved', { date: formatDate(m.removed, STAFF_LANG) })) : ''}
${m.problem ? notice('problem', m.problem) : ''}
<section class="card" aria-labelledby="add-title">
<h2 id="add-title">${st('staff.closureAddTitle')}</h2>
<p>${st('staff.closureAddHelp')}</p>
${formProblem}
<form method="post" action="/staff/admin/closures" class="stack" novalidate>
${csrfField(m.viewer.csrf)}
<input type="hidden" name="office" value="${m.office.slug}">
${field('date', st('staff.closureDateLabel'), html`<input id="date" name="date" type="date" value="${m.values.date}" min="${m.today}" required${described('date', false, e.date)}${firstBad === 'date' ? ' autofocus' : ''}>`, e.date)}
${field('reason', st('staff.closureReasonLabel'), html`<input id="reason" name="reason" type="text" value="${m.values.reason}" maxlength="200" required${described('reason', true, e.reason)}${firstBad === 'reason' ? ' autofocus' : ''}>`, e.reason, st('staff.closureReasonHint'))}
<button type="submit" class="button button-primary">${st('staff.closureSubmit')}</button>
</form>
</section>
<section aria-labelledby="list-title">
<h2 id="list-title">${st('staff.closureListTitle')}</h2>
<p class="hint">${st('staff.closureRemoveHelp')}</p>
${m.closures.length
    ? html`<table class="results" data-closures><thead><tr><th scope="col">${st('staff.colDate')}</th><th scope="col">${st('staff.colKind')}</th><th scope="col">${st('staff.colReason')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${m.closures.map(
        (c) => html`<tr data-date="${c.date}"><td>${formatDate(c.date, STAFF_LANG)}</td><td>${st(KIND[c.kind])}</td><td>${c.reason}</td><td>${c.removable
          ? html`<form method="post" action="/staff/admin/closures/remove" class="inline">${csrfField(m.viewer.csrf)}<input type="hidden" name="office" value="${m.office.slug}"><input type="hidden" name="date" value="${c.date}"><button type="submit" class="button button-warn" aria-label="${st('staff.closureRemove')}: ${formatDate(c.date, STAFF_LANG)}">${st('staff.closureRemove')}</button></form>`
          : ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">${st('staff.closureListNone')}</p>`}
</section>
</div>`;
  return staffPage({ title: st('staff.closuresTitle'), viewer: m.viewer, officeName: m.office.name, body });
}
