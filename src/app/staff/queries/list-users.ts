import { listUsers as listUserRows } from '../../../db/repositories/staff.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import type { AdminActor } from '../../shared/admin-scope.js';

/** Staff accounts, oldest first, disabled ones included: every one, or an office admin's own office's. */
export async function listUsers(ctx: AppContext, opts: { actor?: AdminActor | undefined } = {}): Promise<StaffAccount[]> {
  const officeId = opts.actor?.officeId ?? undefined;
  return (await listUserRows(ctx.storage.db, officeId === null ? undefined : officeId)).map(toStaffAccount);
}
