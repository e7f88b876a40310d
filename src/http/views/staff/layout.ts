import type { Role } from '../../../domain/staff-role.js';
import { assetUrl } from '../../static-assets.js';
import { html, type SafeHtml } from '../html.js';
import { roleText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** Who is looking at a staff page, as its header shows them. */
export interface PageViewer {
  username: string;
  role: Role;
  /** The session's CSRF token, for the log-out form and every other form on the page. */
  csrf: string;
}

/** What every staff page shows around its content. */
export interface StaffFrame {
  title: string;
  viewer: PageViewer | null;
  /** The office the page works on, named in the header. */
  officeName?: string | undefined;
  /** Tabs under the header (the desk's sections). */
  nav?: SafeHtml | undefined;
  body: SafeHtml;
  /** Files of `public/` the page loads as deferred scripts. */
  scripts?: string[];
  /** Files of `public/` the page loads as stylesheets after the shared ones. */
  stylesheets?: string[];
  /** A class on `<body>` for pages laid out differently (the receipt). */
  bodyClass?: string;
}

/** The hidden field every staff form carries: the proof that the form came from our page. */
export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

/**
 * The inside of `<head>` for every page staff and their screens load: not for search engines,
 * only this server's own stylesheets and deferred scripts (the CSP allows nothing inline).
 */
export function staffHead(title: string, stylesheets: readonly string[], scripts: readonly string[]): SafeHtml {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="data:,">
${stylesheets.map((f) => html`<link rel="stylesheet" href="${assetUrl(f)}">`)}
${scripts.map((f) => html`<script src="${assetUrl(f)}" defer></script>`)}`;
}

/**
 * The shell of a staff page: one stylesheet and the page's own scripts from this server, no
 * inline script or style (the CSP allows neither), and nothing from other hosts.
 */
export function staffPage(f: StaffFrame): SafeHtml {
  return html`<!doctype html>
<html lang="id">
<head>
${staffHead(`${f.title} · ${f.officeName ?? st('staff.appName')}`, ['staff.css', ...(f.stylesheets ?? [])], f.scripts ?? [])}
</head>
<body${f.bodyClass ? html` class="${f.bodyClass}"` : ''}>
<a class="skip" href="#main">${st('staff.skipToContent')}</a>
<header class="top">
<div class="top-row">
<a class="brand" href="/staff">${st('staff.appName')} <span class="brand-area">${st('staff.staffArea')}</span></a>
${f.officeName ? html`<span class="top-office">${f.officeName}</span>` : ''}
${f.viewer ? html`<form method="post" action="/staff/logout" class="top-user">
<span class="top-who">${st('staff.loggedInAs', { user: f.viewer.username, role: roleText(STAFF_LANG, f.viewer.role) })}</span>
<a class="top-link" href="/staff/password">${st('staff.passwordLink')}</a>
${csrfField(f.viewer.csrf)}
<button type="submit" class="button button-quiet">${st('staff.logout')}</button>
</form>` : ''}
</div>
${f.nav ?? ''}
</header>
<main id="main" tabindex="-1">
${f.body}
</main>
</body>
</html>
`;
}

/**
 * A notice above a page's content: `ok` for a done action, `problem` for a refusal. `big` is a
 * queue number the desk reads out or writes down, shown large beside the title.
 */
export function notice(kind: 'ok' | 'problem', title: string, detail?: SafeHtml | string, big?: string): SafeHtml {
  return html`<div class="notice notice-${kind}" role="${kind === 'ok' ? 'status' : 'alert'}" data-notice>
${big ? html`<p class="notice-big" data-notice-number>${big}</p>` : ''}
<p class="notice-title">${title}</p>
${detail ? html`<div class="notice-detail">${detail}</div>` : ''}
</div>`;
}

/** A page that says what went wrong and leads back to the staff home. */
export function staffErrorPage(viewer: PageViewer | null, title: string, words: string, extra?: SafeHtml): SafeHtml {
  const body = html`<div class="page narrow">
<h1>${title}</h1>
<p class="lead">${words}</p>
${extra ?? ''}
<p><a class="button" href="/staff">${st('staff.backHome')}</a></p>
</div>`;
  return staffPage({ title, viewer, body });
}
