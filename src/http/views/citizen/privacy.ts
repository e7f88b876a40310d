import type { PresentedOwnData } from '../../presenters/own-data.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { channelText, dataActionText, roleText, statusText, textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';
import type { Role } from '../../../domain/staff-role.js';

/** An office as its privacy notice names it. */
export interface PrivacyOffice {
  slug: string;
  name: string;
  address: string;
  contactPhone: string;
  contactEmail: string;
  /** The office's real setting: days after the appointment date personal data is kept. */
  retentionDays: number;
}

/** `/o/:slug/privasi`: who is responsible, what is kept, why, how long, the citizen's rights, whom to contact. */
export function privacyPage(lang: Lang, o: PrivacyOffice): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${t('citizen.privasiTitle')}</h1>
<p class="lead">${o.name}</p>
<section aria-labelledby="who"><h2 id="who">${t('citizen.privasiWhoTitle')}</h2><p>${t('citizen.privasiWho', { office: o.name, address: o.address })}</p></section>
<section aria-labelledby="what"><h2 id="what">${t('citizen.privasiWhatTitle')}</h2><p>${t('citizen.privasiWhat')}</p></section>
<section aria-labelledby="why"><h2 id="why">${t('citizen.privasiWhyTitle')}</h2><p>${t('citizen.privasiWhy')}</p></section>
<section aria-labelledby="how-long"><h2 id="how-long">${t('citizen.privasiHowLongTitle')}</h2><p data-retention>${t('citizen.privasiHowLong', { days: o.retentionDays })}</p></section>
<section aria-labelledby="rights"><h2 id="rights">${t('citizen.privasiRightsTitle')}</h2>
<ul><li>${t('citizen.privasiRightAccess')}</li><li>${t('citizen.privasiRightCopy')}</li><li>${t('citizen.privasiRightErase')}</li><li>${t('citizen.privasiRightLog')}</li></ul>
<p>${t('citizen.privasiRightHow')}</p></section>
<section aria-labelledby="contact"><h2 id="contact">${t('citizen.privasiContactTitle')}</h2>
<p>${t('citizen.privasiContact', { office: o.name })}</p>
<dl class="facts">
<div><dt>${t('citizen.address')}</dt><dd>${o.address}</dd></div>
${o.contactPhone ? html`<div><dt>${t('citizen.contactPhone')}</dt><dd><a href="tel:${o.contactPhone.replace(/[^0-9+]/g, '')}">${o.contactPhone}</a></dd></div>` : ''}
${o.contactEmail ? html`<div><dt>${t('citizen.contactEmail')}</dt><dd><a href="mailto:${o.contactEmail}">${o.contactEmail}</a></dd></div>` : ''}
</dl>
<p>${t('citizen.privasiContactDesk')}</p></section>
<p class="muted">${t('citizen.privacyLaw')}</p>`;
  return citizenPage({ lang, title: t('citizen.privasiTitle'), officeName: o.name, path: `/o/${o.slug}/privasi`, body });
}

/** `/privasi` with several offices: each is responsible for its own data, so each has its own notice. */
export function privacyIndexPage(lang: Lang, offices: readonly PrivacyOffice[]): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${t('citizen.privasiTitle')}</h1>
<p class="lead">${t('citizen.privasiListLead')}</p>
<ul>${offices.map((o) => html`<li><a href="/o/${o.slug}/privasi">${o.name}</a></li>`)}</ul>
<p class="muted">${t('citizen.privacyLaw')}</p>`;
  return citizenPage({ lang, title: t('citizen.privasiTitle'), path: '/privasi', body });
}

/** The data page: the NIK form, the data once the NIK matched, or word that it was erased. */
export interface OwnDataPageModel {
  lang: Lang;
  code: string;
  nik: string;
  errors?: FormErrors | undefined;
  data?: PresentedOwnData | undefined;
  /** Errors of the erase form, shown with the data. */
  eraseErrors?: FormErrors | undefined;
  erased?: { cancelled: boolean } | undefined;
}

/** An instant on the office's clock, as people read it. */
function whenIn(iso: string | null, lang: Lang, zone: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
}

