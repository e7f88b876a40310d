import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffAccount } from '../../app/staff/account-view.js';
import { addUser } from '../../app/staff/commands/add-user.js';
import type { AppContext } from '../../app/shared/context.js';
import { disableUser } from '../../app/staff/commands/disable-user.js';
import { enableUser } from '../../app/staff/commands/enable-user.js';
import { listOffices } from '../../app/office/queries/list-offices.js';
import { listUsers } from '../../app/staff/queries/list-users.js';
import { changePassword } from '../../app/staff/commands/change-password.js';
import { resetPassword } from '../../app/staff/commands/reset-password.js';
import { updateUser } from '../../app/staff/commands/update-user.js';
import { logIn } from '../../app/staff/commands/log-in.js';
import { logOut } from '../../app/staff/commands/log-out.js';
import { MAX_PASSWORD_LENGTH } from '../../domain/staff-account.js';
import {
  clearSessionCookie,
  csrfToken,
  refuseCrossSiteLogin,
  requireAnyStaff,
  requireRole,
  SESSION_COOKIE,
  sessionTokenOf,
  setSessionCookie,
  verifyCsrf,
} from '../plugins/staff-auth.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

/** A password as typed: never trimmed, since spaces may be part of it. */
const passwordField = z
  .string({ error: (iss) => (iss.input === undefined ? 'REQUIRED' : 'INVALID') })
  .min(1, 'REQUIRED')
  .max(MAX_PASSWORD_LENGTH, 'TOO_LONG');

const LoginBody = z.object({ username: textField(64), password: passwordField });
// Rules on usernames, passwords and roles live in the domain; this only checks the shapes.
const NewUserBody = z.object({
  username: textField(64),
  password: passwordField.optional().describe('Left out: a one-time password is generated, answered once as temporaryPassword, and must be changed at first login'),
  role: textField(16),
  office: textField(64).optional().describe("The office's slug; left out for every office (an office's own admin: their office)"),
});
const UpdateUserBody = z.object({
  role: textField(16).optional(),
  office: textField(64).nullable().optional().describe("The office's slug, or null for every office"),
});
const ChangePasswordBody = z.object({ currentPassword: passwordField, newPassword: passwordField });
const UsernameParams = z.object({ username: textField(64) });

export interface StaffAuthRouteOptions {
  /** Behind a TLS-terminating proxy: session cookies are Secure even though the hop to us is http. */
  trustProxy: boolean;
}

