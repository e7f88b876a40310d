import { countUsers, insertUser, UNIQUE_USERNAME } from '../../../db/repositories/staff.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { newAccountProblems } from '../../../domain/staff-account.js';
import type { AppContext } from '../../shared/context.js';
import { generatePassword, hashPassword } from '../passwords.js';

export interface EnsureFirstAdminOptions {
  /** The password to give the first admin; one is generated when absent. */
  password?: string | undefined;
}

/** What happened: nothing (the database has users), or an admin with a given or generated password. */
export type EnsureFirstAdminResult =
  | { created: false }
  | { created: true; username: string; generatedPassword: string | null };

/** The username of the first admin. */
export const FIRST_ADMIN = 'admin';

/**
 * On a database without users, creates `admin` so someone can log in and add the others.
 * Several processes may start at once: the unique username lets exactly one of them create it,
 * and only that one reports a generated password.
 */
export async function ensureFirstAdmin(ctx: AppContext, opts: EnsureFirstAdminOptions = {}): Promise<EnsureFirstAdminResult> {
  const db = ctx.storage.db;
  if ((await countUsers(db)) > 0) return { created: false };
  const generated = opts.password === undefined ? generatePassword(ctx.randomInt) : null;
  const password = opts.password ?? generated ?? '';
  const problems = newAccountProblems({ username: FIRST_ADMIN, password, role: 'admin' });
  if (problems.length) throw new InvalidInputError(problems);
  const at = ctx.now().toISOString();
  try {
    await insertUser(db, {
      username: FIRST_ADMIN,
      password_hash: await hashPassword(password, ctx.passwordCost),
      role: 'admin',
      office_id: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
    });
  } catch (error) {
    if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_USERNAME)) return { created: false };
    throw error;
  }
  return { created: true, username: FIRST_ADMIN, generatedPassword: generated };
}
