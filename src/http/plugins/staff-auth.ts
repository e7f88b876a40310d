import { timingSafeEqual } from 'node:crypto';
import type { StaffReader } from '../../app/privacy/staff-reads.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/shared/context.js';
import { findStaffSession } from '../../app/staff/queries/find-staff-session.js';
import type { StaffMember } from '../../domain/staff-account.js';
import type { Role } from '../../domain/staff-role.js';
import { requestLang } from '../i18n.js';
import { errorText } from '../../texts/texts.js';

export { ROLES, type Role } from '../../domain/staff-role.js';
export type { StaffMember } from '../../domain/staff-account.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member whose session cookie came with the request; null for citizens and dead sessions. */
    staff: StaffMember | null;
  }
}

/** Name of the cookie that carries a staff session token. */
export const SESSION_COOKIE = 'antrean_session';

/** Tokens are 43 characters; anything much longer is junk not worth a database lookup. */
const MAX_TOKEN_LENGTH = 128;

// The CSRF token of each request's session; kept off the request object so it is not a public field.
const csrfTokens = new WeakMap<FastifyRequest, string>();

/**
 * Reads the session cookie on every request and sets `req.staff`. Registered on the root
 * instance (not encapsulated) so every route, present and future, sees the same `req.staff`.
 * Register after @fastify/cookie.
 */
export function registerStaffAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > MAX_TOKEN_LENGTH) return;
    const session = await findStaffSession(ctx, { token });
    if (!session) return;
    req.staff = session.staff;
    csrfTokens.set(req, session.csrfToken);
  });
}

/** Answers with the common error shape and stops the request. */
function deny(req: FastifyRequest, reply: FastifyReply, status: number, code: string): FastifyReply {
  return reply.status(status).send({ error: { code, message: errorText(requestLang(req), code) } });
}

/**
 * A hook (onRequest or preHandler) that lets only logged-in staff with one of `roles` through:
 * 401 UNAUTHENTICATED without a live session, 403 FORBIDDEN for another role, and 403
 * PASSWORD_CHANGE_REQUIRED while an admin-reset password waits to be changed. Admin is not
 * implied: a route that admins may use names 'admin'.
 */
export function requireRole(...roles: Role[]) {
  const allowed = new Set<Role>(roles);
  return async function requireRoleHook(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!req.staff) return deny(req, reply, 401, 'UNAUTHENTICATED');
    if (!allowed.has(req.staff.role)) return deny(req, reply, 403, 'FORBIDDEN');
    if (req.staff.mustChangePassword) return deny(req, reply, 403, 'PASSWORD_CHANGE_REQUIRED');
    return undefined;
  };
}

/**
 * A hook for the few routes a staff member of any role may use while their password waits to be
 * changed: who am I, and changing it. 401 UNAUTHENTICATED without a live session.
 */
export async function requireAnyStaff(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  return req.staff ? undefined : deny(req, reply, 401, 'UNAUTHENTICATED');
}

/** The session token the request came with; only call after a guard saw a live session. */
export function sessionTokenOf(req: FastifyRequest): string {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw new Error('guard let a request without a session cookie through');
  return token;
}

/** The CSRF token to put in a staff page's forms as `_csrf`; empty when nobody is logged in. */
export function csrfToken(req: FastifyRequest): string {
  return csrfTokens.get(req) ?? '';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function mediaType(req: FastifyRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a form body carries the session's CSRF token as `_csrf`; the one check pages and the API share. */
export function hasFormCsrf(req: FastifyRequest): boolean {
  const body = req.body as Record<string, unknown> | null | undefined;
  return !!body && typeof body === 'object' && sameToken(body._csrf, csrfToken(req));
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A preHandler hook (it needs the parsed body) that stops cross-site requests made with a
 * logged-in staff member's cookie:
 *
 * - Form posts (`application/x-www-form-urlencoded`, `multipart/form-data`) must carry a `_csrf`
 *   field equal to the session's token. Any site can make a browser submit a form, so the token,
 *   which only our own pages know, is the proof the form came from us.
 * - JSON (`application/json`, `…+json`) passes without a token. A cross-site page cannot send
 *   that content type without a CORS preflight, which this server never approves; and the cookie
 *   is SameSite=Strict, so a cross-site request does not carry it in the first place. The token
 *   guards against what SameSite does not: a sibling site on the same registrable domain.
 * - Anything else that changes state (text/plain, no body) is what a cross-site form or a
 *   no-cors fetch can send, so it needs the token in an `x-csrf-token` header.
 *
 * Requests without a staff session pass: they act as nobody, and `requireRole` stops them
 * where a role is needed.
 */
export async function verifyCsrf(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (SAFE_METHODS.has(req.method) || !req.staff) return undefined;
  const expected = csrfToken(req);
  if (sameToken(req.headers['x-csrf-token'], expected)) return undefined;
  const type = mediaType(req);
  if (type === 'application/json' || type.endsWith('+json')) return undefined;
  if ((type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') && hasFormCsrf(req)) return undefined;
  return deny(req, reply, 403, 'CSRF');
}

/** `host[:port]` as a URL spells it (default port dropped), or null when it is no host at all. */
function normalHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Whether a browser sent this request on behalf of another site's page. Browsers mark every
 * request with `Sec-Fetch-Site`, which pages cannot forge; only our own pages (`same-origin`) and
 * the user's own doing (`none`: typed, bookmarked) pass, and `same-site` does not, since a sibling
 * subdomain may belong to someone else. Older browsers send only `Origin`, which must name the
 * host the request was sent to. A request with neither header comes from no browser page (curl,
 * scripts, tests) and cannot be forged by one.
 */
export function isCrossSite(req: FastifyRequest): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  const from = normalHost(origin);
  return from === null || from !== normalHost(`${req.protocol}://${req.host}`);
}

/**
 * An onRequest hook for logging in: refuses, with 403 CROSS_SITE_LOGIN, a login another site
 * sends from the visitor's browser. Without it a hidden form could log the browser into an
 * account of the attacker's choosing, and whatever the victim then typed would land there.
 */
export async function refuseCrossSiteLogin(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  return isCrossSite(req) ? deny(req, reply, 403, 'CROSS_SITE_LOGIN') : undefined;
}

/** Options of the session cookie. */
export interface SessionCookieOptions {
  /** How long the browser keeps it; the database's expiry is what counts. */
  maxAgeSeconds: number;
  /** Send it over HTTPS only: behind a TLS proxy (trustProxy) or on an https request. */
  secure: boolean;
}

/**
 * Gives the browser its session token. HttpOnly: page scripts never see it. SameSite=Strict:
 * other sites' links and forms arrive without it.
 */
export function setSessionCookie(reply: FastifyReply, token: string, opts: SessionCookieOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: opts.secure,
    maxAge: opts.maxAgeSeconds,
  });
}

/** Tells the browser to forget its session token. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure });
}

/** The logged-in staff member as the record of personal data reads names them; only call after a role guard. */
export function readerOf(req: FastifyRequest): StaffReader {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username, role: req.staff.role };
}