/** `/t/:code/data`: see, download and erase everything kept about a booking, with its NIK; works without scripts. */
export function ownDataPage(m: OwnDataPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const base = `/t/${m.code}/data`;
  const nikForm = (action: string, submit: string, extra: SafeHtml | string = '', cls = 'button button-primary') => html`<form method="post" action="${action}" novalidate>
<input type="hidden" name="nik" value="${m.nik}">
${extra}
<p class="form-actions"><button type="submit" class="${cls}">${submit}</button></p>
</form>`;
  let body: SafeHtml;
  if (m.erased) {
    body = html`<h1>${t('citizen.dataErasedTitle')}</h1>
<div class="notice notice-ok" role="status" data-erased><p>${t('citizen.dataErasedText', { code: m.code })}</p>${m.erased.cancelled ? html`<p>${t('citizen.dataErasedCancelled')}</p>` : ''}</div>`;
  } else if (m.data) {
    const d = m.data;
    const tz = (iso: string | null) => whenIn(iso, m.lang, d.booking.timezone);
    const none = t('citizen.dataNone');
    const confirmError = m.eraseErrors?.fields.confirm;
    body = html`<h1>${t('citizen.dataTitle')}</h1>
<section aria-labelledby="kept-title" data-own-data><h2 id="kept-title">${t('citizen.dataKeptTitle')}</h2>
<dl class="facts">
<div><dt>${t('citizen.nik')}</dt><dd data-field="nik">${d.person.nik || none}</dd></div>
<div><dt>${t('citizen.name')}</dt><dd data-field="name">${d.person.name || none}</dd></div>
<div><dt>${t('citizen.phone')}</dt><dd data-field="phone">${d.person.phone || none}</dd></div>
<div><dt>${t('citizen.dataEmail')}</dt><dd data-field="email">${d.person.email || none}</dd></div>
<div><dt>${t('citizen.bookingCode')}</dt><dd>${d.booking.displayCode}</dd></div>
<div><dt>${t('citizen.queueNumber')}</dt><dd>${d.booking.queueNumber}</dd></div>
<div><dt>${t('citizen.when')}</dt><dd>${d.booking.when}</dd></div>
<div><dt>${t('citizen.service')}</dt><dd>${d.booking.serviceName}</dd></div>
<div><dt>${t('citizen.status')}</dt><dd>${statusText(m.lang, d.booking.status)}</dd></div>
<div><dt>${t('citizen.dataChannel')}</dt><dd>${channelText(m.lang, d.booking.channel)}</dd></div>
<div><dt>${t('citizen.dataBookedAt')}</dt><dd>${tz(d.booking.createdAt)}</dd></div>
</dl>
<p data-retention>${t('citizen.dataUntil', { date: d.retention.erasedByText, days: d.retention.days })}</p>
</section>
<section aria-labelledby="history-title"><h2 id="history-title">${t('citizen.dataHistoryTitle')}</h2>
<ul>${d.history.map((h) => html`<li>${tz(h.at)}: ${statusText(m.lang, h.to)}</li>`)}</ul></section>
<section aria-labelledby="messages-title"><h2 id="messages-title">${t('citizen.dataMessagesTitle')}</h2>
${d.messages.length
  ? html`<ul>${d.messages.map((msg) => html`<li><p><strong>${tz(msg.createdAt)}</strong> · ${msg.channel} · ${msg.recipient}</p><p class="message-body">${msg.body}</p></li>`)}</ul>`
  : html`<p>${t('citizen.dataNoMessages')}</p>`}</section>
<section aria-labelledby="reads-title" data-staff-reads><h2 id="reads-title">${t('citizen.dataReadsTitle')}</h2>
${d.staffReads.length
  ? html`<ul>${d.staffReads.map((r) => html`<li>${tz(r.at)}: ${roleText(m.lang, r.role as Role)}, ${dataActionText(m.lang, r.action)}</li>`)}</ul>`
  : html`<p>${t('citizen.dataNoReads')}</p>`}</section>
${nikForm(`${base}/download`, t('citizen.dataDownload'), '', 'button')}
<section class="erase" aria-labelledby="erase-title"><h2 id="erase-title">${t('citizen.dataEraseTitle')}</h2>
<p>${t('citizen.dataEraseText')}</p>
${d.booking.status === 'booked' ? html`<p><strong>${t('citizen.dataEraseCancels')}</strong></p>` : ''}
${nikForm(
  `${base}/erase`,
  t('citizen.dataEraseSubmit'),
  html`<div class="field${confirmError ? ' has-error' : ''}">${confirmError ? html`<p class="error" id="confirm-error">${confirmError}</p>` : ''}<label class="chip"><input type="checkbox" id="confirm" name="confirm" value="1" required${confirmError ? html` aria-invalid="true" aria-describedby="confirm-error"` : ''}> ${t('citizen.dataEraseConfirm')}</label></div>
${m.eraseErrors?.form ? html`<p class="error" role="alert">${m.eraseErrors.form}</p>` : ''}`,
  'button button-danger',
)}
</section>`;
  } else {
    body = html`<h1>${t('citizen.dataTitle')}</h1>
${errorSummary(m.errors, t('citizen.errorSummary'), { nik: t('citizen.nikLabel') })}
<p class="lead">${t('citizen.dataLead')}</p>
<form method="post" action="${base}" novalidate>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.ownerNikHint'), value: '', error: m.errors?.fields.nik ?? m.errors?.form, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
<p class="form-actions"><button type="submit" class="button button-primary">${t('citizen.dataSubmit')}</button></p>
</form>`;
  }
  body = html`${body}
<p><a href="/t/${m.code}">${t('citizen.ticketTitle')}</a> · <a href="${m.data ? `/o/${m.data.booking.office}/privasi` : '/privasi'}">${t('citizen.privacyLink')}</a></p>`;
  return citizenPage({ lang: m.lang, title: t('citizen.dataTitle'), path: base, body });
}
