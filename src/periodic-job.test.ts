import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJob } from './periodic-job.js';

describe('a periodic job', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function passTimes(opts: Parameters<typeof startPeriodicJob>[2], until: number): Promise<string[]> {
    vi.useFakeTimers({ now: new Date('2026-12-01T00:00:03.200Z') });
    const times: string[] = [];
    const stop = startPeriodicJob(5_000, async () => void times.push(new Date().toISOString().slice(17, 23)), opts);
    await vi.advanceTimersByTimeAsync(until);
    await stop();
    return times;
  }

  it('runs at once, then every period after its own start', async () => {
    expect(await passTimes({}, 16_000)).toEqual(['03.200', '08.200', '13.200', '18.200']);
  });

  it('on the clock, runs at once, then on whole multiples of the period, as every other process does', async () => {
    expect(await passTimes({ onTheClock: true }, 16_000)).toEqual(['03.200', '05.000', '10.000', '15.000']);
  });

  it('runs no pass once stopped, and never two at once', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T00:00:03.200Z') });
    let passes = 0;
    let release: () => void = () => undefined;
    const stop = startPeriodicJob(
      5_000,
      () => {
        passes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      { onTheClock: true },
    );
    // The first pass hangs past three ticks: none of them starts another.
    await vi.advanceTimersByTimeAsync(12_000);
    expect(passes).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes).toBe(2);
    release();
    await stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(passes).toBe(2);
  });
});
