import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READ_CACHE_MAX_AGE_MS } from '../../src/app/shared/read-cache.js';
import type { Runtime } from '../../src/runtime.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { TUESDAY_MORNING } from '../support/test-runtime.js';
import { startTwinRuntimes, type TwinRuntimes } from '../support/twin-runtimes.js';

// The availability answer is kept whole per process (cachedWindowAnswer): these check when it is made again.
const DATE = '2026-12-03';
const URL14 = '/api/v1/offices/kota-bogor/availability?days=14';

interface Answer {
  days: { date: string; sessions: { id: number; remaining: number }[] }[];
}

async function answer(rt: Runtime, url = URL14): Promise<Answer> {
  const res = await rt.app.inject({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json() as Answer;
}

/** Places left in a session on DATE, as the 14-day answer of that runtime shows them. */
async function remaining(rt: Runtime, sessionId: number): Promise<number | undefined> {
  return (await answer(rt)).days.find((d) => d.date === DATE)?.sessions.find((s) => s.id === sessionId)?.remaining;
}

async function book(rt: Runtime, i: number, sessionId: number): Promise<string> {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: DATE, sessionId, nik: nikFor(i) }) });
  expect(res.statusCode).toBe(201);
  return (res.json() as { booking: { code: string } }).booking.code;
}

/**
 * Cancels a booking on a connection of its own, as another process would, with no event: only
 * the age bound can bring the change to a process that kept an answer.
 */
async function cancelBehindTheBack(url: string, code: string): Promise<void> {
  if (url.startsWith('file:')) {
    const db = new SQLite(url.slice('file:'.length));
    try {
      db.prepare(`UPDATE bookings SET status = 'cancelled' WHERE code = ?`).run(code);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE bookings SET status = 'cancelled' WHERE code = $1`, [code]);
  } finally {
    await client.end();
  }
}

for (const dialect of DIALECTS) {
  describe(`the kept availability answer on '${dialect.name}'`, () => {
    let twins: TwinRuntimes;
    let sessionId: number;
    beforeAll(async () => {
      twins = await startTwinRuntimes(dialect);
      sessionId = (await answer(twins.runtimes[0]!)).days.find((d) => d.date === DATE)!.sessions[0]!.id;
    });
    afterEach(() => twins.setNow(TUESDAY_MORNING));
    afterAll(async () => twins?.close());

    it('shows a booking of the same process in the very next answer', async () => {
      const rt = twins.runtimes[0]!;
      const before = await remaining(rt, sessionId);
      expect(await remaining(rt, sessionId)).toBe(before);
      await book(rt, 1, sessionId);
      expect(await remaining(rt, sessionId)).toBe(before! - 1);
    });

    it('serves the kept answer compressed as the phone asks, the same JSON as plain, and compressed anew after a booking', async () => {
      const rt = twins.runtimes[0]!;
      const asked = async (encoding: string) => {
        const res = await rt.app.inject({ method: 'GET', url: URL14, headers: { 'accept-encoding': encoding } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.vary).toContain('accept-encoding');
        return res;
      };
      const plain = await asked('identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await asked('gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      const gzip = await asked('x-gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);

      const before = (JSON.parse(plain.body) as Answer).days.find((d) => d.date === DATE)!.sessions.find((s) => s.id === sessionId)!.remaining;
      await book(rt, 20, sessionId);
      const after = JSON.parse(brotliDecompressSync((await asked('br')).rawPayload).toString('utf8')) as Answer;
      expect(after.days.find((d) => d.date === DATE)!.sessions.find((s) => s.id === sessionId)!.remaining).toBe(before - 1);
    });

    it('keeps the booking form\'s day picker the same way: a booking shows in the very next form, in each language', async () => {
      const rt = twins.runtimes[0]!;
      /** The label of the session's button on DATE in the plain booking form. */
      const formLabel = async (lang: 'id' | 'en') => {
        const res = await rt.app.inject({ method: 'GET', url: '/o/kota-bogor', headers: { 'accept-language': lang } });
        expect(res.statusCode).toBe(200);
        const button = new RegExp(`data-slot="${DATE}\\|${sessionId}"[^>]*>(.*?)</button>`).exec(res.body);
        return /class="slot-left">([^<]*)</.exec(button?.[1] ?? '')?.[1];
      };
      const left = await remaining(rt, sessionId);
      expect(await formLabel('id')).toBe(`Sisa ${left} tempat`);
      expect(await formLabel('en')).toBe(`${left} places left`);
      await book(rt, 30, sessionId);
      expect(await formLabel('id')).toBe(`Sisa ${left! - 1} tempat`);
      expect(await formLabel('en')).toBe(`${left! - 1} places left`);
      // Each plain form gets its own double-tap key, though the picker is kept.
      const keys = await Promise.all([0, 1].map(async () => /name="idempotencyKey" value="([^"]+)"/.exec((await rt.app.inject({ url: '/o/kota-bogor' })).body)?.[1]));
      expect(keys[0]).toBeDefined();
      expect(keys[0]).not.toBe(keys[1]);
    });

    it('follows the clock: the next day, the answer starts a day later', async () => {
      const rt = twins.runtimes[0]!;
      expect((await answer(rt)).days[0]!.date).toBe('2026-12-01');
      twins.setNow(new Date(TUESDAY_MORNING.getTime() + 86_400_000));
      expect((await answer(rt)).days[0]!.date).toBe('2026-12-02');
    });

    it('is made again once it is as old as the bound on the app clock, whatever another process did unannounced', async () => {
      const [writer, reader] = [twins.runtimes[0]!, twins.runtimes.at(-1)!];
      const code = await book(writer, 2, sessionId);
      const booked = await remaining(reader, sessionId);
      await cancelBehindTheBack(writer.storage.url, code);
      twins.setNow(new Date(TUESDAY_MORNING.getTime() + READ_CACHE_MAX_AGE_MS));
      if (dialect.name === 'postgres') {
        // Another process's counts are read afresh under a new answer: at once.
        expect(await remaining(reader, sessionId)).toBe(booked! + 1);
      } else {
        // SQLite's own booked counts underneath are kept for the same bound on the monotonic clock.
        await expect.poll(() => remaining(reader, sessionId), { timeout: 10_000, interval: 20 }).toBe(booked! + 1);
      }
    });

    it('keeps answers apart by range and language', async () => {
      const rt = twins.runtimes[0]!;
      const one = await answer(rt, `/api/v1/offices/kota-bogor/availability?from=${DATE}&days=1`);
      expect(one.days.map((d) => d.date)).toEqual([DATE]);
      const en = (await rt.app.inject({ url: `${URL14}&lang=en` })).json() as { days: { label: string | null }[] };
      const id = (await rt.app.inject({ url: `${URL14}&lang=id` })).json() as { days: { label: string | null }[] };
      expect(en.days.map((d) => d.label)).not.toEqual(id.days.map((d) => d.label));
    });

    it.runIf(dialect.name === 'postgres')("shows another process's booking through its event", async () => {
      const [a, b] = twins.runtimes as [Runtime, Runtime];
      const before = await remaining(b, sessionId);
      await book(a, 3, sessionId);
      // The event crosses over LISTEN/NOTIFY; the clock stands still, so only the event or the monotonic bound brings it.
      await expect.poll(() => remaining(b, sessionId), { timeout: 10_000, interval: 20 }).toBe(before! - 1);
    });
  });
}
