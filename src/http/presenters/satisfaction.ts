import { z } from 'zod';
import type { SatisfactionReport } from '../../app/reports/queries/satisfaction-report.js';
import { type SatisfactionIndex, SURVEY_ELEMENTS, type SurveyElement } from '../../domain/satisfaction.js';

const ELEMENT_NAMES: Record<SurveyElement, string> = {
  requirements: 'Persyaratan (requirements)',
  procedure: 'Sistem, mekanisme dan prosedur (procedure)',
  duration: 'Waktu penyelesaian (time to complete)',
  cost: 'Biaya/tarif (cost)',
  product: 'Produk spesifikasi jenis pelayanan (what was delivered)',
  competence: 'Kompetensi pelaksana (staff competence)',
  conduct: 'Perilaku pelaksana (staff conduct)',
  complaints: 'Penanganan pengaduan, saran dan masukan (complaint handling)',
  facilities: 'Sarana dan prasarana (facilities)',
};

/** One answer to the survey: a score from 1 (not good) to 4 (very good) for each of the nine elements. */
export const SurveyAnswersSchema = z
  .object(Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, z.number({ error: 'SCORE_INVALID' }).int('SCORE_INVALID').min(1, 'SCORE_INVALID').max(4, 'SCORE_INVALID').describe(ELEMENT_NAMES[e])])) as Record<SurveyElement, z.ZodNumber>)
  .meta({ id: 'SurveyAnswers' });

const Index = {
  responses: z.number().int().describe('Answers counted'),
  elements: z.object(Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, z.number().nullable().describe(`Mean score 1–4: ${ELEMENT_NAMES[e]}`)])) as Record<SurveyElement, z.ZodNullable<z.ZodNumber>>),
  ikm: z.number().nullable().describe('IKM: the mean of the nine element means × 25 (25–100); null without answers'),
  quality: z.enum(['A', 'B', 'C', 'D']).nullable().describe('Quality category: A 88.31–100 very good, B 76.61–88.30 good, C 65.00–76.60 poor, D 25.00–64.99 not good'),
};
const Service = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

/** The satisfaction report as the API sends it. */
export const SatisfactionReportSchema = z
  .object({
    office: z.object({ slug: z.string(), name: z.string() }),
    fromMonth: z.string().describe('First month covered, YYYY-MM: answers are kept by month, so the whole month of `from` counts'),
    toMonth: z.string().describe('Last month covered, YYYY-MM'),
    rows: z.array(z.object({ month: z.string(), service: Service, ...Index })).describe('Per month and service'),
    services: z.array(z.object({ service: Service, ...Index })).describe('Per service over the whole range'),
    overall: z.object(Index),
  })
  .meta({ id: 'SatisfactionReport' });

function index(i: SatisfactionIndex) {
  return { responses: i.responses, elements: i.elements, ikm: i.ikm, quality: i.quality };
}

/** The report as it leaves the server: no internal ids. */
export function presentSatisfactionReport(r: SatisfactionReport): z.infer<typeof SatisfactionReportSchema> {
  return {
    office: r.office,
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    rows: r.rows.map((row) => ({ month: row.month, service: row.service, ...index(row) })),
    services: r.services.map((s) => ({ service: s.service, ...index(s) })),
    overall: index(r.overall),
  };
}
