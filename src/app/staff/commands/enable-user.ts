import { findUserByUsername, setUserDisabled } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { normalizeUsername } from '../../../domain/staff-account.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';

export interface EnableUserOptions {
  username: string;
}

/** Lets a disabled account log in again (with its old password; its old sessions stay ended). */
export async function enableUser(ctx: AppContext, opts: EnableUserOptions): Promise<StaffAccount> {
  const db = ctx.storage.db;
  const username = normalizeUsername(opts.username);
  const user = await findUserByUsername(db, username);
  if (!user) throw new DomainError('NOT_FOUND', { what: 'user' });
  await setUserDisabled(db, user.id, false, ctx.now().toISOString());
  return toStaffAccount({ ...user, disabled: 0 });
}
