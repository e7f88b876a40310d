/** A limit on failed logins: at most `maxFailures` within `windowMs`. */
export interface AttemptLimit {
  maxFailures: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Five wrong passwords for one account from one address lock that account for that address for a
 * quarter of an hour: with passwords of ten or more characters that leaves guessing hopeless,
 * while a staff member who mistypes is back soon. Counted per address so that someone who knows
 * a username cannot lock its owner out from elsewhere.
 */
export const PER_ACCOUNT_AND_ADDRESS: AttemptLimit = { maxFailures: 5, windowMs: FIFTEEN_MINUTES };
/**
 * Fifty on one account from any number of addresses lock it for everyone: the cap on a guesser
 * who spreads over many addresses. One address gives at most five of them, so it takes ten
 * addresses to lock an account out.
 */
export const PER_ACCOUNT: AttemptLimit = { maxFailures: 50, windowMs: FIFTEEN_MINUTES };
/** Twenty from one address: an office's staff share one public address, so it must stay above a busy morning's typos. */
export const PER_ADDRESS: AttemptLimit = { maxFailures: 20, windowMs: FIFTEEN_MINUTES };

/** The longest window of the limits: older attempts count against none of them. */
export const LONGEST_WINDOW_MS = Math.max(PER_ACCOUNT_AND_ADDRESS.windowMs, PER_ACCOUNT.windowMs, PER_ADDRESS.windowMs);

/**
 * Seconds until another attempt is allowed, or null when one is allowed now. `failures` are the
 * instants (ISO-8601) of the failures counted against the limit within its window, in any order:
 * the lock lifts when enough of them fall out of the window.
 */
export function lockedForSeconds(failures: readonly string[], limit: AttemptLimit, now: Date): number | null {
  const since = now.getTime() - limit.windowMs;
  const inWindow = failures.filter((at) => Date.parse(at) > since);
  if (inWindow.length < limit.maxFailures) return null;
  const newestFirst = [...inWindow].sort().reverse();
  // The attempt that has to leave the window before the count drops below the limit.
  const blocking = newestFirst[limit.maxFailures - 1];
  if (blocking === undefined) return null;
  const unlockAt = Date.parse(blocking) + limit.windowMs;
  const ms = unlockAt - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** An earlier login attempt; one whose password is still being checked counts as failed. */
export interface PastAttempt {
  /** Attempts are numbered in the order they were recorded. */
  id: number;
  username: string;
  address: string;
  /** ISO-8601. */
  at: string;
  success: boolean;
}

/**
 * Seconds until `username` may try again from `address`, or null when it may now. `past` holds
 * at least every attempt on that username or from that address within LONGEST_WINDOW_MS.
 */
export function loginWaitSeconds(past: readonly PastAttempt[], who: { username: string; address: string }, now: Date): number | null {
  const failures = past.filter((a) => !a.success);
  const onAccount = failures.filter((a) => a.username === who.username);
  // A successful login from an address starts that address's count on the account afresh: the
  // owner has proved who they are there. It leaves the account-wide count alone, which is the
  // guard against a guesser on many addresses.
  const lastSuccess = Math.max(0, ...past.filter((a) => a.success && a.username === who.username && a.address === who.address).map((a) => a.id));
  const fromHere = onAccount.filter((a) => a.address === who.address && a.id > lastSuccess);
  const fromAddress = failures.filter((a) => a.address === who.address);
  const waits = [
    lockedForSeconds(fromHere.map((a) => a.at), PER_ACCOUNT_AND_ADDRESS, now),
    lockedForSeconds(onAccount.map((a) => a.at), PER_ACCOUNT, now),
    lockedForSeconds(fromAddress.map((a) => a.at), PER_ADDRESS, now),
  ];
  const wait = Math.max(0, ...waits.map((w) => w ?? 0));
  return wait > 0 ? wait : null;
}
