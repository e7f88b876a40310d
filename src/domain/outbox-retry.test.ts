import { describe, expect, it } from 'vitest';
import { MAX_TRIES, retryDelayMs, retrySpanMs } from './outbox-retry.js';

describe('outbox retry schedule', () => {
  it('gives a message at least five tries spread over about an hour', () => {
    expect(MAX_TRIES).toBeGreaterThanOrEqual(5);
    expect(retrySpanMs()).toBeGreaterThanOrEqual(50 * 60_000);
    expect(retrySpanMs()).toBeLessThanOrEqual(75 * 60_000);
  });

  it('waits longer after each failure and stops after the last try', () => {
    const delays = Array.from({ length: MAX_TRIES - 1 }, (_, i) => retryDelayMs(i + 1) ?? 0);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] ?? 0);
    expect(retryDelayMs(MAX_TRIES)).toBeNull();
  });
});
