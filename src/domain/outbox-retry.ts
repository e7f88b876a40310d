/**
 * When to try a message again after a failed attempt. Six tries over about an hour: a gateway
 * that hiccups gets a quick second try, one that is down for a while gets spaced ones, and a
 * message about a session a few hours away is still useful when it finally goes.
 */
const RETRY_DELAYS_MINUTES: readonly number[] = [1, 3, 8, 18, 30];

/** How many tries a message gets in one round (the first plus one per delay). */
export const MAX_TRIES = RETRY_DELAYS_MINUTES.length + 1;

/**
 * The wait after the `tries`-th failed try (1-based), in milliseconds, or null when that was
 * the last try of the round and the message is given up.
 */
export function retryDelayMs(tries: number): number | null {
  const minutes = RETRY_DELAYS_MINUTES[tries - 1];
  return minutes === undefined ? null : minutes * 60_000;
}

/** Total span from the first try to the last when every try fails, in milliseconds. */
export function retrySpanMs(): number {
  return RETRY_DELAYS_MINUTES.reduce((sum, m) => sum + m, 0) * 60_000;
}
