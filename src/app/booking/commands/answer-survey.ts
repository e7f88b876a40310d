import { insertSurveyResponse, markSurveyAnswered } from '../../../db/repositories/survey.js';
import { DomainError } from '../../../domain/errors.js';
import { isSurveyOpen, type SurveyAnswers } from '../../../domain/satisfaction.js';
import type { AppContext } from '../../shared/context.js';
import { getBooking } from '../queries/get-booking.js';

export interface AnswerSurveyOptions {
  /** The finished ticket's booking code. */
  code: string;
  /** A score 1–4 for each of the nine elements. */
  answers: SurveyAnswers;
}

/**
 * Records the satisfaction survey of a finished visit, once per ticket. The answers are stored
 * apart from the booking, with only its office, service and month, so nobody can tell whose
 * they are; the booking keeps only that it was answered.
 */
export async function answerSurvey(ctx: AppContext, opts: AnswerSurveyOptions): Promise<void> {
  const booking = await getBooking(ctx, { code: opts.code });
  if (booking.status !== 'done') throw new DomainError('SURVEY_NOT_OPEN', { status: booking.status });
  if (!isSurveyOpen({ status: booking.status, surveyAnswered: Number(booking.survey_answered) === 1 })) throw new DomainError('SURVEY_ALREADY_ANSWERED');
  await ctx.storage.db.transaction().execute(async (trx) => {
    // The marker and the answers commit together; a second submit racing this one finds the marker set and stores nothing.
    if (!(await markSurveyAnswered(trx, booking.id))) throw new DomainError('SURVEY_ALREADY_ANSWERED');
    await insertSurveyResponse(trx, { officeId: booking.office_id, serviceId: booking.service_id, month: booking.date.slice(0, 7), answers: opts.answers });
  });
}
