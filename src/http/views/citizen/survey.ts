import { SURVEY_ELEMENTS, SURVEY_SCORES } from '../../../domain/satisfaction.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, hasErrors } from './fields.js';

/** Where the survey of a finished ticket stands, as its page shows it. */
export type SurveyView =
  | { state: 'open'; values?: Partial<Record<string, string>>; errors?: FormErrors }
  | { state: 'thanks' }
  | { state: 'answered' }
  /** A submit the server refused as a whole (answered before, not finished yet), in words. */
  | { state: 'refused'; message: string };

/**
 * The nine questions of the satisfaction survey (SKM) in one screen, each a group of four
 * radio buttons from worst to best: a plain form that works without scripts, kept as typed
 * when something is missing.
 */
export function surveySection(lang: Lang, code: string, view: SurveyView): SafeHtml {
  const t = textsFor(lang);
  if (view.state === 'thanks') return html`<p class="notice notice-ok" role="status" data-survey-thanks>${t('citizen.surveyThanks')}</p>`;
  if (view.state === 'answered') return html``;
  if (view.state === 'refused') return html`<p class="notice notice-warn" role="alert" data-survey-refused>${view.message}</p>`;
  const errors = view.errors;
  const labels = Object.fromEntries(SURVEY_ELEMENTS.map((e, i) => [`survey-${e}`, t('citizen.surveyQuestionNumber', { n: i + 1 })]));
  const summaryErrors = errors ? { ...errors, fields: Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [`survey-${k}`, v])) } : undefined;
  return html`<section class="survey no-print" aria-labelledby="survey-title" data-survey>
<h2 id="survey-title">${t('citizen.surveyTitle')}</h2>
<p>${t('citizen.surveyLead')}</p>
${hasErrors(summaryErrors) ? errorSummary(summaryErrors, t('citizen.errorSummary'), labels) : ''}
<form method="post" action="/t/${code}/survey" novalidate>
${SURVEY_ELEMENTS.map((e, i) => {
  const error = errors?.fields[e];
  const chosen = view.values?.[e];
  return html`<fieldset class="survey-question${error ? ' has-error' : ''}" id="survey-${e}"${error ? html` aria-describedby="survey-${e}-error"` : ''}>
<legend><span class="survey-number">${t('citizen.surveyQuestionNumber', { n: i + 1 })}</span> ${t(`citizen.survey.${e}`)}</legend>
${error ? html`<p class="error" id="survey-${e}-error">${error}</p>` : ''}
<div class="survey-choices">${SURVEY_SCORES.map(
    (score) => html`<label class="survey-choice"><input type="radio" name="${e}" value="${score}"${chosen === String(score) ? ' checked' : ''} required> <span>${t(`citizen.survey.${e}.${score}`)}</span></label>`,
  )}</div>
</fieldset>`;
})}
<p class="form-actions"><button type="submit" class="button button-primary">${t('citizen.surveySubmit')}</button></p>
</form>
</section>`;
}
