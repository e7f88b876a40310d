import { listUsers as listUserRows } from '../../../db/repositories/staff.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';

/** Every staff account, oldest first, disabled ones included. */
export async function listUsers(ctx: AppContext): Promise<StaffAccount[]> {
  return (await listUserRows(ctx.storage.db)).map(toStaffAccount);
}
