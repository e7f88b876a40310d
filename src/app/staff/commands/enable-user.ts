import { recordAudit } from '../../../db/repositories/audit.js';
import { findUserByUsername, setUserDisabled } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot, requireManagedAccount } from '../../shared/staff-admin.js';

export interface EnableUserOptions {
  username: string;
  /** The admin enabling it; absent from the command line on the server. */
  actor?: AdminActor | undefined;
}

/** Lets a disabled account log in again (with its old password; its old sessions stay ended). */
export async function enableUser(ctx: AppContext, opts: EnableUserOptions): Promise<StaffAccount> {
  const at = ctx.now().toISOString();
  const actor = opts.actor ?? null;
  const username = normalizeUsername(opts.username);
  const user = await ctx.storage.db.transaction().execute(async (trx) => {
    const found = await findUserByUsername(trx, username);
    if (!found) throw new DomainError('NOT_FOUND', { what: 'user' });
    requireManagedAccount(actor, found);
    await setUserDisabled(trx, found.id, false, at);
    if (found.disabled === 1) {
      await recordAudit(trx, auditOf(actor, at, { officeId: found.office_id, action: 'user.enable', subject: username, before: accountSnapshot(found), after: accountSnapshot({ ...found, disabled: 0 }) }));
    }
    return found;
  });
  return toStaffAccount({ ...user, disabled: 0 });
}
