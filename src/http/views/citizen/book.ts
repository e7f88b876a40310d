import type { DayAvailability } from '../../../domain/availability.js';
import type { Lang } from '../../i18n.js';
import { textsFor } from '../citizen-texts.js';
import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { type SlotRef, slotPicker } from './slot-picker.js';

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
  service: string;
}

/** Everything the booking form shows. */
export interface BookPageModel {
  lang: Lang;
  office: { slug: string; name: string; address: string; timezone: string };
  services: ServiceOption[];
  days: readonly DayAvailability[];
  values: BookValues;
  /** A fresh random key per render: a double tap on a session books once. */
  idempotencyKey: string;
  chosen?: SlotRef | undefined;
  errors?: FormErrors | undefined;
}

/** Field ids in form order, for the error summary. */
const FIELD_ORDER = ['nik', 'name', 'phone', 'service', 'slots'] as const;

/**
 * The booking form: identity first, then the service, then days and sessions, where each
 * session is a submit button, so the form works the same with scripts off. The scripts only
 * keep the remaining places live.
 */
export function bookPage(m: BookPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const e = m.errors?.fields ?? {};
  const path = `/o/${m.office.slug}`;
  const first = m.days[0]?.date;
  const labels = { nik: t('nikLabel'), name: t('nameLabel'), phone: t('phoneLabel'), service: t('serviceLabel'), slots: t('stepSlot') };
  const body = html`<h1>${t('bookTitle')}</h1>
<p class="lead">${m.office.name}<br><span class="muted">${m.office.address}</span></p>
${errorSummary(m.errors, t('errorSummary'), Object.fromEntries(FIELD_ORDER.map((f) => [f, labels[f]])))}
<form method="post" action="${path}" class="book" novalidate${first ? html` data-availability="/api/v1/offices/${m.office.slug}/availability?from=${first}&amp;days=${m.days.length}&amp;lang=${m.lang}" data-events="/api/v1/offices/${m.office.slug}/availability/events"` : ''} data-t-busy="${t('booking')}">
<button type="submit" hidden disabled aria-hidden="true" tabindex="-1"></button>
<input type="hidden" name="idempotencyKey" value="${m.idempotencyKey}">
<p class="muted">${t('bookLead')}</p>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">1</span> ${t('stepIdentity')}</h2></legend>
${inputField({ id: 'nik', label: t('nikLabel'), hint: t('nikHint'), value: m.values.nik, error: e.nik, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
${inputField({ id: 'name', label: t('nameLabel'), hint: t('nameHint'), value: m.values.name, error: e.name, autocomplete: 'name', maxlength: 120, autocapitalize: 'words' })}
${inputField({ id: 'phone', label: t('phoneLabel'), hint: t('phoneHint'), value: m.values.phone, error: e.phone, type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 40 })}
<section class="privacy" aria-labelledby="privacy-title">
<h3 id="privacy-title">${t('privacyTitle')}</h3>
<p>${t('privacyWhat', { office: m.office.name })}</p>
<p>${t('privacyKeep')}</p>
<p class="muted">${t('privacyLaw')}</p>
</section>
</fieldset>
<fieldset class="section">
<legend class="step-title"><h2><span class="step" aria-hidden="true">2</span> ${t('stepService')}</h2></legend>
<div class="field${e.service ? ' has-error' : ''}">
<label for="service">${t('serviceLabel')}</label>
${e.service ? html`<p class="error" id="service-error">${e.service}</p>` : ''}
<select id="service" name="service" required aria-required="true"${e.service ? html` aria-invalid="true" aria-describedby="service-error"` : ''}>
<option value="">${t('servicePlaceholder')}</option>
${m.services.map((s) => html`<option value="${s.code}"${s.code === m.values.service ? ' selected' : ''}>${s.name}</option>`)}
</select>
</div>
</fieldset>
${slotPicker({ lang: m.lang, days: m.days, zone: m.office.timezone, step: 3, help: t('slotHelp'), chosen: m.chosen, error: e.slots })}
</form>`;
  return citizenPage({ lang: m.lang, title: t('bookTitle'), officeName: m.office.name, path, body });
}
