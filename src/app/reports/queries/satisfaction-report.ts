import { listServices } from '../../../db/repositories/catalogue.js';
import { sumSurveyResponses } from '../../../db/repositories/survey.js';
import type { LocalDate } from '../../../domain/local-date.js';
import { checkReportRange } from '../../../domain/reports/report-range.js';
import { emptyTotals, type SatisfactionIndex, satisfactionIndex, SURVEY_ELEMENTS, type SurveyTotals } from '../../../domain/satisfaction.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

export interface SatisfactionReportOptions {
  officeSlug: string;
  /** First date of the range; answers are kept by month, so its whole month counts. */
  from: LocalDate;
  /** Last date, included; its whole month counts. */
  to: LocalDate;
}

/** The index of one service in one month. */
export interface SatisfactionRow extends SatisfactionIndex {
  month: string;
  service: { code: string; name: string; nameEn: string };
}

/** The satisfaction survey's results over a range of months: per month and service, per service, and overall. */
export interface SatisfactionReport {
  office: { slug: string; name: string };
  /** The first and last month covered (`YYYY-MM`). */
  fromMonth: string;
  toMonth: string;
  rows: SatisfactionRow[];
  services: (SatisfactionIndex & { service: SatisfactionRow['service'] })[];
  overall: SatisfactionIndex;
}

/**
 * The community satisfaction index (IKM) of an office per service and month, for the months
 * the date range touches (answers are stored by month only, to keep them anonymous).
 */
export async function getSatisfactionReport(ctx: AppContext, opts: SatisfactionReportOptions): Promise<SatisfactionReport> {
  checkReportRange(opts.from, opts.to);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const fromMonth = opts.from.slice(0, 7);
  const toMonth = opts.to.slice(0, 7);
  const [sums, services] = await Promise.all([sumSurveyResponses(db, office.id, fromMonth, toMonth), listServices(db, office.id, { includeInactive: true })]);
  const serviceOf = (id: number) => {
    const s = services.find((x) => Number(x.id) === id);
    return { code: s?.code ?? String(id), name: s?.name ?? String(id), nameEn: s?.name_en ?? String(id) };
  };
  const byService = new Map<number, SurveyTotals>();
  let overall = emptyTotals();
  const rows = sums.map((r) => {
    const totals: SurveyTotals = { responses: r.responses, sums: r.sums };
    byService.set(r.serviceId, merge(byService.get(r.serviceId) ?? emptyTotals(), totals));
    overall = merge(overall, totals);
    return { month: r.month, service: serviceOf(r.serviceId), ...satisfactionIndex(totals) };
  });
  const order = (id: number) => services.findIndex((s) => Number(s.id) === id);
  return {
    office: { slug: office.slug, name: office.name },
    fromMonth,
    toMonth,
    rows,
    services: [...byService.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([id, totals]) => ({ service: serviceOf(id), ...satisfactionIndex(totals) })),
    overall: satisfactionIndex(overall),
  };
}

function merge(a: SurveyTotals, b: SurveyTotals): SurveyTotals {
  const sums = { ...a.sums };
  for (const e of SURVEY_ELEMENTS) sums[e] += b.sums[e];
  return { responses: a.responses + b.responses, sums };
}

