import { recordAudit } from '../../../db/repositories/audit.js';
import { findUserByUsername, insertUser, UNIQUE_USERNAME } from '../../../db/repositories/staff.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { newAccountProblems, normalizeUsername } from '../../../domain/staff-account.js';
import type { Role } from '../../../domain/staff-role.js';
import { type StaffAccount, toStaffAccount } from '../account-view.js';
import type { AppContext } from '../../shared/context.js';
import { generatePassword, hashPassword } from '../passwords.js';
import { type AdminActor, auditOf } from '../../shared/admin-scope.js';
import { accountSnapshot, officeIdFor } from '../../shared/staff-admin.js';

export interface AddUserOptions {
  username: string;
  /**
   * The password; when omitted one is generated, returned once as `temporaryPassword`, and the
   * person must change it at their first login.
   */
  password?: string | undefined;
  /** A role name; checked here, so callers may pass what they were given. */
  role: Role | string;
  /** The office the account works at; omitted for staff of every office (or, for an office's admin, theirs). */
  officeSlug?: string | undefined;
  /** The admin adding the account; absent from the command line on the server. */
  actor?: AdminActor | undefined;
}

/** A new account and, when it was generated, its one-time password (shown once, stored nowhere). */
export type AddedUser = StaffAccount & { temporaryPassword: string | null };

/** Creates a staff account; USERNAME_TAKEN when the name exists, in any case. */
export async function addUser(ctx: AppContext, opts: AddUserOptions): Promise<AddedUser> {
  const temporaryPassword = opts.password === undefined ? generatePassword(ctx.randomInt) : null;
  const password = opts.password ?? temporaryPassword ?? '';
  const problems = newAccountProblems({ ...opts, password });
  if (problems.length) throw new InvalidInputError(problems);
  const db = ctx.storage.db;
  const actor = opts.actor ?? null;
  const username = normalizeUsername(opts.username);
  const passwordHash = await hashPassword(password, ctx.passwordCost);
  const at = ctx.now().toISOString();
  const row = await db.transaction().execute(async (trx) => {
    const officeId = await officeIdFor(trx, actor, opts.officeSlug);
    if (await findUserByUsername(trx, username)) throw new DomainError('USERNAME_TAKEN');
    const user = { username, password_hash: passwordHash, role: opts.role, office_id: officeId, disabled: 0, must_change_password: temporaryPassword ? 1 : 0, created_at: at, updated_at: at };
    try {
      await insertUser(trx, user);
    } catch (error) {
      if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_USERNAME)) throw new DomainError('USERNAME_TAKEN');
      throw error;
    }
    await recordAudit(trx, auditOf(actor, at, { officeId, action: 'user.create', subject: username, before: null, after: accountSnapshot(user) }));
    return findUserByUsername(trx, username);
  });
  if (!row) throw new Error(`user ${username} vanished after insert`);
  return { ...toStaffAccount(row), temporaryPassword };
}
