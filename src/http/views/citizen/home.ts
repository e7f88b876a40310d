import { html, type SafeHtml } from '../html.js';
import { errorSummary, type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** An office as the home page lists it. */
export interface OfficeLink {
  slug: string;
  name: string;
  address: string;
}

/** The form that finds a booking by its code; on the home page and on its own page. */
export function lookupForm(lang: Lang, code: string, error?: string): SafeHtml {
  const t = textsFor(lang);
  return html`<form method="get" action="/t" class="lookup" novalidate>
${inputField({ id: 'code', label: t('citizen.codeLabel'), hint: t('citizen.codeHint'), value: code, error, autocomplete: 'off', maxlength: 40, autocapitalize: 'characters' })}
<button type="submit" class="button">${t('citizen.lookupSubmit')}</button>
</form>`;
}

/** `/`: one tap to the booking form of each office, and the way back to a booking. */
export function homePage(lang: Lang, offices: OfficeLink[]): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${t('citizen.homeTitle')}</h1>
<p class="lead">${t('citizen.homeLead')}</p>
${offices.length > 1 ? html`<h2>${t('citizen.homeChooseOffice')}</h2>` : ''}
<ul class="offices">${offices.map(
    (o) => html`<li><a class="button button-primary button-big" href="/o/${o.slug}">${t('citizen.homeBookAt', { office: o.name })}</a><p class="muted">${o.address}</p></li>`,
  )}</ul>
<p>${t('citizen.homeSteps')}</p>
<section class="section" aria-labelledby="have-code">
<h2 id="have-code">${t('citizen.homeHaveCode')}</h2>
<p class="muted">${t('citizen.homeHaveCodeHelp')}</p>
${lookupForm(lang, '')}
</section>`;
  return citizenPage({ lang, title: t('citizen.homeTitle'), path: '/', body });
}

/** `/t`: find a booking by its code. */
export function lookupPage(lang: Lang, code: string, errors?: FormErrors): SafeHtml {
  const t = textsFor(lang);
  const body = html`<h1>${t('citizen.lookupTitle')}</h1>
${errorSummary(errors, t('citizen.errorSummary'), { code: t('citizen.codeLabel') })}
<p class="muted">${t('citizen.homeHaveCodeHelp')}</p>
${lookupForm(lang, code, errors?.fields.code)}`;
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
