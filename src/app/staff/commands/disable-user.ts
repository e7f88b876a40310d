import { recordAudit } from '../../../db/repositories/audit.js';
import { deleteSessionsOfUser, findUserByUsername, setUserDisabled } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot, keepAnUnrestrictedAdmin, requireManagedAccount } from '../../shared/staff-admin.js';

export interface DisableUserOptions {
  username: string;
  /** The admin disabling it; absent from the command line on the server. */
  actor?: AdminActor | undefined;
}

/**
 * Disables an account and ends all its sessions, in one transaction: from the next request on,
 * in every process, its cookies log nobody in. The last active admin of every office cannot be
 * disabled, or nobody could manage every office and account any more.
 */
export async function disableUser(ctx: AppContext, opts: DisableUserOptions): Promise<StaffAccount> {
  const db = ctx.storage.db;
  const at = ctx.now().toISOString();
  const actor = opts.actor ?? null;
  const username = normalizeUsername(opts.username);
  await db.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, username);
    if (!user) throw new DomainError('NOT_FOUND', { what: 'user' });
    requireManagedAccount(actor, user);
    await keepAnUnrestrictedAdmin(trx, user, false);
    await setUserDisabled(trx, user.id, true, at);
    await deleteSessionsOfUser(trx, user.id);
    if (user.disabled === 0) {
      await recordAudit(trx, auditOf(actor, at, { officeId: user.office_id, action: 'user.disable', subject: username, before: accountSnapshot(user), after: accountSnapshot({ ...user, disabled: 1 }) }));
    }
  });
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`user ${username} vanished after disable`);
  return toStaffAccount(row);
}
