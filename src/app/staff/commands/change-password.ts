import { recordAudit } from '../../../db/repositories/audit.js';
import { deleteOtherSessionsOfUser, findUserByUsername, updateUser } from '../../../db/repositories/staff.js';
import { type FieldProblem, InvalidInputError } from '../../../domain/errors.js';
import { MAX_PASSWORD_LENGTH, passwordProblem, type StaffMember } from '../../../domain/staff-account.js';
import type { AppContext } from '../../shared/context.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { sessionIdOf } from '../session-token.js';
import { auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot } from '../../shared/staff-admin.js';

export interface ChangePasswordOptions {
  /** The logged-in staff member changing their own password. */
  staff: StaffMember;
  /** Their session token: this session stays, every other one of theirs ends. */
  token: string;
  currentPassword: string;
  newPassword: string;
}

/**
 * A staff member sets a new password, proving they know the current one (the one-time password
 * after a reset). The new one follows the usual rules and must differ from the current one.
 * Their other sessions end, so a browser left logged in elsewhere is out; this one stays.
 */
export async function changePassword(ctx: AppContext, opts: ChangePasswordOptions): Promise<void> {
  const db = ctx.storage.db;
  const user = await findUserByUsername(db, opts.staff.username);
  if (!user) throw new Error(`logged-in user ${opts.staff.username} has no account`);
  const problems: FieldProblem[] = [];
  if (!(await verifyPassword(user.password_hash, opts.currentPassword.slice(0, MAX_PASSWORD_LENGTH + 1)))) {
    problems.push({ field: 'currentPassword', problem: 'PASSWORD_WRONG' });
  }
  const rule = passwordProblem(opts.newPassword, 'newPassword');
  if (rule) problems.push(rule);
  else if (opts.newPassword === opts.currentPassword) problems.push({ field: 'newPassword', problem: 'PASSWORD_SAME' });
  if (problems.length) throw new InvalidInputError(problems);
  const passwordHash = await hashPassword(opts.newPassword, ctx.passwordCost);
  const at = ctx.now().toISOString();
  const actor = { id: opts.staff.id, username: opts.staff.username, officeId: opts.staff.officeId };
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0, updated_at: at });
    await deleteOtherSessionsOfUser(trx, user.id, sessionIdOf(opts.token));
    await recordAudit(trx, auditOf(actor, at, { officeId: user.office_id, action: 'user.change_password', subject: user.username, before: accountSnapshot(user), after: accountSnapshot({ ...user, must_change_password: 0 }) }));
  });
}
