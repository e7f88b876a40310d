import { describe, expect, it } from 'vitest';
import { mayRequeue, REQUEUE_LIMIT } from './requeue-limit.js';

describe('the requeue limit', () => {
  it('lets a skipped ticket back in line once', () => {
    expect(REQUEUE_LIMIT).toBe(1);
    expect(mayRequeue(0)).toBe(true);
  });

  it('refuses a ticket already put back', () => {
    expect(mayRequeue(1)).toBe(false);
    expect(mayRequeue(2)).toBe(false);
  });
});
