import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/shared/context.js';
import { requireStaffOffice } from '../../../app/office/queries/find-office.js';
import type { Role } from '../../../domain/staff-role.js';
import { csrfToken, hasFormCsrf } from '../../plugins/staff-auth.js';
import { html, type SafeHtml } from '../../views/html.js';
import { type PageViewer, staffErrorPage } from '../../views/staff/layout.js';
import { errorText, roleText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/**
 * Sends a staff page. Never cached: the pages show names and NIKs (masked) and carry the
 * session's CSRF token, and a shared office PC must not show one person's page to the next.
 */
export function sendStaffPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page.value);
}

/** The logged-in staff member as a page shows them; only call after a role guard. */
export function viewerOf(req: FastifyRequest): PageViewer {
  if (!req.staff) throw new Error('page guard let an anonymous request through');
  return { username: req.staff.username, role: req.staff.role, csrf: csrfToken(req) };
}

/** The id of the logged-in staff member, who is recorded as having acted; only call after a role guard. */
export function staffIdOf(req: FastifyRequest): number {
  if (!req.staff) throw new Error('page guard let an anonymous request through');
  return req.staff.id;
}

/** The login page's address that leads back to `path` afterwards. */
export function loginUrl(path?: string): string {
  return path ? `/staff/login?next=${encodeURIComponent(path)}` : '/staff/login';
}

/**
 * An onRequest hook for pages: without a session, off to the login page (and back here after,
 * for a GET); with another role, a page that says so. The API's guard answers JSON instead.
 */
export function requirePageRole(...roles: Role[]) {
  const allowed = new Set<Role>(roles);
  return async function requirePageRoleHook(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!req.staff) return reply.redirect(loginUrl(req.method === 'GET' ? req.url : undefined), 303);
    if (allowed.has(req.staff.role)) return undefined;
    const viewer = viewerOf(req);
    const words = st('staff.wrongRole', { user: viewer.username, role: roleText(STAFF_LANG, viewer.role) });
    const other = html`<p><a class="button button-primary" href="${loginUrl(req.method === 'GET' ? req.url : undefined)}">${st('staff.loginAsOther')}</a></p>`;
    return sendStaffPage(reply, staffErrorPage(viewer, st('staff.wrongRoleTitle'), words, other), 403);
  };
}

/**
 * A preHandler for the pages' form posts: a logged-in browser's post must carry the session's
 * `_csrf`, the proof that the form came from our page (see `verifyCsrf` for the API's rules).
 * A refusal is a page, since a person pressed the button; the usual cause is a page left open
 * across a new login, so it says to reload.
 */
export async function verifyPageCsrf(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (req.method !== 'POST' || !req.staff) return undefined;
  if (hasFormCsrf(req)) return undefined;
  return sendStaffPage(reply, staffErrorPage(viewerOf(req), st('staff.errorTitle'), errorText(STAFF_LANG, 'CSRF')), 403);
}

/**
 * A preHandler that keeps an account tied to one office on that office's pages, as the API
 * does; accounts without an office (the first admin) work everywhere.
 */
export function officeGuard(ctx: AppContext) {
  return async function officeGuardHook(req: FastifyRequest): Promise<void> {
    const slug = (req.params as { slug?: unknown } | undefined)?.slug;
    if (req.staff?.officeId != null && typeof slug === 'string') await requireStaffOffice(ctx, { officeSlug: slug, staffOfficeId: req.staff.officeId });
  };
}
