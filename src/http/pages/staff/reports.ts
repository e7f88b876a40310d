import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import { getOfficeSummary, type OfficeReport } from '../../../app/reports/queries/office-summary.js';
import { getSatisfactionReport, type SatisfactionReport } from '../../../app/reports/queries/satisfaction-report.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { addDays, todayIn } from '../../../domain/local-date.js';
import { errorText } from '../../../texts/texts.js';
import { dateField, parseInput } from '../../validation.js';
import { dailyReportPage, reportsPage } from '../../views/staff/reports.js';
import { requirePageRole, sendStaffPage, viewerOf } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

// Every field optional: a bare /staff/admin/reports shows the last seven days.
const ReportsQuery = z.object({
  office: z.string().max(64).optional(),
  from: dateField.optional(),
  to: dateField.optional(),
});
const DailyQuery = z.object({ office: z.string().max(64).optional(), date: dateField.optional() });

/** The days a bare report page shows: the last week, today included. */
const DEFAULT_DAYS = 7;

type Office = Awaited<ReturnType<typeof listOffices>>[number];

/**
 * The offices the viewer may report on and the one asked for: an account tied to one office
 * has only that one (asking for another is OTHER_OFFICE); others default to the first office.
 */
async function chooseOffice(ctx: AppContext, req: FastifyRequest, slug: string | undefined): Promise<{ office: Office; offices: Office[] }> {
  const staffOffice = req.staff?.officeId ?? null;
  const all = await listOffices(ctx);
  const offices = all.filter((o) => staffOffice === null || o.id === staffOffice);
  if (slug !== undefined && slug !== '') {
    const asked = all.find((o) => o.slug === slug);
    if (!asked) throw new DomainError('NOT_FOUND', { what: 'office' });
    if (!offices.includes(asked)) throw new DomainError('OTHER_OFFICE');
    return { office: asked, offices };
  }
  const first = offices[0];
  if (!first) throw new DomainError('NOT_FOUND', { what: 'office' });
  return { office: first, offices };
}

/** The raw query values, for showing a refused range back in its fields. */
function rawQuery(req: FastifyRequest): Record<string, string> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= 64));
}

/** The admin's report pages: a range with charts and tables, and a printable day. */
export function reportPages(ctx: AppContext) {
  return routePlugin('reportPages', async (app: FastifyInstance) => {
    // Admins only, like the report API: the desk does not read each clerk's numbers.
    const adminOnly = { onRequest: requirePageRole('admin') };

    app.get('/staff/admin/reports', adminOnly, async (req, reply) => {
      const raw = rawQuery(req);
      const { office, offices } = await chooseOffice(ctx, req, raw.office);
      const now = ctx.now();
      const today = todayIn(office.timezone, now);
      const base = { viewer: viewerOf(req), offices: offices.map((o) => ({ slug: o.slug, name: o.name })), office: { slug: office.slug, name: office.name, timezone: office.timezone }, now };
      let report: OfficeReport;
      let satisfaction: SatisfactionReport;
      try {
        const q = parseInput(ReportsQuery, req.query);
        const to = q.to ?? today;
        const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
        [report, satisfaction] = await Promise.all([getOfficeSummary(ctx, { officeSlug: office.slug, from, to }), getSatisfactionReport(ctx, { officeSlug: office.slug, from, to })]);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        // The form comes back with what was typed and why it was refused.
        const problems = Object.fromEntries(error.fields.map((f) => [f.field, errorText('id', f.problem)]));
        const page = reportsPage({ ...base, from: raw.from ?? '', to: raw.to ?? '', report: null, problems });
        return sendStaffPage(reply, page, 422);
      }
      return sendStaffPage(reply, reportsPage({ ...base, from: report.from, to: report.to, report, satisfaction }));
    });

    app.get('/staff/admin/reports/daily', adminOnly, async (req, reply) => {
      const q = parseInput(DailyQuery, req.query);
      const { office } = await chooseOffice(ctx, req, q.office);
      const now = ctx.now();
      const date = q.date ?? todayIn(office.timezone, now);
      const report = await getOfficeSummary(ctx, { officeSlug: office.slug, from: date, to: date });
      return sendStaffPage(reply, dailyReportPage({ viewer: viewerOf(req), report, now }));
    });
  });
}
