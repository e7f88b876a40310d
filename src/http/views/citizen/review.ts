import { type FormProof, proofFields } from './proof-fields.js';
import { html, type SafeHtml } from '../html.js';
import { citizenPage } from './layout.js';
import { slotValue, type SlotRef } from './slot-picker.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** What the citizen is about to book, as typed (sent again on confirm) and as shown. */
export interface ReviewModel {
  lang: Lang;
  office: { slug: string; name: string; address: string };
  /** The form's fields as typed: carried in hidden inputs, so the confirm needs no script or session. */
  values: { nik: string; name: string; phone: string; email: string; service: string };
  /** The double-tap protection of the form, carried to the confirm. */
  idempotencyKey: string;
  /** The form's proof of work, carried to the confirm; absent when the proof is off. */
  proof?: FormProof | undefined;
  slot: SlotRef;
  shown: { serviceName: string; eligibility: string; day: string; hour: string; name: string; nikMasked: string };
  /** The time first chosen filled meanwhile: `slot` is the nearest one with places instead. */
  filled?: boolean;
}

/**
 * "Periksa lagi": one screen between the time pressed and the number taken, with the office,
 * service, day, hour, name and masked NIK, and one button that books. A plain form: "Ubah"
 * goes back to the booking form with everything kept, without a script.
 */
export function reviewPage(m: ReviewModel): SafeHtml {
  const t = textsFor(m.lang);
  const path = `/o/${m.office.slug}`;
  const v = m.values;
  const body = html`<h1 id="review-title">${t('citizen.reviewTitle')}</h1>
${m.filled ? html`<div class="notice notice-warn" role="alert" id="review-filled"><p>${t('citizen.reviewFilled')}</p></div>` : html`<p class="lead">${t('citizen.reviewLead')}</p>`}
<form method="post" action="${path}" class="review" aria-labelledby="review-title">
<input type="hidden" name="idempotencyKey" value="${m.idempotencyKey}">
${proofFields(m.proof)}
<input type="hidden" name="nik" value="${v.nik}">
<input type="hidden" name="name" value="${v.name}">
<input type="hidden" name="phone" value="${v.phone}">
<input type="hidden" name="email" value="${v.email}">
<input type="hidden" name="service" value="${v.service}">
<input type="hidden" name="slot" value="${slotValue(m.slot.date, m.slot.sessionId)}">
<dl class="facts review-facts">
<div><dt>${t('citizen.day')}</dt><dd class="review-day" data-review-day>${m.shown.day}</dd></div>
<div><dt>${t('citizen.hour')}</dt><dd class="review-hour" data-review-hour>${m.shown.hour}</dd></div>
<div><dt>${t('citizen.office')}</dt><dd>${m.office.name}<br><span class="muted">${m.office.address}</span></dd></div>
<div><dt>${t('citizen.service')}</dt><dd data-review-service>${m.shown.serviceName}${m.shown.eligibility ? html`<br><span class="muted">${t('citizen.eligibility')}: ${m.shown.eligibility}</span>` : ''}</dd></div>
<div><dt>${t('citizen.name')}</dt><dd data-review-name>${m.shown.name}</dd></div>
<div><dt>${t('citizen.nik')}</dt><dd data-review-nik>${m.shown.nikMasked}</dd></div>
</dl>
<p class="form-actions"><button type="submit" name="step" value="confirm" class="button button-primary button-big" data-confirm>${t('citizen.reviewConfirm')}</button></p>
<p class="form-actions"><button type="submit" name="step" value="edit" class="button" data-edit>${t('citizen.reviewChange')}</button></p>
</form>`;
  return citizenPage({ lang: m.lang, title: t('citizen.reviewTitle'), officeName: m.office.name, path, body });
}
