import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { html } from '../../views/html.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import { domainErrorText, errorText, t } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** Input names whose problems show at another element: the session buttons share one fieldset. */
const FIELD_OF_INPUT: Record<string, string> = { slot: 'slots', sessionId: 'slots', date: 'slots' };

/** Domain refusals that concern one part of the form, shown next to it. */
const FIELD_OF_CODE: Partial<Record<DomainError['code'], string>> = {
  SESSION_FULL: 'slots',
  CLOSED: 'slots',
  NOT_BOOKABLE: 'slots',
  NOT_YET_OPEN: 'slots',
  ALREADY_BOOKED: 'nik',
};

/**
 * A failed form submission as words next to the fields they concern. Anything that is not
 * about the input (an unknown office, a crash) is thrown on, for the page's error handler.
 */
export function toFormErrors(error: unknown, lang: Lang): FormErrors {
  if (error instanceof InvalidInputError) {
    const fields: FormErrors['fields'] = {};
    for (const f of error.fields) {
      const field = FIELD_OF_INPUT[f.field] ?? f.field;
      fields[field] ??= errorText(lang, f.problem);
    }
    return { fields };
  }
  if (error instanceof DomainError) {
    const words = domainErrorText(error, lang);
    // A wrong NIK and an unknown code give the same answer, so the form cannot probe for codes.
    if (error.code === 'NOT_FOUND' && error.details.what === 'booking_for_nik') return { fields: { nik: words } };
    if (error.code === 'IDEMPOTENCY_KEY_REUSED') return { fields: {}, form: t(lang, 'citizen.formUsed') };
    if (error.code === 'NOT_ACTIVE' || error.code === 'VISIT_IN_PROGRESS' || error.code === 'DRAW_IN_PROGRESS') return { fields: {}, form: words };
    if (error.code === 'ALREADY_ENTERED') return { fields: { nik: words } };
    // A lost code is looked up by NIK and phone together; which of the two is wrong is not said.
    if (error.code === 'NOT_FOUND' && error.details.what === 'booking_for_nik_phone') return { fields: {}, form: words };
    // Limits by person: shown at the NIK or the phone, without the lost-code links.
    if (error.code === 'NIK_MONTHLY_LIMIT' || error.code === 'NO_SHOW_BLOCKED') return { fields: { nik: words } };
    if (error.code === 'PHONE_MONTHLY_LIMIT') return { fields: { phone: words } };
    // The proof of work is nothing the person typed: the form comes back with a fresh one.
    if (error.code.startsWith('PROOF_')) return { fields: {}, form: words };
    const field = FIELD_OF_CODE[error.code];
    if (field === 'nik') {
      return {
        fields: { nik: words },
        formAction: html`<p><a href="/t/lupa">${t(lang, 'citizen.recoverLink')}</a></p><p><a href="/t">${t(lang, 'citizen.findExisting')}</a></p>`,
      };
    }
    if (field) return { fields: { [field]: words } };
  }
  throw error;
}
