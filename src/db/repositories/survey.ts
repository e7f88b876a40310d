import { SURVEY_ELEMENTS, type SurveyAnswers, type SurveyElement } from '../../domain/satisfaction.js';
import type { Executor } from './offices.js';

/**
 * Marks a finished booking's survey as answered, once: false when it was answered before (or
 * the booking is not finished), so a second submit stores nothing.
 */
export async function markSurveyAnswered(db: Executor, bookingId: number): Promise<boolean> {
  const result = await db.updateTable('bookings').set({ survey_answered: 1 }).where('id', '=', bookingId).where('status', '=', 'done').where('survey_answered', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores one set of answers, with no link to the booking they came from. */
export async function insertSurveyResponse(db: Executor, row: { officeId: number; serviceId: number; month: string; answers: SurveyAnswers }): Promise<void> {
  await db
    .insertInto('survey_responses')
    .values({ office_id: row.officeId, service_id: row.serviceId, month: row.month, ...row.answers })
    .execute();
}

/** Answers of an office per month and service in a range of months (`YYYY-MM`, both included): the count and each element's sum. */
export async function sumSurveyResponses(
  db: Executor,
  officeId: number,
  fromMonth: string,
  toMonth: string,
): Promise<{ month: string; serviceId: number; responses: number; sums: Record<SurveyElement, number> }[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select((eb) => [
      'month',
      'service_id',
      eb.fn.countAll<string | number>().as('n'),
      ...SURVEY_ELEMENTS.map((e) => eb.fn.sum<string | number>(e).as(e)),
    ])
    .where('office_id', '=', officeId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy(['month', 'service_id'])
    .orderBy('month')
    .orderBy('service_id')
    .execute();
  return rows.map((r) => {
    const raw = r as unknown as Record<string, string | number | null>;
    return {
      month: r.month,
      serviceId: Number(r.service_id),
      responses: Number(r.n),
      sums: Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, Number(raw[e] ?? 0)])) as Record<SurveyElement, number>,
    };
  });
}
