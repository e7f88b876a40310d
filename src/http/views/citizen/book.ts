import type { DayAvailability } from '../../../domain/availability.js';
import { type FormProof, proofFields } from './proof-fields.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { type SlotRef, slotPicker } from './slot-picker.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** A service as the form lists it. */
export interface ServiceOption {
  code: string;
  name: string;
}

/** What the citizen typed, given back on a re-render. The NIK goes only into its own input. */
export interface BookValues {
  nik: string;
  name: string;
  phone: string;
  email: string;
  service: string;
}

/** Everything the booking form shows. */
export interface BookPageModel {
  lang: Lang;
  office: { slug: string; name: string; address: string; timezone: string };
  /** Days after the appointment the office keeps personal data (its real setting). */
  retentionDays: number;
  /** The office's logo for the header; null for none. */
  logoUrl?: string | null;
  services: ServiceOption[];
  /** The day-and-time picker, made by `bookSlots`: the same for every visitor of the plain form, so it may be kept. */
  slots: BookSlots;
  values: BookValues;
  /** A fresh random key per render: a double tap on a session books once. */
  idempotencyKey: string;
  /** The proof of work this form's booking will carry; absent when the proof is off. */
  proof?: FormProof | undefined;
  errors?: FormErrors | undefined;
}

/** The booking form's day-and-time picker, rendered, with the range its live updates ask for. */
export interface BookSlots {
  picker: SafeHtml;
  /** The first date and the number of days shown; null when the window is empty. */
  range: { from: string; days: number } | null;
}

/** What the picker shows: the days, and on a re-render the slot pressed and the problem with it. */
export interface BookSlotsModel {
  lang: Lang;
  office: { slug: string; timezone: string };
  days: readonly DayAvailability[];
  chosen?: SlotRef | undefined;
  error?: string | undefined;
}

/** The form's third step; see `slotPicker`. */
export function bookSlots(m: BookSlotsModel): BookSlots {
  const t = textsFor(m.lang);
  const first = m.days[0]?.date;
  return {
    picker: slotPicker({ lang: m.lang, days: m.days, zone: m.office.timezone, step: 3, help: t('citizen.slotHelp'), chosen: m.chosen, error: m.error, releasesHref: `/o/${m.office.slug}/pembukaan` }),
    range: first ? { from: first, days: m.days.length } : null,
  };
}

/** Field ids in form order, for the error summary. */
const FIELD_ORDER = ['nik', 'name', 'phone', 'email', 'service', 'slots'] as const;

/**
 * The booking form: identity first, then the service, then days and sessions, where each
 * session is a submit button, so the form works the same with scripts off. The scripts only
 * keep the remaining places live.
 */
export function bookPage(m: BookPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const e = m.errors?.fields ?? {};
  const path = `/o/${m.office.slug}`;
  const range = m.slots.range;
  const labels = { nik: t('citizen.nikLabel'), name: t('citizen.nameLabel'), phone: t('citizen.phoneLabel'), email: t('citizen.emailLabel'), service: t('citizen.serviceLabel'), slots: t('citizen.stepSlot') };
  const body = html`<h1>${t('citizen.bookTitle')}</h1>
<p class="lead">${m.office.name}<br><span class="muted">${m.office.address}</span></p>
${errorSummary(m.errors, t('citizen.errorSummary'), Object.fromEntries(FIELD_ORDER.map((f) => [f, labels[f]])))}
<form method="post" action="${path}" class="book" novalidate${range ? html` data-availability="/api/v1/offices/${m.office.slug}/availability?from=${range.from}&amp;days=${range.days}&amp;lang=${m.lang}" data-events="/api/v1/offices/${m.office.slug}/availability/events"` : ''} data-t-busy="${t('citizen.booking')}">
<button type="submit" hidden disabled aria-hidden="true" tabindex="-1"></button>
<input type="hidden" name="idempotencyKey" value="${m.idempotencyKey}">
${proofFields(m.proof)}
<p class="muted">${t('citizen.bookLead')}</p>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">1</span> ${t('citizen.stepIdentity')}</h2></legend>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.nikHint'), value: m.values.nik, error: e.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
${inputField({ id: 'name', label: t('citizen.nameLabel'), hint: t('citizen.nameHint'), value: m.values.name, error: e.name, autocomplete: 'name', maxlength: 120, autocapitalize: 'words' })}
${inputField({ id: 'phone', label: t('citizen.phoneLabel'), hint: t('citizen.phoneHint'), value: m.values.phone, error: e.phone, type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 40 })}
${inputField({ id: 'email', label: t('citizen.emailLabel'), hint: t('citizen.emailHint'), value: m.values.email, error: e.email, type: 'email', inputmode: 'email', autocomplete: 'email', maxlength: 254, optional: true })}
<section class="privacy" aria-labelledby="privacy-title">
<h3 id="privacy-title">${t('citizen.privacyTitle')}</h3>
<p>${t('citizen.privacyWhat', { office: m.office.name })}</p>
<p data-retention>${t('citizen.privacyKeep', { days: m.retentionDays })}</p>
<p>${t('citizen.privacyMore')} <a href="/o/${m.office.slug}/privasi">${t('citizen.privacyLink')}</a></p>
<p class="muted">${t('citizen.privacyLaw')}</p>
</section>
</fieldset>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">2</span> ${t('citizen.stepService')}</h2></legend>
<div class="field${e.service ? ' has-error' : ''}">
<label for="service">${t('citizen.serviceLabel')}</label>
${e.service ? html`<p class="error" id="service-error">${e.service}</p>` : ''}
<select id="service" name="service" required aria-required="true"${e.service ? html` aria-invalid="true" aria-describedby="service-error"` : ''}>
<option value="">${t('citizen.servicePlaceholder')}</option>
${m.services.map((s) => html`<option value="${s.code}"${s.code === m.values.service ? ' selected' : ''}>${s.name}</option>`)}
</select>
</div>
</fieldset>
${m.slots.picker}
</form>`;
  return citizenPage({ lang: m.lang, title: t('citizen.bookTitle'), officeName: m.office.name, logoUrl: m.logoUrl, path, body });
}
