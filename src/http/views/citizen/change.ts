import type { DayAvailability } from '../../../domain/availability.js';
import type { CitizenTicket } from '../../presenters/citizen-ticket.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { type SlotRef, slotPicker } from './slot-picker.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** The booking in a few lines, above the forms that change it. */
function ticketSummary(lang: Lang, tk: CitizenTicket): SafeHtml {
  const t = textsFor(lang);
  return html`<div class="summary-card">
<p class="summary-numbers"><span><span class="big-label">${t('citizen.queueNumber')}</span> <strong class="summary-queue">${tk.queueNumber}</strong></span> <span><span class="big-label">${t('citizen.bookingCode')}</span> <strong>${tk.displayCode}</strong></span></p>
<p>${t('citizen.moveCurrent', { when: tk.when })}</p>
<p class="muted">${tk.serviceName}</p>
</div>`;
}

function notChangeable(lang: Lang, tk: CitizenTicket): SafeHtml {
  const t = textsFor(lang);
  return html`<p class="notice notice-warn" role="status">${t('citizen.notChangeable')}</p>
<p><a class="button" href="/t/${tk.code}">${t('citizen.back')}</a></p>`;
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
  const body = html`<h1>${t('citizen.cancelTitle')}</h1>
${ticketSummary(m.lang, tk)}
${tk.changeable
  ? html`${errorSummary(m.errors, t('citizen.errorSummary'), { nik: t('citizen.nikLabel') })}
<p>${t('citizen.cancelLead')}</p>
<form method="post" action="${path}" novalidate>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.ownerNikHint'), value: m.nik, error: m.errors?.fields.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
<p class="form-actions"><button type="submit" class="button button-danger">${t('citizen.cancelSubmit')}</button> <a class="button button-quiet" href="/t/${tk.code}">${t('citizen.back')}</a></p>
</form>`
  : notChangeable(m.lang, tk)}`;
  return citizenPage({ lang: m.lang, title: t('citizen.cancelTitle'), officeName: tk.officeName, path, body });
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
  const body = html`<h1>${t('citizen.moveTitle')}</h1>
${ticketSummary(m.lang, tk)}
${tk.changeable
  ? html`${errorSummary(m.errors, t('citizen.errorSummary'), { nik: t('citizen.nikLabel'), slots: t('citizen.stepSlot') })}
<form method="post" action="${path}" class="book" novalidate${first ? html` data-availability="/api/v1/offices/${tk.office}/availability?from=${first}&amp;days=${m.days.length}&amp;lang=${m.lang}" data-events="/api/v1/offices/${tk.office}/availability/events"` : ''} data-t-busy="${t('citizen.booking')}">
<button type="submit" hidden disabled aria-hidden="true" tabindex="-1"></button>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">1</span> ${t('citizen.stepOwner')}</h2></legend>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.ownerNikHint'), value: m.nik, error: m.errors?.fields.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
</fieldset>
${slotPicker({ lang: m.lang, days: m.days, zone: m.timezone, step: 2, help: t('citizen.moveSlotHelp'), chosen: m.chosen, current: { date: tk.date, sessionId: tk.session.id }, error: m.errors?.fields.slots })}
<p><a class="button button-quiet" href="/t/${tk.code}">${t('citizen.back')}</a></p>
</form>`
  : notChangeable(m.lang, tk)}`;
  return citizenPage({ lang: m.lang, title: t('citizen.moveTitle'), officeName: tk.officeName, path, body });
}
