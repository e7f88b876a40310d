import { deleteSessionsOfUser, findUserByUsername, lockEnabledAdmins, setUserDisabled } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';

export interface DisableUserOptions {
  username: string;
}

/**
 * Disables an account and ends all its sessions, in one transaction: from the next request on,
 * in every process, its cookies log nobody in. The last active admin cannot be disabled, or
 * nobody could manage accounts any more.
 */
export async function disableUser(ctx: AppContext, opts: DisableUserOptions): Promise<StaffAccount> {
  const db = ctx.storage.db;
  const at = ctx.now().toISOString();
  const username = normalizeUsername(opts.username);
  await db.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, username);
    if (!user) throw new DomainError('NOT_FOUND', { what: 'user' });
    if (user.role === 'admin') {
      // Counted under the admins' row locks: a racing disable of another admin is seen, not missed.
      const admins = await lockEnabledAdmins(trx);
      if (admins.includes(user.id) && admins.length <= 1) throw new DomainError('LAST_ADMIN');
    }
    await setUserDisabled(trx, user.id, true, at);
    await deleteSessionsOfUser(trx, user.id);
  });
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`user ${username} vanished after disable`);
  return toStaffAccount(row);
}
