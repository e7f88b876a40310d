import { findUserByUsername, insertUser, UNIQUE_USERNAME } from '../../../db/repositories/staff.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { newAccountProblems, normalizeUsername } from '../../../domain/staff-account.js';
import type { Role } from '../../../domain/staff-role.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { hashPassword } from '../passwords.js';

export interface AddUserOptions {
  username: string;
  password: string;
  /** A role name; checked here, so callers may pass what they were given. */
  role: Role | string;
  /** The office the account works at; omitted for staff of every office. */
  officeSlug?: string | undefined;
}

/** Creates a staff account; USERNAME_TAKEN when the name exists, in any case. */
export async function addUser(ctx: AppContext, opts: AddUserOptions): Promise<StaffAccount> {
  const problems = newAccountProblems(opts);
  if (problems.length) throw new InvalidInputError(problems);
  const db = ctx.storage.db;
  const username = normalizeUsername(opts.username);
  const officeId = opts.officeSlug === undefined ? null : (await requireOffice(db, opts.officeSlug)).id;
  const passwordHash = await hashPassword(opts.password);
  const at = ctx.now().toISOString();
  try {
    await insertUser(db, { username, password_hash: passwordHash, role: opts.role, office_id: officeId, disabled: 0, created_at: at, updated_at: at });
  } catch (error) {
    if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_USERNAME)) throw new DomainError('USERNAME_TAKEN');
    throw error;
  }
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`user ${username} vanished after insert`);
  return toStaffAccount(row);
}
