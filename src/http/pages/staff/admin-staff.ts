import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StaffAccount } from '../../../app/staff/account-view.js';
import { addUser } from '../../../app/staff/commands/add-user.js';
import type { AppContext } from '../../../app/shared/context.js';
import { disableUser } from '../../../app/staff/commands/disable-user.js';
import { enableUser } from '../../../app/staff/commands/enable-user.js';
import { listUsers } from '../../../app/staff/queries/list-users.js';
import { resetPassword } from '../../../app/staff/commands/reset-password.js';
import { updateUser } from '../../../app/staff/commands/update-user.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { parseInput, textField } from '../../validation.js';
import type { AdminFormErrors } from '../../views/staff/admin-forms.js';
import { STAFF_ADMIN_PATH, type StaffLine, type StaffValues, staffEditPage, staffListPage } from '../../views/staff/admin-staff.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { adminActorOf, adminFrame, toAdminFormErrors, typed } from './admin-common.js';
import { requirePageRole, sendStaffPage } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const UserParams = z.object({ username: textField(64) });
const ListQuery = z.object({ ok: z.enum(['saved', 'disabled', 'enabled']).optional().catch(undefined), user: z.string().max(64).optional().catch(undefined) });
const StaffForm = z.object({ username: typed(64), role: typed(16), office: typed(64) });

/** `/staff/admin/staff`: the accounts an admin manages, as plain forms. */
export function adminStaffPages(ctx: AppContext) {
  return routePlugin('adminStaffPages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    async function lines(req: FastifyRequest): Promise<{ accounts: StaffLine[]; byUsername: Map<string, StaffAccount> }> {
      const frame = await adminFrame(ctx, req, null);
      const slugOf = new Map(frame.offices.map((o) => [o.id, o.slug]));
      const users = await listUsers(ctx, { actor: adminActorOf(req) });
      const accounts = users.map((u) => ({
        username: u.username,
        role: u.role,
        office: u.officeId === null ? null : (slugOf.get(u.officeId) ?? String(u.officeId)),
        disabled: u.disabled,
        mustChangePassword: u.mustChangePassword,
      }));
      return { accounts, byUsername: new Map(users.map((u) => [u.username, u])) };
    }

    async function renderList(
      req: FastifyRequest,
      reply: FastifyReply,
      over: { done?: string; oneTime?: { username: string; password: string }; values?: StaffValues; errors?: AdminFormErrors } = {},
      status = 200,
    ) {
      const frame = await adminFrame(ctx, req, null);
      const { accounts } = await lines(req);
      const page = staffListPage({ ...frame, accounts, mayChooseEveryOffice: adminActorOf(req).officeId === null, ...over });
      return sendStaffPage(reply, page, status);
    }

    app.get(STAFF_ADMIN_PATH, admin, async (req, reply) => {
      const q = ListQuery.parse(req.query ?? {});
      const { byUsername } = await lines(req);
      // Only names of listed accounts: a crafted link cannot put other words on the page.
      const user = q.user && byUsername.has(q.user) ? q.user : undefined;
      const done = q.ok && user ? st(q.ok === 'saved' ? 'staff.staffSaved' : q.ok === 'disabled' ? 'staff.staffDisabled' : 'staff.staffEnabled', { user }) : undefined;
      return renderList(req, reply, { done });
    });

    // The one-time password is shown in the answer to the post itself, never in a URL.
    app.post(STAFF_ADMIN_PATH, admin, async (req, reply) => {
      const form = StaffForm.parse(req.body ?? {});
      try {
        const added = await addUser(ctx, { username: form.username, role: form.role, officeSlug: form.office === '' ? undefined : form.office, actor: adminActorOf(req) });
        return renderList(req, reply, { oneTime: { username: added.username, password: added.temporaryPassword ?? '' } });
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, { values: form, errors }, status);
      }
    });

    async function renderEdit(req: FastifyRequest, reply: FastifyReply, username: string, values: StaffValues, errors?: AdminFormErrors, status = 200) {
      const frame = await adminFrame(ctx, req, null);
      const page = staffEditPage({ ...frame, username, values, mayChooseEveryOffice: adminActorOf(req).officeId === null, errors });
      return sendStaffPage(reply, page, status);
    }

    app.get(`${STAFF_ADMIN_PATH}/:username/edit`, admin, async (req, reply) => {
      const username = normalizeUsername(parseInput(UserParams, req.params).username);
      const { accounts } = await lines(req);
      const account = accounts.find((a) => a.username === username);
      if (!account) throw new DomainError('NOT_FOUND', { what: 'user' });
      return renderEdit(req, reply, username, { username, role: account.role, office: account.office ?? '' });
    });

    app.post(`${STAFF_ADMIN_PATH}/:username`, admin, async (req, reply) => {
      const username = normalizeUsername(parseInput(UserParams, req.params).username);
      const form = StaffForm.parse(req.body ?? {});
      try {
        await updateUser(ctx, { username, actor: adminActorOf(req), role: form.role, officeSlug: form.office === '' ? null : form.office });
        return reply.redirect(`${STAFF_ADMIN_PATH}?ok=saved&user=${encodeURIComponent(username)}`, 303);
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderEdit(req, reply, username, { ...form, username }, errors, status);
      }
    });

    for (const [action, run, ok] of [
      ['disable', disableUser, 'disabled'],
      ['enable', enableUser, 'enabled'],
    ] as const) {
      app.post(`${STAFF_ADMIN_PATH}/:username/${action}`, admin, async (req, reply) => {
        const username = normalizeUsername(parseInput(UserParams, req.params).username);
        try {
          await run(ctx, { username, actor: adminActorOf(req) });
          return reply.redirect(`${STAFF_ADMIN_PATH}?ok=${ok}&user=${encodeURIComponent(username)}`, 303);
        } catch (error) {
          const { errors, status } = toAdminFormErrors(error);
          return renderList(req, reply, { errors }, status);
        }
      });
    }

    app.post(`${STAFF_ADMIN_PATH}/:username/reset-password`, admin, async (req, reply) => {
      const username = normalizeUsername(parseInput(UserParams, req.params).username);
      try {
        const result = await resetPassword(ctx, { username, actor: adminActorOf(req) });
        return renderList(req, reply, { oneTime: { username: result.user.username, password: result.temporaryPassword } });
      } catch (error) {
        const { errors, status } = toAdminFormErrors(error);
        return renderList(req, reply, { errors }, status);
      }
    });
  });
}
