import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { domainErrorMessage } from '../../errors.js';
import type { Lang } from '../../i18n.js';
import { message } from '../../messages.js';
import { text } from '../../views/citizen-texts.js';
import { html } from '../../views/html.js';
import type { FormErrors } from '../../views/citizen/fields.js';

/** Input names whose problems show at another element: the session buttons share one fieldset. */
const FIELD_OF_INPUT: Record<string, string> = { slot: 'slots', sessionId: 'slots', date: 'slots' };

/** Domain refusals that concern one part of the form, shown next to it. */
const FIELD_OF_CODE: Partial<Record<DomainError['code'], string>> = {
  SESSION_FULL: 'slots',
  CLOSED: 'slots',
  NOT_BOOKABLE: 'slots',
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
      fields[field] ??= message(f.problem, lang);
    }
    return { fields };
  }
  if (error instanceof DomainError) {
    const words = domainErrorMessage(error, lang);
    // A wrong NIK and an unknown code give the same answer, so the form cannot probe for codes.
    if (error.code === 'NOT_FOUND' && error.details.what === 'booking_for_nik') return { fields: { nik: words } };
    if (error.code === 'IDEMPOTENCY_KEY_REUSED') return { fields: {}, form: text(lang, 'formUsed') };
    if (error.code === 'NOT_ACTIVE') return { fields: {}, form: words };
    const field = FIELD_OF_CODE[error.code];
    if (field === 'nik') {
      return { fields: { nik: words }, formAction: html`<p><a href="/t">${text(lang, 'findExisting')}</a></p>` };
    }
    if (field) return { fields: { [field]: words } };
  }
  throw error;
}
