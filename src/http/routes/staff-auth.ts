import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffAccount } from '../../app/staff/account-view.js';
import { addUser } from '../../app/staff/commands/add-user.js';
import type { AppContext } from '../../app/shared/context.js';
import { disableUser } from '../../app/staff/commands/disable-user.js';
import { enableUser } from '../../app/staff/commands/enable-user.js';
import { listUsers } from '../../app/staff/queries/list-users.js';
import { logIn } from '../../app/staff/commands/log-in.js';
import { logOut } from '../../app/staff/commands/log-out.js';
import { MAX_PASSWORD_LENGTH } from '../../domain/staff-account.js';
import {
  clearSessionCookie,
  csrfToken,
  refuseCrossSiteLogin,
  requireRole,
  SESSION_COOKIE,
  setSessionCookie,
  verifyCsrf,
} from '../plugins/staff-auth.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { textField } from '../validation.js';

/** A password as typed: never trimmed, since spaces may be part of it. */
const passwordField = z
  .string({ error: (iss) => (iss.input === undefined ? 'REQUIRED' : 'INVALID') })
  .min(1, 'REQUIRED')
  .max(MAX_PASSWORD_LENGTH, 'TOO_LONG');

const LoginBody = z.object({ username: textField(64), password: passwordField });
// Rules on usernames, passwords and roles live in the domain; this only checks the shapes.
const NewUserBody = z.object({ username: textField(64), password: passwordField, role: textField(16), office: textField(64).optional() });
const UsernameParams = z.object({ username: textField(64) });

export interface StaffAuthRouteOptions {
  /** Behind a TLS-terminating proxy: session cookies are Secure even though the hop to us is http. */
  trustProxy: boolean;
}

const AccountSchema = z
  .object({ username: z.string(), role: z.string(), officeId: z.number().int().nullable(), disabled: z.boolean(), createdAt: z.string() })
  .meta({ id: 'StaffAccount' });
const LoggedInAnswer = z.object({
  user: z.object({ username: z.string(), role: z.string(), officeId: z.number().int().nullable() }),
  csrfToken: z.string().describe('Send it back as the x-csrf-token header on every change'),
});

/** What leaves the server about an account: never its hash, never its sessions. */
function presentAccount(a: StaffAccount): z.infer<typeof AccountSchema> {
  return { username: a.username, role: a.role, officeId: a.officeId, disabled: a.disabled, createdAt: a.createdAt };
}

const STAFF = ['staff accounts'];
const SESSION = [{ staffSession: [] }];

/** Logging in and out, and the admin's account management, under /api/v1. */
export function staffAuthRoutes(ctx: AppContext, opts: StaffAuthRouteOptions) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const secure = (req: FastifyRequest) => opts.trustProxy || req.protocol === 'https';
    // Answers about who is logged in are per person: no cache may keep or share them.
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });
    app.addHook('preHandler', verifyCsrf);

    const loginSchema = { tags: STAFF, summary: 'Log in: sets the antrean_session cookie', body: LoginBody, response: { 200: LoggedInAnswer, ...ERROR_RESPONSES } };
    app.post('/auth/login', { onRequest: refuseCrossSiteLogin, schema: loginSchema, config: { limit: { bucket: 'login' as const } } }, async (req, reply) => {
      const body = req.body;
      const session = await logIn(ctx, { username: body.username, password: body.password, address: req.ip });
      // A browser that was logged in before leaves that session behind, ended.
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) await logOut(ctx, { token: previous });
      const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - ctx.now().getTime()) / 1000);
      setSessionCookie(reply, session.token, { maxAgeSeconds, secure: secure(req) });
      const { username, role, officeId } = session.staff;
      return { user: { username, role, officeId }, csrfToken: session.csrfToken };
    });

    app.post('/auth/logout', { schema: { tags: STAFF, summary: 'End the session', response: { 204: z.null(), ...ERROR_RESPONSES } } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(ctx, { token });
      clearSessionCookie(reply, secure(req));
      return reply.status(204).send(null);
    });

    const me = { tags: STAFF, summary: 'The logged-in staff member and their CSRF token', security: SESSION, response: { 200: LoggedInAnswer, ...ERROR_RESPONSES } };
    app.get('/auth/me', { onRequest: requireRole('admin', 'desk', 'counter', 'display'), schema: me }, async (req) => {
      const { username, role, officeId } = req.staff!;
      // Staff pages' scripts read the token here to send it as x-csrf-token.
      return { user: { username, role, officeId }, csrfToken: csrfToken(req) };
    });

    const adminOnly = { onRequest: requireRole('admin') };
    const admin = (summary: string) => ({ tags: STAFF, summary: `${summary} [admin]`, security: SESSION });
    const UserAnswer = z.object({ user: AccountSchema });

    app.get('/users', { ...adminOnly, schema: { ...admin('Every staff account'), response: { 200: z.object({ users: z.array(AccountSchema) }), ...ERROR_RESPONSES } } }, async () => ({
      users: (await listUsers(ctx)).map(presentAccount),
    }));

    app.post('/users', { ...adminOnly, schema: { ...admin('Add an account'), body: NewUserBody, response: { 201: UserAnswer, ...ERROR_RESPONSES } } }, async (req, reply) => {
      const body = req.body;
      const user = await addUser(ctx, { username: body.username, password: body.password, role: body.role, officeSlug: body.office });
      return reply.status(201).send({ user: presentAccount(user) });
    });

    const userChange = (summary: string) => ({ ...adminOnly, schema: { ...admin(summary), params: UsernameParams, response: { 200: UserAnswer, ...ERROR_RESPONSES } } });

    app.post('/users/:username/disable', userChange('Disable an account: its sessions end at once'), async (req) => ({
      user: presentAccount(await disableUser(ctx, { username: req.params.username })),
    }));

    app.post('/users/:username/enable', userChange('Enable an account again'), async (req) => ({
      user: presentAccount(await enableUser(ctx, { username: req.params.username })),
    }));
  };
}
