/*
 * The community satisfaction survey (Survei Kepuasan Masyarakat, SKM) of Permenpan RB
 * No. 14/2017: nine elements, each answered on a four-point scale, summarised as the IKM
 * (Indeks Kepuasan Masyarakat) = the mean of the element means × 25, with quality categories.
 */

/** The nine elements, in the regulation's order; the texts name them in words. */
export const SURVEY_ELEMENTS = [
  'requirements',
  'procedure',
  'duration',
  'cost',
  'product',
  'competence',
  'conduct',
  'complaints',
  'facilities',
] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

/** One answer: 1 (not good / not suitable) to 4 (very good / very suitable). */
export type SurveyScore = 1 | 2 | 3 | 4;
export const SURVEY_SCORES: readonly SurveyScore[] = [1, 2, 3, 4];

/** One citizen's answers to all nine elements. */
export type SurveyAnswers = Record<SurveyElement, SurveyScore>;

/** Whether a ticket's survey may be answered now: once its visit is finished (`done`), and only once. */
export function isSurveyOpen(ticket: { status: string; surveyAnswered: boolean }): boolean {
  return ticket.status === 'done' && !ticket.surveyAnswered;
}

/** Whether a value is a score on the four-point scale. */
export function isSurveyScore(value: unknown): value is SurveyScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4;
}

/** Quality categories (mutu pelayanan) by converted index: A very good … D not good. */
export type ServiceQuality = 'A' | 'B' | 'C' | 'D';

/**
 * The category of a converted IKM (25–100), by the regulation's intervals: D 25.00–64.99,
 * C 65.00–76.60, B 76.61–88.30, A 88.31–100.00. The index is compared at two decimals, as
 * the regulation prints it, so 76.605 counts as 76.61 (B).
 */
export function qualityOf(ikm: number): ServiceQuality {
  const v = Math.round(ikm * 100) / 100;
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}

/** Sums of a group of answers, as storage adds them up. */
export interface SurveyTotals {
  responses: number;
  /** Sum of the scores given to each element. */
  sums: Record<SurveyElement, number>;
}

/** A group's index: the mean per element (1–4), the IKM (25–100) and its category; null without answers. */
export interface SatisfactionIndex {
  responses: number;
  elements: Record<SurveyElement, number | null>;
  ikm: number | null;
  quality: ServiceQuality | null;
}

/**
 * The IKM of a group of answers: each element's mean (NRR per unsur), their mean with equal
 * weights (1/9 each, the regulation's weighting), times 25. Rounded to two decimals at the
 * end only, so the category is decided on the index as printed.
 */
export function satisfactionIndex(totals: SurveyTotals): SatisfactionIndex {
  const n = totals.responses;
  const elements = Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, n > 0 ? round2(totals.sums[e] / n) : null])) as Record<SurveyElement, number | null>;
  if (n === 0) return { responses: 0, elements, ikm: null, quality: null };
  const meanOfMeans = SURVEY_ELEMENTS.reduce((acc, e) => acc + totals.sums[e] / n, 0) / SURVEY_ELEMENTS.length;
  const ikm = round2(meanOfMeans * 25);
  return { responses: n, elements, ikm, quality: qualityOf(ikm) };
}

/** Adds one set of answers to running totals. */
export function addAnswers(totals: SurveyTotals, answers: SurveyAnswers): SurveyTotals {
  const sums = { ...totals.sums };
  for (const e of SURVEY_ELEMENTS) sums[e] += answers[e];
  return { responses: totals.responses + 1, sums };
}

/** Totals of no answers. */
export function emptyTotals(): SurveyTotals {
  return { responses: 0, sums: Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, 0])) as Record<SurveyElement, number> };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
