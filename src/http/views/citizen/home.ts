import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import type { PresentedOfficeGuide } from '../../presenters/office-guide.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** An office as the home page shows it. */
export type OfficeLink = PresentedOfficeGuide;

/** The form that finds a booking by its code; on the home page and on its own page. */
export function lookupForm(lang: Lang, code: string, error?: string): SafeHtml {
  const t = textsFor(lang);
  return html`<form method="get" action="/t" class="lookup" novalidate>
${inputField({ id: 'code', label: t('citizen.codeLabel'), hint: t('citizen.codeHint'), value: code, error, autocomplete: 'off', maxlength: 40, autocapitalize: 'characters' })}
<button type="submit" class="button">${t('citizen.lookupSubmit')}</button>
</form>`;
}

/** One office on the home page: who it is, the button to book, the rules, what to bring and how to reach it. */
function officeCard(lang: Lang, o: OfficeLink, heading: 'h2' | 'h3'): SafeHtml {
  const t = textsFor(lang);
  const id = `office-${o.slug}`;
  const title = heading === 'h2' ? html`<h2 id="${id}">${o.name}</h2>` : html`<h3 id="${id}">${o.name}</h3>`;
  const sub = (text: string, anchor: string) => (heading === 'h2' ? html`<h3 id="${anchor}">${text}</h3>` : html`<h4 id="${anchor}">${text}</h4>`);
  return html`<section class="office-card section" aria-labelledby="${id}" data-office="${o.slug}">
<div class="office-id">${o.logoUrl ? html`<img class="office-logo" src="${o.logoUrl}" alt="${t('citizen.logoAlt', { office: o.name })}" width="56" height="56">` : ''}<div>${title}<p class="muted">${o.address}</p></div></div>
<p><a class="button button-primary button-big" href="/o/${o.slug}">${t('citizen.homeBookAt', { office: o.name })}</a></p>
${sub(t('citizen.rulesTitle'), `${id}-rules`)}
<ul class="rules" data-rules>
<li>${o.sameDayBooking ? t('citizen.ruleSameDay') : t('citizen.ruleNextDay')}</li>
<li>${t('citizen.ruleDaysAhead', { days: o.bookingDaysAhead })}</li>
<li><a href="/o/${o.slug}/pembukaan" data-releases-link>${t('citizen.releasesLink')}</a></li>
<li>${t('citizen.ruleWalkIn')}</li>
${o.hours ? html`<li data-hours>${t('citizen.ruleHours', { hours: o.hours })}</li>` : ''}
<li>${t('citizen.ruleDocuments')}</li>
<li><strong>${t('citizen.ruleFree')}</strong></li>
</ul>
${o.services.length
  ? html`<details class="docs-per-service"><summary>${t('citizen.documentsPerService')}</summary>
<dl>${o.services.map(
      (s) => html`<div><dt>${s.name}</dt><dd>${s.eligibility ? html`<p class="muted">${t('citizen.eligibility')}: ${s.eligibility}</p>` : ''}${s.documents.length ? html`<ul>${s.documents.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</dd></div>`,
    )}</dl>
</details>`
  : ''}
${sub(t('citizen.contactTitle'), `${id}-contact`)}
<dl class="contact" data-contact>
<div><dt>${t('citizen.address')}</dt><dd>${o.address}</dd></div>
${o.contactPhone ? html`<div><dt>${t('citizen.contactPhone')}</dt><dd><a href="tel:${o.contactPhone.replace(/[^0-9+]/g, '')}">${o.contactPhone}</a></dd></div>` : ''}
${o.contactEmail ? html`<div><dt>${t('citizen.contactEmail')}</dt><dd><a href="mailto:${o.contactEmail}">${o.contactEmail}</a></dd></div>` : ''}
</dl>
</section>`;
}

/** `/`: one tap to the booking form of each office, the rules a first-time visitor needs, and the way back to a booking. */
export function homePage(lang: Lang, offices: OfficeLink[]): SafeHtml {
  const t = textsFor(lang);
  const single = offices.length === 1 ? offices[0] : undefined;
  const body = html`<h1>${t('citizen.homeTitle')}</h1>
<p class="lead">${t('citizen.homeLead')}</p>
<p>${t('citizen.homeSteps')}</p>
${offices.length > 1 ? html`<h2>${t('citizen.homeChooseOffice')}</h2>` : ''}
${offices.map((o) => officeCard(lang, o, single ? 'h2' : 'h3'))}
<section class="section" aria-labelledby="have-code">
<h2 id="have-code">${t('citizen.homeHaveCode')}</h2>
<p class="muted">${t('citizen.homeHaveCodeHelp')}</p>
${lookupForm(lang, '')}
<p><a href="/t/lupa">${t('citizen.recoverLink')}</a></p>
</section>`;
  return citizenPage({ lang, title: t('citizen.homeTitle'), path: '/', body, officeName: single?.name, logoUrl: single?.logoUrl });
}

/** `/t`: find a booking by its code. */
export function lookupPage(lang: Lang, code: string, errors?: FormErrors): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${t('citizen.lookupTitle')}</h1>
${errorSummary(errors, t('citizen.errorSummary'), { code: t('citizen.codeLabel') })}
<p class="muted">${t('citizen.homeHaveCodeHelp')}</p>
${lookupForm(lang, code, errors?.fields.code)}
<p><a href="/t/lupa">${t('citizen.recoverLink')}</a></p>`;
  return citizenPage({ lang, title: t('citizen.lookupTitle'), path: '/t', body });
}

/** A page that says what went wrong and leads home. */
export function errorPage(lang: Lang, title: string, message: string, path: string): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${title}</h1>
<p class="lead">${message}</p>
<p><a class="button button-primary" href="/">${t('citizen.backHome')}</a></p>`;
  return citizenPage({ lang, title, path, body });
}
