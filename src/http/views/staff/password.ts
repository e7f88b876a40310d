import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, adminNotice, textField } from './admin-forms.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { st } from './texts.js';

/** Everything the password page shows. */
export interface PasswordModel {
  viewer: PageViewer;
  /** An admin reset the password: the page says why it is here and nothing else opens. */
  forced: boolean;
  /** Where to go on: after a change, or the page the person was on the way to. */
  next: string | undefined;
  changed?: boolean;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/password`: every staff member changes their own password; after a reset, they must. */
export function passwordPage(m: PasswordModel): SafeHtml {
  const e = m.errors?.fields ?? {};
  const body = m.changed
    ? html`<div class="page narrow">
<h1>${st('passwordTitle')}</h1>
${notice('ok', st('passwordChanged'))}
<p><a class="button button-primary" href="${m.next ?? '/staff'}">${st('continueTo')}</a></p>
</div>`
    : html`<div class="page narrow">
<h1>${st('passwordTitle')}</h1>
${m.forced ? notice('problem', st('passwordForced')) : ''}
${adminNotice(undefined, m.errors)}
<p class="lead">${st('passwordLead')}</p>
<form method="post" action="/staff/password" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
${m.next ? html`<input type="hidden" name="next" value="${m.next}">` : ''}
${textField('currentPassword', st('currentPasswordLabel'), '', e.currentPassword, { type: 'password', autocomplete: 'current-password', maxlength: 200, ...(m.forced ? { hint: st('currentPasswordForcedHint') } : {}) })}
${textField('newPassword', st('newPasswordLabel'), '', e.newPassword, { type: 'password', autocomplete: 'new-password', maxlength: 200 })}
${textField('newPasswordAgain', st('newPasswordAgainLabel'), '', e.newPasswordAgain, { type: 'password', autocomplete: 'new-password', maxlength: 200 })}
<button type="submit" class="button button-primary button-big">${st('passwordSubmit')}</button>
</form>
</div>`;
  return staffPage({ title: st('passwordTitle'), viewer: m.viewer, body });
}
