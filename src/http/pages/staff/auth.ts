import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import { logIn } from '../../../app/staff/commands/log-in.js';
import { logOut } from '../../../app/staff/commands/log-out.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import type { StaffMember } from '../../../domain/staff-account.js';
import { clearSessionCookie, isCrossSite, SESSION_COOKIE, setSessionCookie } from '../../plugins/staff-auth.js';
import { staffHomePage } from '../../views/staff/home.js';
import { loginPage } from '../../views/staff/login.js';
import { ROLES } from '../../../domain/staff-role.js';
import { requirePageRole, sendStaffPage, viewerOf } from './guard.js';
import { localNextPath } from './next-path.js';
import { domainErrorText, errorText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const LoginForm = z.object({
  username: z.string().max(200).catch(''),
  password: z.string().max(400).catch(''),
  next: z.string().max(600).optional().catch(undefined),
});

/** What the login and staff home pages take from the server's HTTP settings. */
export interface StaffAuthPageOptions {
  /** Behind a TLS-terminating proxy: session cookies are Secure. */
  trustProxy: boolean;
}

/**
 * Where a staff member's work is: their role's page at their office (or at the only office),
 * else the staff home that lists every office. Admins start at the staff home.
 */
export async function homePathOf(ctx: AppContext, staff: StaffMember): Promise<string> {
  if (staff.role === 'admin') return '/staff';
  const offices = await listOffices(ctx);
  const office = staff.officeId !== null ? offices.find((o) => o.id === staff.officeId) : offices.length === 1 ? offices[0] : undefined;
  if (!office) return '/staff';
  if (staff.role === 'desk') return `/staff/desk/${office.slug}`;
  if (staff.role === 'counter') return `/staff/counter/${office.slug}`;
  return `/display/${office.slug}`;
}

/** `/staff/login`, `/staff/logout` and `/staff`, the pages around a staff session. */
export function staffAuthPages(ctx: AppContext, opts: StaffAuthPageOptions) {
  return routePlugin('staffAuthPages', async (app: FastifyInstance) => {
    const secure = (req: FastifyRequest) => opts.trustProxy || req.protocol === 'https';

    app.get('/staff/login', async (req, reply) => {
      const next = localNextPath((req.query as Record<string, unknown> | undefined)?.next);
      const viewer = req.staff ? viewerOf(req) : null;
      const viewerHome = req.staff ? await homePathOf(ctx, req.staff) : undefined;
      return sendStaffPage(reply, loginPage({ next, username: '', viewer, viewerHome }));
    });

    app.post('/staff/login', { config: { limit: { bucket: 'login' } } }, async (req, reply) => {
      const form = LoginForm.parse(req.body ?? {});
      const next = localNextPath(form.next);
      const again = (problem: string, status: number) =>
        sendStaffPage(reply, loginPage({ next, username: form.username, problem, viewer: req.staff ? viewerOf(req) : null }), status);
      // Another site's hidden form must not log this browser into an account the attacker chose.
      if (isCrossSite(req)) return again(errorText(STAFF_LANG, 'CROSS_SITE_LOGIN'), 403);
      if (form.username.trim() === '' || form.password === '') return again(st('staff.loginMissing'), 422);
      try {
        const session = await logIn(ctx, { username: form.username, password: form.password, address: req.ip });
        // The session this browser had before ends here, as with the API's login.
        const previous = req.cookies[SESSION_COOKIE];
        if (previous) await logOut(ctx, { token: previous });
        const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - ctx.now().getTime()) / 1000);
        setSessionCookie(reply, session.token, { maxAgeSeconds, secure: secure(req) });
        return reply.redirect(next ?? (await homePathOf(ctx, session.staff)), 303);
      } catch (error) {
        if (error instanceof DomainError) {
          if (typeof error.details.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds));
          return again(domainErrorText(error, STAFF_LANG), error.code === 'TOO_MANY_ATTEMPTS' ? 429 : 401);
        }
        if (error instanceof InvalidInputError) return again(errorText(STAFF_LANG, 'INVALID_CREDENTIALS'), 401);
        throw error;
      }
    });

    app.post('/staff/logout', async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(ctx, { token });
      clearSessionCookie(reply, secure(req));
      return reply.redirect('/staff/login', 303);
    });

    app.get('/staff', { onRequest: requirePageRole(...ROLES) }, async (req, reply) => {
      const viewer = viewerOf(req);
      const staffOffice = req.staff?.officeId ?? null;
      const offices = (await listOffices(ctx)).filter((o) => staffOffice === null || o.id === staffOffice);
      return sendStaffPage(reply, staffHomePage(viewer, offices.map((o) => ({ slug: o.slug, name: o.name }))));
    });
  });
}
