import { afterEach, describe, expect, it } from 'vitest';
import { type AvailabilityChange, watchAvailability } from '../../src/app/booking/queries/watch-availability.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const SQLITE = DIALECTS[0]!;

describe('live availability under a rush', () => {
  let rt: TestRuntime | undefined;
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });

  it('passes on the changes of one window together, each session once', async () => {
    rt = await startTestRuntime(SQLITE);
    const seen: AvailabilityChange[] = [];
    const feed = await watchAvailability(rt.ctx, { officeSlug: 'kota-bogor', onChange: (c) => seen.push(c), coalesceMs: 50 });
    feed.start();
    try {
      const { id } = await rt.ctx.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
      // Ten bookings in two sessions, all within the window (nothing but microtasks between them).
      for (let i = 0; i < 10; i++) {
        await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-02', sessionId: 1 + (i % 2) } });
      }
      expect(seen).toEqual([]);
      await expect.poll(() => seen.length).toBe(2);
      expect(seen).toEqual(expect.arrayContaining([{ date: '2026-12-02', sessionId: 1 }, { date: '2026-12-02', sessionId: 2 }]));
      // A later change starts a new window.
      await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-02', sessionId: 1 } });
      await expect.poll(() => seen.length).toBe(3);
    } finally {
      feed.stop();
    }
  });
});
