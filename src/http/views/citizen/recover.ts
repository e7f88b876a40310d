import type { PresentedBooking } from '../../presenters/booking.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { statusText, textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** The lost-code page: the form, and once both matched, the bookings found. */
export interface RecoverPageModel {
  lang: Lang;
  values: { nik: string; phone: string };
  errors?: FormErrors | undefined;
  found?: PresentedBooking[] | undefined;
}

/** `/t/lupa`: find a lost booking code with the NIK and the phone number it was made with. */
export function recoverPage(m: RecoverPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const found = m.found
    ? html`<section class="section" aria-labelledby="found-title" id="found">
<h2 id="found-title">${t('citizen.recoverFound')}</h2>
<ul class="found">${m.found.map(
        (b) => html`<li class="found-item" data-found="${b.code}">
<p class="found-when"><strong>${b.when}</strong></p>
<p>${b.officeName} · ${b.serviceName}</p>
<p>${t('citizen.queueNumber')} <strong>${b.queueNumber}</strong> · ${t('citizen.bookingCode')} <strong class="code">${b.displayCode}</strong> · ${statusText(m.lang, b.status)}</p>
<p><a class="button button-primary" href="/t/${b.code}">${t('citizen.recoverOpen', { queue: b.queueNumber })}</a></p>
</li>`,
      )}</ul>
</section>`
    : '';
  const body = html`<h1>${t('citizen.recoverTitle')}</h1>
${errorSummary(m.errors, t('citizen.errorSummary'), { nik: t('citizen.nikLabel'), phone: t('citizen.phoneLabel') })}
${found}
${m.found
  ? ''
  : html`<p class="lead">${t('citizen.recoverLead')}</p>
<form method="post" action="/t/lupa" class="recover" novalidate>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.nikHint'), value: m.values.nik, error: m.errors?.fields.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
${inputField({ id: 'phone', label: t('citizen.phoneLabel'), hint: t('citizen.recoverPhoneHint'), value: m.values.phone, error: m.errors?.fields.phone, type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 40 })}
<p class="form-actions"><button type="submit" class="button button-primary">${t('citizen.recoverSubmit')}</button></p>
</form>`}`;
  return citizenPage({ lang: m.lang, title: t('citizen.recoverTitle'), path: '/t/lupa', body });
}
