import type { DayAvailability } from '../../../domain/availability.js';
import type { Lang } from '../../i18n.js';
import type { CitizenTicket } from '../../presenters/citizen-ticket.js';
import { textsFor } from '../citizen-texts.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { type SlotRef, slotPicker } from './slot-picker.js';

/** The booking in a few lines, above the forms that change it. */
function ticketSummary(lang: Lang, tk: CitizenTicket): SafeHtml {
  const t = textsFor(lang);
  return html`<div class="summary-card">
<p class="summary-numbers"><span><span class="big-label">${t('queueNumber')}</span> <strong class="summary-queue">${tk.queueNumber}</strong></span> <span><span class="big-label">${t('bookingCode')}</span> <strong>${tk.displayCode}</strong></span></p>
<p>${t('moveCurrent', { when: tk.when })}</p>
<p class="muted">${tk.serviceName}</p>
</div>`;
}

function notChangeable(lang: Lang, tk: CitizenTicket): SafeHtml {
  const t = textsFor(lang);
  return html`<p class="notice notice-warn" role="status">${t('notChangeable')}</p>
<p><a class="button" href="/t/${tk.code}">${t('back')}</a></p>`;
}

/** What the cancel page shows. */
export interface CancelPageModel {
  lang: Lang;
  ticket: CitizenTicket;
  nik: string;
  errors?: FormErrors | undefined;
}

/** Cancelling asks for the NIK the booking was made with: the code alone is not enough. */
export function cancelPage(m: CancelPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const tk = m.ticket;
  const path = `/t/${tk.code}/cancel`;
  const body = html`<h1>${t('cancelTitle')}</h1>
${ticketSummary(m.lang, tk)}
${tk.changeable
  ? html`${errorSummary(m.errors, t('errorSummary'), { nik: t('nikLabel') })}
<p>${t('cancelLead')}</p>
<form method="post" action="${path}" novalidate>
${inputField({ id: 'nik', label: t('nikLabel'), hint: t('ownerNikHint'), value: m.nik, error: m.errors?.fields.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
<p class="form-actions"><button type="submit" class="button button-danger">${t('cancelSubmit')}</button> <a class="button button-quiet" href="/t/${tk.code}">${t('back')}</a></p>
</form>`
  : notChangeable(m.lang, tk)}`;
  return citizenPage({ lang: m.lang, title: t('cancelTitle'), officeName: tk.officeName, path, body });
}

/** What the move page shows. */
export interface MovePageModel {
  lang: Lang;
  ticket: CitizenTicket;
  timezone: string;
  days: readonly DayAvailability[];
  nik: string;
  chosen?: SlotRef | undefined;
  errors?: FormErrors | undefined;
}

/** Moving asks for the NIK, then offers the booking window like the booking form does. */
export function movePage(m: MovePageModel): SafeHtml {
  const t = textsFor(m.lang);
  const tk = m.ticket;
  const path = `/t/${tk.code}/move`;
  const first = m.days[0]?.date;
  const body = html`<h1>${t('moveTitle')}</h1>
${ticketSummary(m.lang, tk)}
${tk.changeable
  ? html`${errorSummary(m.errors, t('errorSummary'), { nik: t('nikLabel'), slots: t('stepSlot') })}
<form method="post" action="${path}" class="book" novalidate${first ? html` data-availability="/api/v1/offices/${tk.office}/availability?from=${first}&amp;days=${m.days.length}&amp;lang=${m.lang}" data-events="/api/v1/offices/${tk.office}/availability/events"` : ''} data-t-busy="${t('booking')}">
<button type="submit" hidden disabled aria-hidden="true" tabindex="-1"></button>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">1</span> ${t('stepOwner')}</h2></legend>
${inputField({ id: 'nik', label: t('nikLabel'), hint: t('ownerNikHint'), value: m.nik, error: m.errors?.fields.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
</fieldset>
${slotPicker({ lang: m.lang, days: m.days, zone: m.timezone, step: 2, help: t('moveSlotHelp'), chosen: m.chosen, current: { date: tk.date, sessionId: tk.session.id }, error: m.errors?.fields.slots })}
<p><a class="button button-quiet" href="/t/${tk.code}">${t('back')}</a></p>
</form>`
  : notChangeable(m.lang, tk)}`;
  return citizenPage({ lang: m.lang, title: t('moveTitle'), officeName: tk.officeName, path, body });
}
