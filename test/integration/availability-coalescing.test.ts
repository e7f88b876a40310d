import { afterEach, describe, expect, it } from 'vitest';
import { type AvailabilityBatch, watchAvailability } from '../../src/app/booking/queries/watch-availability.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const SQLITE = DIALECTS[0]!;

describe('live availability under a rush', () => {
  let rt: TestRuntime | undefined;
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });

  async function officeId(runtime: TestRuntime): Promise<number> {
    return (await runtime.ctx.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow()).id;
  }

  it('passes on the changes of one window together, each session once', async () => {
    rt = await startTestRuntime(SQLITE);
    const seen: AvailabilityBatch[] = [];
    const feed = await watchAvailability(rt.ctx, { officeSlug: 'kota-bogor', onChanges: (batch) => seen.push(batch), coalesceMs: 50 });
    feed.start();
    try {
      const id = await officeId(rt);
      // Ten bookings in two sessions, all within the window (nothing but microtasks between them).
      for (let i = 0; i < 10; i++) {
        await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-02', sessionId: 1 + (i % 2) } });
      }
      expect(seen).toEqual([]);
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toHaveLength(2);
      expect(seen[0]).toEqual(expect.arrayContaining([{ date: '2026-12-02', sessionId: 1 }, { date: '2026-12-02', sessionId: 2 }]));
      // A later change starts a new window.
      await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-02', sessionId: 1 } });
      await expect.poll(() => seen.length).toBe(2);
      expect(seen[1]).toEqual([{ date: '2026-12-02', sessionId: 1 }]);
    } finally {
      feed.stop();
    }
  });

  it('hands every watcher of the office the same batch from one subscription, and lets go of it with the last watcher', async () => {
    rt = await startTestRuntime(SQLITE);
    const id = await officeId(rt);
    // Count the subscriptions the feeds hold on the bus.
    let subscriptions = 0;
    const subscribe = rt.ctx.events.subscribe.bind(rt.ctx.events);
    rt.ctx.events.subscribe = (office, listener) => {
      subscriptions++;
      const unsubscribe = subscribe(office, listener);
      return () => {
        subscriptions--;
        unsubscribe();
      };
    };
    const batches: AvailabilityBatch[][] = [[], [], []];
    const feeds = await Promise.all(batches.map((seen) => watchAvailability(rt!.ctx, { officeSlug: 'kota-bogor', onChanges: (batch) => seen.push(batch), coalesceMs: 50 })));
    for (const feed of feeds) feed.start();
    expect(subscriptions).toBe(1);

    await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-03', sessionId: 2 } });
    await expect.poll(() => batches.map((seen) => seen.length)).toEqual([1, 1, 1]);
    // The very same array: a stream's text is made from it once for all of them.
    expect(batches[1]![0]).toBe(batches[0]![0]);
    expect(batches[2]![0]).toBe(batches[0]![0]);

    // A watcher that stopped hears no more; the others still do.
    feeds[0]!.stop();
    await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-03', sessionId: 3 } });
    await expect.poll(() => batches.map((seen) => seen.length)).toEqual([1, 2, 2]);
    expect(subscriptions).toBe(1);

    feeds[1]!.stop();
    feeds[2]!.stop();
    expect(subscriptions).toBe(0);
    // A new watcher after the last one left starts a new subscription.
    const again = await watchAvailability(rt.ctx, { officeSlug: 'kota-bogor', onChanges: () => undefined, coalesceMs: 50 });
    again.start();
    expect(subscriptions).toBe(1);
    again.stop();
    expect(subscriptions).toBe(0);
  });

  it('hands a batch to many watchers a slice at a time, letting the event loop take other work between slices', async () => {
    rt = await startTestRuntime(SQLITE);
    const id = await officeId(rt);
    let received = 0;
    let receivedWhenTheLoopTurned: number | undefined;
    const feeds = await Promise.all(
      Array.from({ length: 450 }, (_, i) =>
        watchAvailability(rt!.ctx, {
          officeSlug: 'kota-bogor',
          coalesceMs: 50,
          onChanges: () => {
            received++;
            // Work that arrived while the first stream was written to: it must not wait for the last.
            if (i === 0) setImmediate(() => (receivedWhenTheLoopTurned = received));
          },
        }),
      ),
    );
    for (const feed of feeds) feed.start();
    try {
      await rt.bus.publish({ officeId: id, type: 'availability', payload: { date: '2026-12-04', sessionId: 1 } });
      await expect.poll(() => received).toBe(450);
      expect(receivedWhenTheLoopTurned).toBeGreaterThan(0);
      expect(receivedWhenTheLoopTurned).toBeLessThan(450);
    } finally {
      for (const feed of feeds) feed.stop();
    }
  });
});