const AccountSchema = z
  .object({
    username: z.string(),
    role: z.string(),
    officeId: z.number().int().nullable(),
    office: z.string().nullable().describe("The office's slug; null for every office"),
    disabled: z.boolean(),
    mustChangePassword: z.boolean().describe('Its password was reset and not yet changed by its owner'),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffAccount' });
const LoggedInAnswer = z.object({
  user: z.object({
    username: z.string(),
    role: z.string(),
    officeId: z.number().int().nullable(),
    mustChangePassword: z.boolean().describe('An admin reset the password: every other staff route answers 403 PASSWORD_CHANGE_REQUIRED until POST /auth/password'),
  }),
  csrfToken: z.string().describe('Send it back as the x-csrf-token header on every change'),
});

/** What leaves the server about an account: never its hash, never its sessions. `slugs` names the offices by id. */
function presentAccount(a: StaffAccount, slugs: ReadonlyMap<number, string>): z.infer<typeof AccountSchema> {
  return {
    username: a.username,
    role: a.role,
    officeId: a.officeId,
    office: a.officeId === null ? null : (slugs.get(a.officeId) ?? null),
    disabled: a.disabled,
    mustChangePassword: a.mustChangePassword,
    createdAt: a.createdAt,
  };
}

const STAFF = ['staff accounts'];
const SESSION = [{ staffSession: [] }];

/** Logging in and out, and the admin's account management, under /api/v1. */
export function staffAuthRoutes(ctx: AppContext, opts: StaffAuthRouteOptions) {
  return routePlugin('staffAuthRoutes', async (base: FastifyInstance) => {
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
      const { username, role, officeId, mustChangePassword } = session.staff;
      return { user: { username, role, officeId, mustChangePassword }, csrfToken: session.csrfToken };
    });

    app.post('/auth/logout', { schema: { tags: STAFF, summary: 'End the session', response: { 204: z.null(), ...ERROR_RESPONSES } } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(ctx, { token });
      clearSessionCookie(reply, secure(req));
      return reply.status(204).send(null);
    });

    const me = { tags: STAFF, summary: 'The logged-in staff member and their CSRF token', security: SESSION, response: { 200: LoggedInAnswer, ...ERROR_RESPONSES } };
    // Open while a reset password waits to be changed, so a client can see that it must.
    app.get('/auth/me', { onRequest: requireAnyStaff, schema: me }, async (req) => {
      const { username, role, officeId, mustChangePassword } = req.staff!;
      // Staff pages' scripts read the token here to send it as x-csrf-token.
      return { user: { username, role, officeId, mustChangePassword }, csrfToken: csrfToken(req) };
    });

    const passwordSchema = {
      tags: STAFF,
      summary: 'Change your own password [any staff]: this session stays, your other sessions end',
      security: SESSION,
      body: ChangePasswordBody,
      response: { 204: z.null(), ...ERROR_RESPONSES },
    };
    // Counted with logins: the current password is checked here too.
    app.post('/auth/password', { onRequest: requireAnyStaff, schema: passwordSchema, config: { limit: { bucket: 'login' as const } } }, async (req, reply) => {
      await changePassword(ctx, { staff: req.staff!, token: sessionTokenOf(req), currentPassword: req.body.currentPassword, newPassword: req.body.newPassword });
      return reply.status(204).send(null);
    });

    const adminOnly = { onRequest: requireRole('admin') };
    const admin = (summary: string) => ({ tags: STAFF, summary: `${summary} [admin; an office's admin: its own staff]`, security: SESSION });
    const UserAnswer = z.object({ user: AccountSchema });
    const officeSlugs = async () => new Map((await listOffices(ctx)).map((o) => [o.id, o.slug]));
    const present = async (user: StaffAccount) => presentAccount(user, await officeSlugs());

    app.get('/users', { ...adminOnly, schema: { ...admin('Staff accounts'), response: { 200: z.object({ users: z.array(AccountSchema) }), ...ERROR_RESPONSES } } }, async (req) => {
      const slugs = await officeSlugs();
      return { users: (await listUsers(ctx, { actor: req.staff })).map((u) => presentAccount(u, slugs)) };
    });

    const created = z.object({ user: AccountSchema, temporaryPassword: z.string().nullable().describe('The generated one-time password, shown this once; null when a password was given') });
    app.post('/users', { ...adminOnly, schema: { ...admin('Add an account'), body: NewUserBody, response: { 201: created, ...ERROR_RESPONSES } } }, async (req, reply) => {
      const body = req.body;
      const { temporaryPassword, ...user } = await addUser(ctx, { username: body.username, password: body.password, role: body.role, officeSlug: body.office, actor: req.staff });
      return reply.status(201).send({ user: await present(user), temporaryPassword });
    });

    app.patch(
      '/users/:username',
      { ...adminOnly, schema: { ...admin("Change an account's role or office"), params: UsernameParams, body: UpdateUserBody, response: { 200: UserAnswer, ...ERROR_RESPONSES } } },
      async (req) => {
        const user = await updateUser(ctx, { username: req.params.username, actor: req.staff, role: req.body.role, officeSlug: req.body.office });
        return { user: await present(user) };
      },
    );

    const userChange = (summary: string) => ({ ...adminOnly, schema: { ...admin(summary), params: UsernameParams, response: { 200: UserAnswer, ...ERROR_RESPONSES } } });

    app.post('/users/:username/disable', userChange('Disable an account: its sessions end at once'), async (req) => ({
      user: await present(await disableUser(ctx, { username: req.params.username, actor: req.staff })),
    }));

    app.post('/users/:username/enable', userChange('Enable an account again'), async (req) => ({
      user: await present(await enableUser(ctx, { username: req.params.username, actor: req.staff })),
    }));

    const resetAnswer = z.object({ user: AccountSchema, temporaryPassword: z.string().describe('Shown this once; the owner must change it at the next login') });
    app.post(
      '/users/:username/reset-password',
      { ...adminOnly, schema: { ...admin('Give an account a one-time password: its sessions end, and it must be changed at the next login'), params: UsernameParams, response: { 200: resetAnswer, ...ERROR_RESPONSES } } },
      async (req) => {
        const result = await resetPassword(ctx, { username: req.params.username, actor: req.staff });
        return { user: await present(result.user), temporaryPassword: result.temporaryPassword };
      },
    );
  });
}
