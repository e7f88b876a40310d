import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { changePassword } from '../../../app/staff/commands/change-password.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { errorText } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { sessionTokenOf } from '../../plugins/staff-auth.js';
import type { AdminFormErrors } from '../../views/staff/admin-forms.js';
import { passwordPage } from '../../views/staff/password.js';
import { toAdminFormErrors } from './admin-common.js';
import { homePathOf } from './auth.js';
import { loginUrl, PASSWORD_PAGE, sendStaffPage, viewerOf } from './guard.js';
import { localNextPath } from './next-path.js';
import { routePlugin } from '../../route-plugin.js';

const PageQuery = z.object({ next: z.string().max(600).optional().catch(undefined), changed: z.string().max(5).optional().catch(undefined) });
const PasswordForm = z.object({
  currentPassword: z.string().max(400).catch(''),
  newPassword: z.string().max(400).catch(''),
  newPasswordAgain: z.string().max(400).catch(''),
  next: z.string().max(600).optional().catch(undefined),
});

/** Where to go on from the password page: the page the person was on the way to, never back here. */
function nextFrom(raw: unknown): string | undefined {
  const next = localNextPath(raw);
  return next && !next.startsWith(PASSWORD_PAGE) ? next : undefined;
}

/**
 * An onRequest hook: any logged-in staff member, even one whose password waits to be changed
 * (this is where they change it); without a session, off to the login page.
 */
async function requireLoggedIn(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!req.staff) return reply.redirect(loginUrl(req.method === 'GET' ? req.url : PASSWORD_PAGE), 303);
  return undefined;
}

/** `/staff/password`: every staff member changes their own password here; after an admin's reset, they must first. */
export function passwordPages(ctx: AppContext) {
  return routePlugin('passwordPages', async (app: FastifyInstance) => {
    app.get(PASSWORD_PAGE, { onRequest: requireLoggedIn }, async (req, reply) => {
      const q = PageQuery.parse(req.query ?? {});
      const staff = req.staff!;
      const changed = q.changed === '1' && !staff.mustChangePassword;
      const next = nextFrom(q.next) ?? (changed ? await homePathOf(ctx, staff) : undefined);
      return sendStaffPage(reply, passwordPage({ viewer: viewerOf(req), forced: staff.mustChangePassword, next, changed }));
    });

    app.post(PASSWORD_PAGE, { onRequest: requireLoggedIn, config: { limit: { bucket: 'login' } } }, async (req, reply) => {
      const form = PasswordForm.parse(req.body ?? {});
      const staff = req.staff!;
      const next = nextFrom(form.next);
      const again = (errors: AdminFormErrors, status: number) => sendStaffPage(reply, passwordPage({ viewer: viewerOf(req), forced: staff.mustChangePassword, next, errors }), status);
      const fields: AdminFormErrors['fields'] = {};
      if (form.currentPassword === '') fields.currentPassword = errorText(STAFF_LANG, 'REQUIRED');
      if (form.newPassword === '') fields.newPassword = errorText(STAFF_LANG, 'REQUIRED');
      else if (form.newPasswordAgain !== form.newPassword) fields.newPasswordAgain = errorText(STAFF_LANG, 'PASSWORDS_DIFFER');
      if (Object.keys(fields).length) return again({ fields }, 422);
      try {
        await changePassword(ctx, { staff, token: sessionTokenOf(req), currentPassword: form.currentPassword, newPassword: form.newPassword });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return again(toAdminFormErrors(error).errors, 422);
      }
      return reply.redirect(`${PASSWORD_PAGE}?changed=1${next ? `&next=${encodeURIComponent(next)}` : ''}`, 303);
    });
  });
}
