import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import { requireStaffOffice } from '../../app/office/queries/find-office.js';
import { getOfficeSummary } from '../../app/reports/queries/office-summary.js';
import { MAX_REPORT_DAYS } from '../../domain/reports/report-range.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole } from '../plugins/staff-auth.js';
import { REPORT_TABLES, reportCsv, reportCsvFileName } from '../presenters/report-csv.js';
import { OfficeReportSchema, presentReport } from '../presenters/report.js';
import { getSatisfactionReport } from '../../app/reports/queries/satisfaction-report.js';
import { presentSatisfactionReport, SatisfactionReportSchema } from '../presenters/satisfaction.js';
import { dateField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const RangeQuery = z.object({
  from: dateField.describe('First date, YYYY-MM-DD on the office calendar'),
  to: dateField.describe(`Last date, included; at most ${MAX_REPORT_DAYS} days after from`),
});
const CsvQuery = RangeQuery.extend({
  table: z
    .enum(REPORT_TABLES, { error: 'REPORT_TABLE_INVALID' })
    .default('days')
    .describe('Which table of the report page: days (default, day by day), sessions, services, counters, clerks, hours, totals or outcomes (finished visits by outcome: served, documents_incomplete, referred, unrecorded)'),
});

const TAG = ['reports'];
const SESSION = [{ staffSession: [] }];

/**
 * The office's report under /api/v1. Admins only: it names each clerk's numbers, which is for
 * whoever runs the office, not for the desk. An admin tied to one office sees only that one.
 */
export function reportsApiRoutes(ctx: AppContext) {
  return routePlugin('reportsApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (_req, reply) => {
      // Per-person numbers: no cache may keep them.
      reply.header('cache-control', 'no-store');
    });
    app.addHook('preHandler', async (req) => {
      const slug = (req.params as { slug?: unknown }).slug;
      if (req.staff?.officeId != null && typeof slug === 'string') await requireStaffOffice(ctx, { officeSlug: slug, staffOfficeId: req.staff.officeId });
    });
    const adminOnly = { onRequest: requireRole('admin') };

    app.get(
      '/offices/:slug/reports/summary',
      {
        ...adminOnly,
        schema: {
          tags: TAG,
          summary: 'The office report for a range of dates: outcomes, fill, services, counters, clerks, waiting and service times, busiest hours, day by day [admin]',
          security: SESSION,
          params: SlugParams,
          querystring: RangeQuery,
          response: { 200: OfficeReportSchema, ...ERROR_RESPONSES },
        },
      },
      async (req) => presentReport(await getOfficeSummary(ctx, { officeSlug: req.params.slug, from: req.query.from, to: req.query.to })),
    );

    app.get(
      '/offices/:slug/reports/satisfaction',
      {
        ...adminOnly,
        schema: {
          tags: TAG,
          summary: 'The satisfaction survey (SKM, Permenpan RB 14/2017): the IKM per service and month, per service, and overall, for the months the range touches [admin]',
          security: SESSION,
          params: SlugParams,
          querystring: RangeQuery,
          response: { 200: SatisfactionReportSchema, ...ERROR_RESPONSES },
        },
      },
      async (req) => presentSatisfactionReport(await getSatisfactionReport(ctx, { officeSlug: req.params.slug, from: req.query.from, to: req.query.to })),
    );

    app.get(
      '/offices/:slug/reports/summary.csv',
      {
        ...adminOnly,
        schema: {
          tags: TAG,
          summary: 'One table of the office report as CSV (UTF-8 with BOM, comma-separated, CRLF, RFC 4180 quoting; durations in seconds) [admin]',
          security: SESSION,
          params: SlugParams,
          querystring: CsvQuery,
          response: { 200: { description: 'The table as a CSV file', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const report = await getOfficeSummary(ctx, { officeSlug: req.params.slug, from: req.query.from, to: req.query.to });
        const table = req.query.table;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${reportCsvFileName(report, table)}"`)
          .send(reportCsv(report, table));
      },
    );
  });
}
