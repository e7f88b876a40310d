import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, adminNotice, textField } from './admin-forms.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

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
<h1>${st('staff.passwordTitle')}</h1>
${notice('ok', st('staff.passwordChanged'))}
<p><a class="button button-primary" href="${m.next ?? '/staff'}">${st('staff.continueTo')}</a></p>
</div>`
    : html`<div class="page narrow">
<h1>${st('staff.passwordTitle')}</h1>
${m.forced ? notice('problem', st('staff.passwordForced')) : ''}
${adminNotice(undefined, m.errors)}
<p class="lead">${st('staff.passwordLead')}</p>
<form method="post" action="/staff/password" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
${m.next ? html`<input type="hidden" name="next" value="${m.next}">` : ''}
${textField('currentPassword', st('staff.currentPasswordLabel'), '', e.currentPassword, { type: 'password', autocomplete: 'current-password', maxlength: 200, ...(m.forced ? { hint: st('staff.currentPasswordForcedHint') } : {}) })}
${textField('newPassword', st('staff.newPasswordLabel'), '', e.newPassword, { type: 'password', autocomplete: 'new-password', maxlength: 200 })}
${textField('newPasswordAgain', st('staff.newPasswordAgainLabel'), '', e.newPasswordAgain, { type: 'password', autocomplete: 'new-password', maxlength: 200 })}
<button type="submit" class="button button-primary button-big">${st('staff.passwordSubmit')}</button>
</form>
</div>`;
  return staffPage({ title: st('staff.passwordTitle'), viewer: m.viewer, body });
}
