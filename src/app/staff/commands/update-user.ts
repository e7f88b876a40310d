import { recordAudit } from '../../../db/repositories/audit.js';
import { findUserByUsername, updateUser as updateUserRow, type UserChanges } from '../../../db/repositories/staff.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { isRole } from '../../../domain/staff-role.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot, keepAnUnrestrictedAdmin, officeIdFor, requireManagedAccount } from '../../shared/staff-admin.js';

export interface UpdateUserOptions {
  username: string;
  actor: AdminActor;
  /** A role name; checked here. Absent: unchanged. */
  role?: string | undefined;
  /** The office to tie the account to, null for every office; absent: unchanged. */
  officeSlug?: string | null | undefined;
}

/**
 * Changes an account's role or office. Sessions read both from the database on every request,
 * so the change holds from the account's next click, in every process. The last enabled admin of
 * every office cannot be demoted or tied to one office (LAST_ADMIN).
 */
export async function updateUser(ctx: AppContext, opts: UpdateUserOptions): Promise<StaffAccount> {
  if (opts.role !== undefined && !isRole(opts.role)) throw new InvalidInputError([{ field: 'role', problem: 'ROLE_INVALID' }]);
  const at = ctx.now().toISOString();
  const username = normalizeUsername(opts.username);
  return ctx.storage.db.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, username);
    if (!user) throw new DomainError('NOT_FOUND', { what: 'user' });
    requireManagedAccount(opts.actor, user);
    const changes: UserChanges = { updated_at: at };
    if (opts.role !== undefined) changes.role = opts.role;
    if (opts.officeSlug !== undefined) changes.office_id = await officeIdFor(trx, opts.actor, opts.officeSlug);
    const after = { ...user, ...changes };
    await keepAnUnrestrictedAdmin(trx, user, after.role === 'admin' && after.office_id === null);
    await updateUserRow(trx, user.id, changes);
    const [was, is] = [accountSnapshot(user), accountSnapshot(after)];
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      // Filed under the office it belongs to now, or, made an account of every office, the one it left.
      await recordAudit(trx, auditOf(opts.actor, at, { officeId: after.office_id ?? user.office_id, action: 'user.update', subject: username, before: was, after: is }));
    }
    return toStaffAccount(after);
  });
}
