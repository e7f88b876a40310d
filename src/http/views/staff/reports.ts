import type { OfficeReport } from '../../../app/reports/queries/office-summary.js';
import { formatDate, formatShortDate, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { timeIn, todayIn } from '../../../domain/local-date.js';
import type { DurationStats } from '../../../domain/reports/statistics.js';
import type { ReportTable } from '../../presenters/report-csv.js';
import { html, type SafeHtml } from '../html.js';
import { type Bar, CHART_COLOURS, columns, horizontalBars } from './charts.js';
import { notice, type PageViewer, staffPage } from './layout.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { textsFor } from '../../../texts/texts.js';
import type { SatisfactionReport } from '../../../app/reports/queries/satisfaction-report.js';
import { outcomesSection, outcomesTable, satisfactionSection } from './report-satisfaction.js';

const st = textsFor(STAFF_LANG);

const NUMBER = new Intl.NumberFormat('id-ID');
const ONE_DECIMAL = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const n = (v: number) => NUMBER.format(v);
const percent = (fill: number | null) => (fill === null ? st('staff.reportsNone') : `${ONE_DECIMAL.format(fill * 100)} %`);
const minutes = (seconds: number | null) => (seconds === null ? st('staff.reportsNone') : st('staff.reportsMinutes', { n: ONE_DECIMAL.format(seconds / 60) }));

/** The address of the report page for an office and range. */
export function reportsPath(q: { office: string; from: string; to: string }): string {
  return `/staff/admin/reports?${new URLSearchParams(q)}`;
}

/** The address of the printable daily summary. */
export function dailyReportPath(q: { office: string; date: string }): string {
  return `/staff/admin/reports/daily?${new URLSearchParams(q)}`;
}

/** Where a table of the report downloads as CSV. */
export function csvPath(slug: string, q: { from: string; to: string; table: ReportTable }): string {
  return `/api/v1/offices/${encodeURIComponent(slug)}/reports/summary.csv?${new URLSearchParams(q)}`;
}

/** The office a report is about, as the page names it. */
export interface ReportOffice {
  slug: string;
  name: string;
  timezone: string;
}

/** What the report page shows: the form, and the report when the range was good. */
export interface ReportsPageModel {
  viewer: PageViewer;
  /** Offices the viewer may choose between; the picker shows when there is more than one. */
  offices: { slug: string; name: string }[];
  office: ReportOffice;
  from: string;
  to: string;
  now: Date;
  report: OfficeReport | null;
  /** The satisfaction survey over the months of the range, beside the report. */
  satisfaction?: SatisfactionReport | null | undefined;
  /** Why the range was refused, per field. */
  problems?: Record<string, string>;
}

/** The title of a table, named in its download link. */
type TableTitle = 'staff.reportsDays' | 'staff.reportsSessions' | 'staff.reportsServices' | 'staff.reportsCounters' | 'staff.reportsClerks' | 'staff.reportsHours' | 'staff.reportsTotals' | 'staff.reportsOutcomes';

function csvLink(slug: string, report: OfficeReport, table: ReportTable, titleKey: TableTitle): SafeHtml {
  return html`<p class="report-csv"><a class="button" href="${csvPath(slug, { from: report.from, to: report.to, table })}" download data-csv="${table}">${st('staff.reportsCsv')}<span class="vh"> – ${st('staff.reportsCsvOf', { table: st(titleKey) })}</span></a></p>`;
}

function durationCells(d: DurationStats): SafeHtml {
  return html`<td>${minutes(d.medianSeconds)}</td><td>${minutes(d.p90Seconds)}</td>`;
}

/** A wide table that scrolls sideways on a narrow screen; focusable, so a keyboard can scroll it too. */
function scroller(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

function figure(chart: SafeHtml, caption: string): SafeHtml {
  return html`<figure class="report-figure">${chart}<figcaption>${caption}</figcaption></figure>`;
}

function highest(bars: readonly Bar[]): string {
  const top = [...bars].sort((a, b) => b.value - a.value)[0];
  return top && top.value > 0 ? st('staff.reportsChartHighest', { label: top.label, value: top.text }) : st('staff.reportsChartEmpty');
}

function totalsTiles(r: OfficeReport): SafeHtml {
  const t = r.summary.totals;
  const tile = (label: string, value: string, help?: string) =>
    html`<div class="figure-tile"><dt>${label}</dt><dd><span class="figure-value">${value}</span>${help ? html`<span class="figure-help">${help}</span>` : ''}</dd></div>`;
  return html`<dl class="figure-tiles">
${tile(st('staff.reportsBooked'), n(t.booked), st('staff.reportsBookedSplit', { online: n(t.bookedOnline), desk: n(t.bookedDesk), walkIn: n(t.bookedWalkIn) }))}
${tile(st('staff.reportsCheckedIn'), n(t.checkedIn))}
${tile(st('staff.reportsServed'), n(t.served))}
${tile(st('staff.reportsNoShow'), n(t.noShow))}
${tile(st('staff.reportsCancelled'), n(t.cancelled))}
${tile(st('staff.reportsFill'), percent(t.fill), st('staff.reportsFillOf', { taken: n(t.taken), capacity: n(t.capacity) }))}
${tile(st('staff.reportsWaiting'), minutes(t.waitingTime.medianSeconds), `${st('staff.reportsMedianP90', { median: minutes(t.waitingTime.medianSeconds), p90: minutes(t.waitingTime.p90Seconds) })} · ${st('staff.reportsWaitingHelp')} · ${st('staff.reportsMeasured', { count: n(t.waitingTime.count) })}`)}
${tile(st('staff.reportsService'), minutes(t.serviceTime.medianSeconds), `${st('staff.reportsMedianP90', { median: minutes(t.serviceTime.medianSeconds), p90: minutes(t.serviceTime.p90Seconds) })} · ${st('staff.reportsServiceHelp')} · ${st('staff.reportsMeasured', { count: n(t.serviceTime.count) })}`)}
</dl>`;
}

function daysSection(r: OfficeReport): SafeHtml {
  const days = r.summary.days;
  const series = [
    { name: st('staff.reportsServed'), colour: CHART_COLOURS.green, values: days.map((d) => d.served) },
    { name: st('staff.reportsNoShow'), colour: CHART_COLOURS.red, values: days.map((d) => d.noShow) },
    { name: st('staff.reportsCancelled'), colour: CHART_COLOURS.grey, values: days.map((d) => d.cancelled) },
    { name: st('staff.reportsPending'), colour: CHART_COLOURS.blue, values: days.map((d) => d.pending) },
  ];
  const busiest = highest(days.map((d) => ({ label: formatDate(d.date, 'id'), value: d.booked, text: `${n(d.booked)} ${st('staff.reportsBooked').toLowerCase()}` })));
  const chart = columns({
    id: 'chart-days',
    title: st('staff.reportsDaysChart'),
    description: `${series.map((s) => `${s.name} ${n(s.values.reduce((a, b) => a + b, 0))}`).join(', ')}. ${busiest}`,
    categories: days.map((d) => formatShortDate(d.date, 'id').replace(/^\S+ /, '')),
    series,
    stacked: true,
  });
  return html`<section class="report-section card" aria-labelledby="days-title">
<h2 id="days-title">${st('staff.reportsDays')}</h2>
${figure(chart, st('staff.reportsDaysChart'))}
${scroller(st('staff.reportsDays'), html`<table class="report-table">
<caption class="vh">${st('staff.reportsDays')}</caption>
<thead><tr><th scope="col">${st('staff.reportsDate')}</th><th scope="col">${st('staff.reportsBooked')}</th><th scope="col">${st('staff.reportsOnline')}</th><th scope="col">${st('staff.reportsDesk')}</th><th scope="col">${st('staff.reportsWalkIn')}</th><th scope="col">${st('staff.reportsCheckedIn')}</th><th scope="col">${st('staff.reportsServed')}</th><th scope="col">${st('staff.reportsNoShow')}</th><th scope="col">${st('staff.reportsCancelled')}</th><th scope="col">${st('staff.reportsFill')}</th><th scope="col">${st('staff.reportsWaiting')} (${st('staff.reportsMedian')})</th><th scope="col">${st('staff.reportsService')} (${st('staff.reportsMedian')})</th></tr></thead>
<tbody>${days.map(
    (d) => html`<tr${d.open ? '' : html` class="is-closed"`}><th scope="row">${formatShortDate(d.date, 'id')}${d.open ? '' : html` <span class="muted">(${st('staff.reportsClosed')})</span>`}</th><td>${n(d.booked)}</td><td>${n(d.bookedOnline)}</td><td>${n(d.bookedDesk)}</td><td>${n(d.bookedWalkIn)}</td><td>${n(d.checkedIn)}</td><td>${n(d.served)}</td><td>${n(d.noShow)}</td><td>${n(d.cancelled)}</td><td>${percent(d.fill)}</td><td>${minutes(d.waitingTime.medianSeconds)}</td><td>${minutes(d.serviceTime.medianSeconds)}</td></tr>`,
  )}</tbody>
</table>`)}
${csvLink(r.office.slug, r, 'days', 'staff.reportsDays')}
</section>`;
}

function sessionsTable(r: OfficeReport): SafeHtml {
  return html`<table class="report-table">
<caption class="vh">${st('staff.reportsSessions')}</caption>
<thead><tr><th scope="col">${st('staff.reportsSession')}</th><th scope="col">${st('staff.reportsTaken')}</th><th scope="col">${st('staff.reportsCapacity')}</th><th scope="col">${st('staff.reportsFill')}</th></tr></thead>
<tbody>${r.summary.sessions.map((s) => html`<tr><th scope="row">${s.letter} · ${s.start.replace(':', '.')}–${s.end.replace(':', '.')}</th><td>${n(s.taken)}</td><td>${n(s.capacity)}</td><td>${percent(s.fill)}</td></tr>`)}</tbody>
</table>`;
}

function sessionsSection(r: OfficeReport): SafeHtml {
  const bars = r.summary.sessions.map((s) => ({ label: `${s.letter} · ${s.start.replace(':', '.')}–${s.end.replace(':', '.')}`, value: (s.fill ?? 0) * 100, text: percent(s.fill) }));
  const chart = horizontalBars({ id: 'chart-sessions', title: st('staff.reportsSessionsChart'), description: `${bars.map((b) => `${b.label}: ${b.text}`).join('; ')}.`, bars, max: 100 });
  return html`<section class="report-section card" aria-labelledby="sessions-title">
<h2 id="sessions-title">${st('staff.reportsSessions')}</h2>
<div class="report-pair">${figure(chart, st('staff.reportsSessionsChart'))}<div>${sessionsTable(r)}${csvLink(r.office.slug, r, 'sessions', 'staff.reportsSessions')}</div></div>
</section>`;
}

function servicesSection(r: OfficeReport): SafeHtml {
  const services = r.summary.services;
  const bars = services.filter((s) => s.booked > 0).sort((a, b) => b.booked - a.booked).map((s) => ({ label: s.name, value: s.booked, text: n(s.booked) }));
  const chart = horizontalBars({ id: 'chart-services', title: st('staff.reportsServicesChart'), description: `${bars.map((b) => `${b.label}: ${b.text}`).join('; ') || st('staff.reportsChartEmpty')}`, bars });
  return html`<section class="report-section card" aria-labelledby="services-title">
<h2 id="services-title">${st('staff.reportsServices')}</h2>
${bars.length ? figure(chart, st('staff.reportsServicesChart')) : html`<p class="muted">${st('staff.reportsChartEmpty')}</p>`}
${scroller(st('staff.reportsServices'), html`<table class="report-table">
<caption class="vh">${st('staff.reportsServices')}</caption>
<thead><tr><th scope="col">${st('staff.reportsServiceName')}</th><th scope="col">${st('staff.reportsBooked')}</th><th scope="col">${st('staff.reportsCheckedIn')}</th><th scope="col">${st('staff.reportsServed')}</th><th scope="col">${st('staff.reportsNoShow')}</th><th scope="col">${st('staff.reportsCancelled')}</th><th scope="col">${st('staff.reportsWaiting')} (${st('staff.reportsMedian')})</th><th scope="col">${st('staff.reportsWaiting')} (${st('staff.reportsP90')})</th><th scope="col">${st('staff.reportsService')} (${st('staff.reportsMedian')})</th><th scope="col">${st('staff.reportsService')} (${st('staff.reportsP90')})</th></tr></thead>
<tbody>${services.map((s) => html`<tr><th scope="row">${s.name} <span class="muted">${s.code}</span></th><td>${n(s.booked)}</td><td>${n(s.checkedIn)}</td><td>${n(s.served)}</td><td>${n(s.noShow)}</td><td>${n(s.cancelled)}</td>${durationCells(s.waitingTime)}${durationCells(s.serviceTime)}</tr>`)}</tbody>
</table>`)}
${csvLink(r.office.slug, r, 'services', 'staff.reportsServices')}
</section>`;
}

type WorkRow = { calls: number; recalls: number; skips: number; transfers: number; served: number; serviceTime: DurationStats };

function workTable(caption: string, whoLabel: string, rows: { who: string; work: WorkRow }[]): SafeHtml {
  return html`<table class="report-table">
<caption class="vh">${caption}</caption>
<thead><tr><th scope="col">${whoLabel}</th><th scope="col">${st('staff.reportsCalls')}</th><th scope="col">${st('staff.reportsRecalls')}</th><th scope="col">${st('staff.reportsSkips')}</th><th scope="col">${st('staff.reportsTransfers')}</th><th scope="col">${st('staff.reportsServed')}</th><th scope="col">${st('staff.reportsService')} (${st('staff.reportsMedian')})</th><th scope="col">${st('staff.reportsService')} (${st('staff.reportsP90')})</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.who}</th><td>${n(r.work.calls)}</td><td>${n(r.work.recalls)}</td><td>${n(r.work.skips)}</td><td>${n(r.work.transfers)}</td><td>${n(r.work.served)}</td>${durationCells(r.work.serviceTime)}</tr>`)}</tbody>
</table>`;
}

function workSection(r: OfficeReport, kind: 'counters' | 'clerks'): SafeHtml {
  const rows =
    kind === 'counters'
      ? r.summary.counters.map((c) => ({ who: c.name || `${st('staff.reportsCounter')} ${c.counter}`, work: c }))
      : r.summary.clerks.map((c) => ({ who: c.username, work: c }));
  const title = st(kind === 'counters' ? 'staff.reportsCounters' : 'staff.reportsClerks');
  const chartTitle = st(kind === 'counters' ? 'staff.reportsCountersChart' : 'staff.reportsClerksChart');
  const bars = rows.map((x) => ({ label: x.who, value: x.work.served, text: n(x.work.served) }));
  const chart = horizontalBars({ id: `chart-${kind}`, title: chartTitle, description: bars.length ? `${bars.map((b) => `${b.label}: ${b.text}`).join('; ')}.` : st('staff.reportsChartEmpty'), bars, colour: CHART_COLOURS.green });
  return html`<section class="report-section card" aria-labelledby="${kind}-title">
<h2 id="${kind}-title">${title}</h2>
${rows.length ? html`<div class="report-pair">${figure(chart, chartTitle)}${scroller(title, workTable(title, st(kind === 'counters' ? 'staff.reportsCounter' : 'staff.reportsClerk'), rows))}</div>` : html`<p class="muted">${st('staff.reportsNothing')}</p>`}
${csvLink(r.office.slug, r, kind, kind === 'counters' ? 'staff.reportsCounters' : 'staff.reportsClerks')}
</section>`;
}

function hoursChart(r: OfficeReport, id: string): SafeHtml {
  const hours = r.summary.hours;
  const zone = zoneAbbreviation(r.office.timezone);
  const label = (h: number) => `${String(h).padStart(2, '0')}.00`;
  const busiest = highest(hours.map((h) => ({ label: label(h.hour), value: h.checkIns + h.calls, text: `${n(h.checkIns)} check-in, ${n(h.calls)} ${st('staff.reportsCalls').toLowerCase()}` })));
  return columns({
    id,
    title: st('staff.reportsHoursChart', { zone }),
    description: busiest,
    categories: hours.map((h) => label(h.hour)),
    series: [
      { name: st('staff.reportsCheckIns'), colour: CHART_COLOURS.blue, values: hours.map((h) => h.checkIns) },
      { name: st('staff.reportsCalls'), colour: CHART_COLOURS.brown, values: hours.map((h) => h.calls) },
    ],
    stacked: false,
  });
}

function hoursTable(r: OfficeReport): SafeHtml {
  return html`<table class="report-table">
<caption class="vh">${st('staff.reportsHours')}</caption>
<thead><tr><th scope="col">${st('staff.reportsHour')} (${zoneAbbreviation(r.office.timezone)})</th><th scope="col">${st('staff.reportsCheckIns')}</th><th scope="col">${st('staff.reportsCalls')}</th></tr></thead>
<tbody>${r.summary.hours.map((h) => html`<tr><th scope="row">${String(h.hour).padStart(2, '0')}.00–${String(h.hour + 1).padStart(2, '0')}.00</th><td>${n(h.checkIns)}</td><td>${n(h.calls)}</td></tr>`)}</tbody>
</table>`;
}

function hoursSection(r: OfficeReport): SafeHtml {
  const title = st('staff.reportsHoursChart', { zone: zoneAbbreviation(r.office.timezone) });
  return html`<section class="report-section card" aria-labelledby="hours-title">
<h2 id="hours-title">${st('staff.reportsHours')}</h2>
${r.summary.hours.length ? html`<div class="report-pair">${figure(hoursChart(r, 'chart-hours'), title)}<div>${hoursTable(r)}</div></div>` : html`<p class="muted">${st('staff.reportsNothing')}</p>`}
${csvLink(r.office.slug, r, 'hours', 'staff.reportsHours')}
</section>`;
}

function generatedLine(r: OfficeReport, now: Date): string {
  const at = `${formatShortDate(todayIn(r.office.timezone, now), 'id')} ${timeIn(r.office.timezone, now).replace(':', '.')} ${zoneAbbreviation(r.office.timezone)}`;
  return st('staff.reportsGenerated', { at });
}

function rangeForm(m: ReportsPageModel): SafeHtml {
  const problem = (field: string) => m.problems?.[field];
  const dateInput = (name: 'from' | 'to', label: string, value: string) =>
    html`<div class="field${problem(name) ? ' has-error' : ''}"><label for="report-${name}">${label}</label>${problem(name) ? html`<p class="error" id="report-${name}-error">${problem(name)}</p>` : ''}<input type="date" id="report-${name}" name="${name}" value="${value}" required${problem(name) ? html` aria-invalid="true" aria-describedby="report-${name}-error"` : ''}></div>`;
  return html`<form method="get" action="/staff/admin/reports" class="report-form card">
${m.offices.length > 1 ? html`<div class="field"><label for="report-office">${st('staff.reportsOffice')}</label><select id="report-office" name="office">${m.offices.map((o) => html`<option value="${o.slug}"${o.slug === m.office.slug ? ' selected' : ''}>${o.name}</option>`)}</select></div>` : html`<input type="hidden" name="office" value="${m.office.slug}">`}
${dateInput('from', st('staff.reportsFrom'), m.from)}
${dateInput('to', st('staff.reportsTo'), m.to)}
<div class="field"><button type="submit" class="button button-primary">${st('staff.reportsShow')}</button></div>
<p class="hint">${st('staff.reportsRangeHint')}</p>
</form>`;
}

/** `/staff/admin/reports`: the office's numbers over a range, each chart beside its table, each table as CSV. */
export function reportsPage(m: ReportsPageModel): SafeHtml {
  const r = m.report;
  const zone = zoneAbbreviation(m.office.timezone);
  const body = html`<div class="page report-page">
<h1>${st('staff.reportsTitle')}</h1>
<p class="lead">${st('staff.reportsLead', { zone })}</p>
${rangeForm(m)}
${m.problems ? notice('problem', Object.values(m.problems)[0] ?? '') : ''}
${r
    ? html`<p class="report-range"><strong>${st('staff.reportsRange', { from: formatDate(r.from, 'id'), to: formatDate(r.to, 'id') })}</strong> · ${generatedLine(r, m.now)} · <a href="${dailyReportPath({ office: r.office.slug, date: r.to })}">${st('staff.reportsDaily', { date: formatShortDate(r.to, 'id') })}</a></p>
<section class="report-section card" aria-labelledby="totals-title">
<h2 id="totals-title">${st('staff.reportsTotals')}</h2>
${totalsTiles(r)}
${csvLink(r.office.slug, r, 'totals', 'staff.reportsTotals')}
</section>
${daysSection(r)}
${sessionsSection(r)}
${hoursSection(r)}
${servicesSection(r)}
${workSection(r, 'counters')}
${workSection(r, 'clerks')}
${outcomesSection(r, csvLink(r.office.slug, r, 'outcomes', 'staff.reportsOutcomes'))}
${m.satisfaction ? satisfactionSection(m.satisfaction) : ''}
<p class="report-definitions muted">${st('staff.reportsDefinitions')}</p>`
    : ''}
</div>`;
  return staffPage({ title: st('staff.reportsTitle'), viewer: m.viewer, officeName: m.office.name, body, stylesheets: ['reports.css'] });
}

/** `/staff/admin/reports/daily`: one day on one A4 page, for the head of office's folder. */
export function dailyReportPage(m: { viewer: PageViewer; report: OfficeReport; now: Date }): SafeHtml {
  const r = m.report;
  const t = r.summary.totals;
  const services = r.summary.services.filter((s) => s.booked > 0);
  const counters = r.summary.counters.filter((c) => c.calls + c.served > 0);
  const cell = (label: string, value: string) => html`<div class="daily-figure"><dt>${label}</dt><dd>${value}</dd></div>`;
  const body = html`<div class="page daily-page">
<p class="no-print"><a href="${reportsPath({ office: r.office.slug, from: r.from, to: r.to })}">${st('staff.reportsDailyBack')}</a> · <span class="muted">${st('staff.reportsDailyPrint')}: Ctrl+P</span></p>
<header class="daily-head">
<h1>${st('staff.reportsDailyTitle')} · ${formatDate(r.from, 'id')}</h1>
<p>${r.office.name} · ${generatedLine(r, m.now)}</p>
</header>
<dl class="daily-figures">
${cell(st('staff.reportsBooked'), n(t.booked))}
${cell(st('staff.reportsOnline'), n(t.bookedOnline))}
${cell(st('staff.reportsDesk'), n(t.bookedDesk))}
${cell(st('staff.reportsWalkIn'), n(t.bookedWalkIn))}
${cell(st('staff.reportsCheckedIn'), n(t.checkedIn))}
${cell(st('staff.reportsServed'), n(t.served))}
${cell(st('staff.reportsNoShow'), n(t.noShow))}
${cell(st('staff.reportsCancelled'), n(t.cancelled))}
${cell(st('staff.reportsPending'), n(t.pending))}
${cell(st('staff.reportsFill'), percent(t.fill))}
${cell(`${st('staff.reportsWaiting')} (${st('staff.reportsMedian')} / ${st('staff.reportsP90')})`, `${minutes(t.waitingTime.medianSeconds)} / ${minutes(t.waitingTime.p90Seconds)}`)}
${cell(`${st('staff.reportsService')} (${st('staff.reportsMedian')} / ${st('staff.reportsP90')})`, `${minutes(t.serviceTime.medianSeconds)} / ${minutes(t.serviceTime.p90Seconds)}`)}
</dl>
<div class="daily-grid">
<section aria-labelledby="daily-sessions"><h2 id="daily-sessions">${st('staff.reportsSessions')}</h2>${sessionsTable(r)}</section>
<section aria-labelledby="daily-hours"><h2 id="daily-hours">${st('staff.reportsHours')}</h2>${r.summary.hours.length ? figure(hoursChart(r, 'daily-chart-hours'), st('staff.reportsHoursChart', { zone: zoneAbbreviation(r.office.timezone) })) : html`<p class="muted">${st('staff.reportsNothing')}</p>`}</section>
</div>
<section aria-labelledby="daily-services"><h2 id="daily-services">${st('staff.reportsServices')}</h2>
${services.length ? html`<table class="report-table"><thead><tr><th scope="col">${st('staff.reportsServiceName')}</th><th scope="col">${st('staff.reportsBooked')}</th><th scope="col">${st('staff.reportsServed')}</th><th scope="col">${st('staff.reportsNoShow')}</th><th scope="col">${st('staff.reportsWaiting')}</th><th scope="col">${st('staff.reportsService')}</th></tr></thead>
<tbody>${services.map((s) => html`<tr><th scope="row">${s.name}</th><td>${n(s.booked)}</td><td>${n(s.served)}</td><td>${n(s.noShow)}</td><td>${minutes(s.waitingTime.medianSeconds)}</td><td>${minutes(s.serviceTime.medianSeconds)}</td></tr>`)}</tbody></table>` : html`<p class="muted">${st('staff.reportsNothing')}</p>`}
</section>
<section aria-labelledby="daily-counters"><h2 id="daily-counters">${st('staff.reportsCounters')}</h2>
${counters.length ? workTable(st('staff.reportsCounters'), st('staff.reportsCounter'), counters.map((c) => ({ who: c.name || `${st('staff.reportsCounter')} ${c.counter}`, work: c }))) : html`<p class="muted">${st('staff.reportsNothing')}</p>`}
</section>
<section aria-labelledby="daily-outcomes" data-report-outcomes><h2 id="daily-outcomes">${st('staff.reportsOutcomes')}</h2>${outcomesTable(r)}</section>
<p class="report-definitions muted">${st('staff.reportsDefinitions')}</p>
</div>`;
  return staffPage({ title: `${st('staff.reportsDailyTitle')} ${r.from}`, viewer: m.viewer, officeName: r.office.name, body, stylesheets: ['reports.css'], bodyClass: 'is-daily-report' });
}
