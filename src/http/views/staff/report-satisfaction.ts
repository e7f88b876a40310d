import type { OfficeReport } from '../../../app/reports/queries/office-summary.js';
import type { SatisfactionReport } from '../../../app/reports/queries/satisfaction-report.js';
import { FINISH_OUTCOMES } from '../../../domain/counter-work.js';
import type { SatisfactionIndex } from '../../../domain/satisfaction.js';
import { SURVEY_ELEMENTS } from '../../../domain/satisfaction.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { textsFor } from '../../../texts/texts.js';
import { html, type SafeHtml } from '../html.js';

const st = textsFor(STAFF_LANG);
const NUMBER = new Intl.NumberFormat('id-ID');
const TWO_DECIMALS = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const none = st('staff.reportsNone');
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-12` as "Desember 2026". */
function formatMonth(month: string, _lang: typeof STAFF_LANG): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** How finished visits ended: served, documents incomplete, referred, and those without a recorded outcome. */
export function outcomesSection(r: OfficeReport, csv?: SafeHtml): SafeHtml {
  return html`<section class="report-section card" aria-labelledby="outcomes-title" data-report-outcomes>
<h2 id="outcomes-title">${st('staff.reportsOutcomes')}</h2>
${outcomesTable(r)}
${csv ?? ''}
</section>`;
}

/** The finished visits by outcome as a table, for the report page and the printed daily report. */
export function outcomesTable(r: OfficeReport): SafeHtml {
  const rows: [string, number][] = [...FINISH_OUTCOMES.map((o) => [st(`staff.outcome.${o}`), r.finishOutcomes[o]] as [string, number]), [st('staff.reportsOutcomeUnrecorded'), r.finishOutcomes.unrecorded]];
  return html`<table class="report-table">
<caption class="vh">${st('staff.reportsOutcomes')}</caption>
<tbody>${rows.map(([label, count]) => html`<tr><th scope="row">${label}</th><td>${NUMBER.format(count)}</td></tr>`)}</tbody>
</table>`;
}

function indexCells(i: SatisfactionIndex): SafeHtml {
  return html`<td>${NUMBER.format(i.responses)}</td>${SURVEY_ELEMENTS.map((e) => html`<td>${i.elements[e] === null ? none : TWO_DECIMALS.format(i.elements[e])}</td>`)}<td><strong>${i.ikm === null ? none : TWO_DECIMALS.format(i.ikm)}</strong></td><td>${i.quality ?? none}</td>`;
}

/** The community satisfaction index per service and month, per service, and overall. */
export function satisfactionSection(s: SatisfactionReport): SafeHtml {
  const head = html`<th scope="col">${st('staff.reportsResponses')}</th>${SURVEY_ELEMENTS.map((e) => html`<th scope="col">${st(`survey.element.${e}`)}</th>`)}<th scope="col">${st('staff.reportsIkm')}</th><th scope="col">${st('staff.reportsQuality')}</th>`;
  return html`<section class="report-section card" aria-labelledby="satisfaction-title" data-report-satisfaction>
<h2 id="satisfaction-title">${st('staff.reportsSatisfaction')}</h2>
<p class="muted">${st('staff.reportsSatisfactionLead', { from: formatMonth(s.fromMonth, STAFF_LANG), to: formatMonth(s.toMonth, STAFF_LANG) })}</p>
${s.overall.responses === 0
  ? html`<p class="muted">${st('staff.reportsNoSurvey')}</p>`
  : html`<div class="table-scroll" role="region" tabindex="0" aria-label="${st('staff.reportsSatisfaction')}"><table class="report-table">
<caption class="vh">${st('staff.reportsSatisfaction')}</caption>
<thead><tr><th scope="col">${st('staff.reportsMonth')}</th><th scope="col">${st('staff.reportsServiceName')}</th>${head}</tr></thead>
<tbody>${s.rows.map((row) => html`<tr><td>${formatMonth(row.month, STAFF_LANG)}</td><th scope="row">${row.service.name}</th>${indexCells(row)}</tr>`)}
${s.services.length > 1 || s.fromMonth !== s.toMonth ? s.services.map((x) => html`<tr><td>${formatMonth(s.fromMonth, STAFF_LANG)}–${formatMonth(s.toMonth, STAFF_LANG)}</td><th scope="row">${x.service.name}</th>${indexCells(x)}</tr>`) : ''}
<tr class="report-total"><td></td><th scope="row">${st('staff.reportsAllServices')}</th>${indexCells(s.overall)}</tr></tbody>
</table></div>`}
</section>`;
}
