import {
  attemptsSince,
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  findUserByUsername,
  insertLoginAttempt,
  insertStaffSession,
  markLoginAttemptSucceeded,
  passLoginGate,
} from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { LONGEST_WINDOW_MS, loginWaitSeconds } from '../../../domain/login-limits.js';
import { MAX_PASSWORD_LENGTH, normalizeUsername, type StaffMember } from '../../../domain/staff-account.js';
import { isRole, sessionLifetimeMs } from '../../../domain/staff-role.js';
import type { AppContext } from '../../shared/context.js';
import { verifyDecoy, verifyPassword } from '../passwords.js';
import { newToken, sessionIdOf } from '../session-token.js';

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
 * Checks a username and password and opens a session. Attempts are counted in the database
 * (limits in domain/login-limits.ts: per account from one address, per account, per address), so
 * the limits hold across all server processes; past a limit the answer is TOO_MANY_ATTEMPTS, even for the right password, until the
 * window moves on. Unknown, disabled and wrong-password logins all answer INVALID_CREDENTIALS
 * after the same work.
 */
export async function logIn(ctx: AppContext, opts: LogInOptions): Promise<LogInResult> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const at = now.toISOString();
  const username = normalizeUsername(opts.username).slice(0, 64);
  const address = opts.address;

  // The attempt is recorded as a failure before its password is checked, in the same step as the
  // check of the limits, behind a gate that one attempt passes at a time on every process: a
  // burst of attempts cannot all pass the check before any of them is counted. Checking before
  // the password also means a locked account gives nothing away.
  const attemptId = await db.transaction().execute(async (trx) => {
    await passLoginGate(trx, at);
    const since = new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString();
    const wait = loginWaitSeconds(await attemptsSince(trx, { username, address }, since), { username, address }, now);
    // Blocked attempts are not recorded: they test no password, and recording them would let an
    // attacker keep an account locked for ever.
    if (wait !== null) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
    return insertLoginAttempt(trx, { username, address, at, success: 0 });
  });

  const user = await findUserByUsername(db, username);
  const password = opts.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  let ok = false;
  if (user) ok = (await verifyPassword(user.password_hash, password)) && user.disabled === 0 && isRole(user.role);
  else await verifyDecoy(password, ctx.passwordCost);
  if (!ok || !user || !isRole(user.role)) throw new DomainError('INVALID_CREDENTIALS');
  await markLoginAttemptSucceeded(db, attemptId);

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
    staff: { id: user.id, username: user.username, role: user.role, officeId: user.office_id, mustChangePassword: user.must_change_password === 1 },
    token,
    csrfToken,
    expiresAt,
  };
}
