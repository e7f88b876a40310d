/** A limit on failed logins: at most `maxFailures` within `windowMs`. */
export interface AttemptLimit {
  maxFailures: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Five wrong passwords lock one account for a quarter of an hour: with passwords of ten or more
 * characters that leaves guessing hopeless, while a staff member who mistypes is back soon.
 */
export const PER_ACCOUNT: AttemptLimit = { maxFailures: 5, windowMs: FIFTEEN_MINUTES };
/** Twenty from one address: an office's staff share one public address, so it must stay above a busy morning's typos. */
export const PER_ADDRESS: AttemptLimit = { maxFailures: 20, windowMs: FIFTEEN_MINUTES };

/**
 * Seconds until another attempt is allowed, or null when one is allowed now. `failures` are the
 * instants (ISO-8601) of the failures counted against the limit within its window, in any order:
 * the lock lifts when enough of them fall out of the window.
 */
export function lockedForSeconds(failures: readonly string[], limit: AttemptLimit, now: Date): number | null {
  if (failures.length < limit.maxFailures) return null;
  const newestFirst = [...failures].sort().reverse();
  // The attempt that has to leave the window before the count drops below the limit.
  const blocking = newestFirst[limit.maxFailures - 1];
  if (blocking === undefined) return null;
  const unlockAt = Date.parse(blocking) + limit.windowMs;
  const ms = unlockAt - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}
