import type { OfficeReport } from '../../app/reports/queries/office-summary.js';
import { FINISH_OUTCOMES } from '../../domain/counter-work.js';
import type { DurationStats } from '../../domain/reports/statistics.js';

/*
 * The report's tables as CSV for Excel and LibreOffice: UTF-8 with a byte-order mark (Excel
 * reads UTF-8 only with it), comma-separated, CRLF line ends, fields quoted per RFC 4180 when
 * they hold a comma, a quote or a line break. Header names are snake_case ASCII (no `;`, which
 * some locales split on). Numbers are written plainly, with a dot for decimals; durations are
 * seconds, fill a percentage.
 */

/** The tables of the report page, each exportable. */
export const REPORT_TABLES = ['days', 'sessions', 'services', 'counters', 'clerks', 'hours', 'totals', 'outcomes'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

type Cell = string | number | boolean | null;

const BOM = '\uFEFF';

/**
 * One field: numbers as they are, text quoted when needed. Text that a spreadsheet would take
 * for a formula (=, +, -, @ first) gets a leading apostrophe: names are typed by people.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document, BOM first, a CRLF after every line. */
export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

function percent(fill: number | null): number | null {
  return fill === null ? null : Math.round(fill * 1000) / 10;
}

const OUTCOME_HEADER = ['booked', 'booked_online', 'booked_desk', 'booked_walk_in', 'checked_in', 'served', 'no_show', 'cancelled', 'pending'];
function outcomeCells(o: { booked: number; bookedOnline: number; bookedDesk: number; bookedWalkIn: number; checkedIn: number; served: number; noShow: number; cancelled: number; pending: number }): Cell[] {
  return [o.booked, o.bookedOnline, o.bookedDesk, o.bookedWalkIn, o.checkedIn, o.served, o.noShow, o.cancelled, o.pending];
}
const durationHeader = (prefix: string) => [`${prefix}_count`, `${prefix}_median_seconds`, `${prefix}_p90_seconds`];
const durationCells = (d: DurationStats): Cell[] => [d.count, d.medianSeconds, d.p90Seconds];
const FILL_HEADER = ['capacity', 'taken', 'fill_percent'];
const fillCells = (f: { capacity: number; taken: number; fill: number | null }): Cell[] => [f.capacity, f.taken, percent(f.fill)];
const WORK_HEADER = ['calls', 'recalls', 'skips', 'transfers', 'served', ...durationHeader('service')];
function workCells(w: { calls: number; recalls: number; skips: number; transfers: number; served: number; serviceTime: DurationStats }): Cell[] {
  return [w.calls, w.recalls, w.skips, w.transfers, w.served, ...durationCells(w.serviceTime)];
}

/** One table of the report as a CSV document. */
export function reportCsv(report: OfficeReport, table: ReportTable): string {
  const s = report.summary;
  switch (table) {
    case 'totals':
      return csvDocument(
        ['from', 'to', 'open_days', ...OUTCOME_HEADER, ...FILL_HEADER, ...durationHeader('waiting'), ...durationHeader('service')],
        [[report.from, report.to, s.totals.openDays, ...outcomeCells(s.totals), ...fillCells(s.totals), ...durationCells(s.totals.waitingTime), ...durationCells(s.totals.serviceTime)]],
      );
    case 'days':
      return csvDocument(
        ['date', 'open', ...OUTCOME_HEADER, ...FILL_HEADER, ...durationHeader('waiting'), ...durationHeader('service')],
        s.days.map((d) => [d.date, d.open, ...outcomeCells(d), ...fillCells(d), ...durationCells(d.waitingTime), ...durationCells(d.serviceTime)]),
      );
    case 'sessions':
      return csvDocument(['session', 'start', 'end', 'open_days', ...FILL_HEADER], s.sessions.map((x) => [x.letter, x.start, x.end, x.openDays, ...fillCells(x)]));
    case 'services':
      return csvDocument(
        ['code', 'name', ...OUTCOME_HEADER, ...durationHeader('waiting'), ...durationHeader('service')],
        s.services.map((x) => [x.code, x.name, ...outcomeCells(x), ...durationCells(x.waitingTime), ...durationCells(x.serviceTime)]),
      );
    case 'counters':
      return csvDocument(['counter', 'name', ...WORK_HEADER], s.counters.map((c) => [c.counter, c.name, ...workCells(c)]));
    case 'clerks':
      return csvDocument(['username', ...WORK_HEADER], s.clerks.map((c) => [c.username, ...workCells(c)]));
    case 'hours':
      return csvDocument(['hour', 'check_ins', 'calls'], s.hours.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, h.checkIns, h.calls]));
    case 'outcomes':
      // Finished visits by how the counter closed them; `unrecorded`: finished without one (older visits, day end).
      return csvDocument(['outcome', 'finished'], [...FINISH_OUTCOMES, 'unrecorded' as const].map((o) => [o, report.finishOutcomes[o]]));
  }
}

/** The file name a browser saves the table under. */
export function reportCsvFileName(report: OfficeReport, table: ReportTable): string {
  return `antrean-${report.office.slug}-${table}-${report.from}_${report.to}.csv`;
}
