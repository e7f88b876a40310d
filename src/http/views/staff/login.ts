import { html, type SafeHtml } from '../html.js';
import { csrfField, type PageViewer, staffPage } from './layout.js';
import { roleText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** What the login form shows. */
export interface LoginModel {
  /** A local path to go to after logging in; already checked. */
  next: string | null;
  username: string;
  /** Why the last attempt failed, in words. */
  problem?: string | undefined;
  /** Someone already logged in on this browser: named, and their forms need their token. */
  viewer: PageViewer | null;
  /** Where the logged-in viewer's work is, offered as a link. */
  viewerHome?: string | undefined;
}

/** `/staff/login`: a plain form that works without scripts. */
export function loginPage(m: LoginModel): SafeHtml {
  const body = html`<div class="page narrow">
<h1>${st('staff.loginTitle')}</h1>
${m.viewer ? html`<p class="lead">${st('staff.loginAlready', { user: m.viewer.username, role: roleText(STAFF_LANG, m.viewer.role) })}${m.viewerHome ? html` <a href="${m.viewerHome}">${st('staff.loginContinue', { page: roleText(STAFF_LANG, m.viewer.role) })}</a>` : ''}</p>` : html`<p class="lead">${st('staff.loginLead')}</p>`}
${m.problem ? html`<div class="notice notice-problem" role="alert" id="login-problem"><p class="notice-title">${m.problem}</p></div>` : ''}
<form method="post" action="/staff/login" class="card stack">
${m.viewer ? csrfField(m.viewer.csrf) : ''}
${m.next ? html`<input type="hidden" name="next" value="${m.next}">` : ''}
<div class="field">
<label for="username">${st('staff.usernameLabel')}</label>
<input id="username" name="username" type="text" value="${m.username}" autocomplete="username" autocapitalize="off" spellcheck="false" maxlength="64" required${m.username ? '' : ' autofocus'}${m.problem ? html` aria-describedby="login-problem"` : ''}>
</div>
<div class="field">
<label for="password">${st('staff.passwordLabel')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="200" required${m.username ? ' autofocus' : ''}>
</div>
<button type="submit" class="button button-primary button-big">${st('staff.loginSubmit')}</button>
</form>
</div>`;
  return staffPage({ title: st('staff.loginTitle'), viewer: m.viewer, body });
}
