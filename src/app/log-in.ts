import {
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  failuresSince,
  findUserByUsername,
  insertLoginAttempt,
  insertStaffSession,
  lastSuccessOfUsername,
} from '../db/repositories/staff.js';
import { DomainError } from '../domain/errors.js';
import { lockedForSeconds, PER_ACCOUNT, PER_ADDRESS } from '../domain/login-limits.js';
import { MAX_PASSWORD_LENGTH, normalizeUsername, type StaffMember } from '../domain/staff-account.js';
import { isRole, sessionLifetimeMs } from '../domain/staff-role.js';
import type { AppContext } from './context.js';
import { verifyDecoy, verifyPassword } from './passwords.js';
import { newToken, sessionIdOf } from './session-token.js';

export interface LogInOptions {
  username: string;
  password: string;
  /** The client's address, for the per-address attempt limit. */
  address: string;
}

export interface LogInResult {
  staff: StaffMember;
  /** The session token for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Attempts are kept this long: longer than any limit's window, short enough to stay small. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/**
 * Checks a username and password and opens a session. Failures are counted in the database,
 * per account and per address, so the limits hold across all server processes; past a limit
 * the answer is TOO_MANY_ATTEMPTS, even for the right password, until the window moves on.
 * Unknown, disabled and wrong-password logins all answer INVALID_CREDENTIALS after the same work.
 */
export async function logIn(ctx: AppContext, opts: LogInOptions): Promise<LogInResult> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const at = now.toISOString();
  const username = normalizeUsername(opts.username).slice(0, 64);

  // Checked before the password, so a locked account gives nothing away. Two processes may both
  // pass this check at the same instant; a limit overshot by one or two attempts is harmless.
  const accountWindow = new Date(now.getTime() - PER_ACCOUNT.windowMs).toISOString();
  // A successful login starts the account's count afresh: its owner has proved who they are.
  const since = (await lastSuccessOfUsername(db, username, accountWindow)) ?? accountWindow;
  const accountWait = lockedForSeconds(await failuresSince(db, { username }, since), PER_ACCOUNT, now);
  const addressWindow = new Date(now.getTime() - PER_ADDRESS.windowMs).toISOString();
  const addressWait = lockedForSeconds(await failuresSince(db, { address: opts.address }, addressWindow), PER_ADDRESS, now);
  const wait = Math.max(accountWait ?? 0, addressWait ?? 0);
  // Blocked attempts are not recorded: they test no password, and recording them would let an
  // attacker keep an account locked for ever.
  if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });

  const user = await findUserByUsername(db, username);
  const password = opts.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  let ok = false;
  if (user) ok = (await verifyPassword(user.password_hash, password)) && user.disabled === 0 && isRole(user.role);
  else await verifyDecoy(password);

  await insertLoginAttempt(db, { username, address: opts.address, at, success: ok ? 1 : 0 });
  if (!ok || !user || !isRole(user.role)) throw new DomainError('INVALID_CREDENTIALS');

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs(user.role));
  await insertStaffSession(db, {
    id: sessionIdOf(token),
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: at,
    expires_at: expiresAt.toISOString(),
    last_seen_at: at,
  });
  // Housekeeping rides on logins: they are rare, and no extra scheduler is needed.
  await deleteExpiredSessions(db, at);
  await deleteLoginAttemptsBefore(db, new Date(now.getTime() - KEEP_ATTEMPTS_MS).toISOString());
  return {
    staff: { id: user.id, username: user.username, role: user.role, officeId: user.office_id },
    token,
    csrfToken,
    expiresAt,
  };
}
