import { recordAudit } from '../../../db/repositories/audit.js';
import { deleteSessionsOfUser, findUserByUsername, updateUser } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { generatePassword, hashPassword } from '../passwords.js';
import { type AdminActor, auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot, requireManagedAccount } from '../../shared/staff-admin.js';

export interface ResetPasswordOptions {
  username: string;
  actor: AdminActor;
}

/** The account and its new one-time password, to be shown once: only its hash is stored. */
export interface ResetPasswordResult {
  user: StaffAccount;
  temporaryPassword: string;
}

/**
 * Gives an account a generated one-time password, for someone who forgot theirs. Every session
 * of the account ends (whoever had the old password is out), and the owner must choose a new
 * password at the next login before anything else.
 */
export async function resetPassword(ctx: AppContext, opts: ResetPasswordOptions): Promise<ResetPasswordResult> {
  const at = ctx.now().toISOString();
  const username = normalizeUsername(opts.username);
  const temporaryPassword = generatePassword(ctx.randomInt);
  const passwordHash = await hashPassword(temporaryPassword, ctx.passwordCost);
  const user = await ctx.storage.db.transaction().execute(async (trx) => {
    const found = await findUserByUsername(trx, username);
    if (!found) throw new DomainError('NOT_FOUND', { what: 'user' });
    requireManagedAccount(opts.actor, found);
    await updateUser(trx, found.id, { password_hash: passwordHash, must_change_password: 1, updated_at: at });
    await deleteSessionsOfUser(trx, found.id);
    const after = { ...found, must_change_password: 1 };
    await recordAudit(trx, auditOf(opts.actor, at, { officeId: found.office_id, action: 'user.reset_password', subject: username, before: accountSnapshot(found), after: accountSnapshot(after) }));
    return after;
  });
  return { user: toStaffAccount(user), temporaryPassword };
}
