import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addClosure } from '../../src/app/office/commands/add-closure.js';
import { takeSessionPlace } from '../../src/app/shared/session-quota.js';
import { applyLifecycleStep } from '../../src/app/shared/ticket-lifecycle.js';
import { ACTIVE_STATUSES } from '../../src/domain/ticket-status.js';
import { DIALECTS, POSTGRES } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff } from '../support/staff.js';
import { startTestRuntime } from '../support/test-runtime.js';
import { startTwinRuntimes } from '../support/twin-runtimes.js';

const O = '/api/v1/offices/kota-bogor';
/** Thursday 3 December 2026, closed in the middle of the rush. */
const CLOSED = '2026-12-03';
/** The days people rush for and the closed day's bookings move to. */
const OTHERS = ['2026-12-04', '2026-12-07'];
const RUSH = 240;
const IN_FLIGHT = 40;

/** Runs `count` calls, ten at a time: setting the scene quickly without racing. */
async function inBatches<T>(count: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => call(i + j)))));
  return out;
}

describe.each(DIALECTS)('closing a day during a booking rush on $name', (dialect) => {
  it('never goes over a quota, lets nobody book the closed day once it is closed, and empties it', { timeout: 180_000 }, async () => {
    const twins = await startTwinRuntimes(dialect);
    try {
      const [first] = twins.runtimes;
      const at = (i: number) => twins.runtimes[i % twins.runtimes.length]!;
      const avail = await first!.app.inject({ url: `${O}/availability?from=${CLOSED}&days=1` });
      const sessions = (avail.json().days[0].sessions as { id: number }[]).map((s) => s.id);
      let serial = 0;
      const bookOne = async (i: number, date: string, sessionId: number) => {
        const res = await at(i).app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date, sessionId, nik: nikFor(serial++) }) });
        return { date, status: res.statusCode, code: res.statusCode === 201 ? (res.json().booking.code as string) : undefined, error: res.statusCode === 201 ? undefined : (res.json().error.code as string) };
      };

      // Before: the closed day half full, the next open day nearly full in every session.
      const before = (await inBatches(100, (i) => bookOne(i, CLOSED, sessions[i % 5]!))).map((r) => r.code!);
      const nearlyFull = await inBatches(5 * 36, (i) => bookOne(i, OTHERS[0]!, sessions[i % 5]!));
      expect(nearlyFull.every((r) => r.status === 201)).toBe(true);

      // The rush: people booking the closed day and the days its bookings move to, on both processes.
      const admin = await logInStaff(first!, 'admin');
      let answered = 0;
      // A few dozen requests in flight at once: a rush, within what two pools of ten serve on a busy test machine.
      const results: Awaited<ReturnType<typeof bookOne>>[] = [];
      let next = 0;
      const rush = Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          for (let i = next++; i < RUSH; i = next++) {
            results.push(await bookOne(i, i % 3 === 0 ? CLOSED : OTHERS[i % 2]!, sessions[i % 5]!));
            answered++;
          }
        }),
      );
      await expect.poll(() => answered, { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(20);
      const closing = await first!.app.inject({
        method: 'POST',
        url: `${O}/closures`,
        payload: { date: CLOSED, reason: 'Gangguan server pusat' },
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      });
      await rush;
      expect(closing.statusCode, closing.body).toBe(201);
      const answer = closing.json() as { moved: { code: string; to: { date: string } }[]; cancelled: { code: string }[] };

      // Every refusal is a proper one.
      for (const r of results.filter((x) => x.status !== 201)) expect(['CLOSED', 'SESSION_FULL'], `${r.date}: ${r.error}`).toContain(r.error);
      // The closure came in the middle: both before and after it, the closed day was asked for.
      expect(results.filter((r) => r.date === CLOSED && r.error === 'CLOSED').length).toBeGreaterThan(0);

      const db = first!.storage.db;
      const counts = await db
        .selectFrom('bookings')
        .select(['date', 'session_id'])
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('status', 'in', ACTIVE_STATUSES)
        .groupBy(['date', 'session_id'])
        .execute();
      for (const c of counts) expect(Number(c.n), `${c.date} ${c.session_id}`).toBeLessThanOrEqual(40);
      expect(counts.filter((c) => c.date === CLOSED)).toEqual([]);

      // Whoever got a place on the closed day was there to be moved: each is in the answer once.
      const onClosedDay = [...before, ...results.filter((r) => r.date === CLOSED && r.code).map((r) => r.code!)];
      const handled = [...answer.moved.map((m) => m.code), ...answer.cancelled.map((c) => c.code)];
      expect(new Set(handled).size).toBe(handled.length);
      expect([...handled].sort()).toEqual([...onClosedDay].sort());
      expect(answer.moved.every((m) => m.to.date > CLOSED)).toBe(true);
    } finally {
      await twins.close();
    }
  });
});

// SQLite runs one transaction at a time, so a booking cannot be half made while a closure is
// recorded; PostgreSQL can, and the closure must wait for it.
describe.runIf(POSTGRES)('a closure and a booking half made on postgres', () => {
  it('waits for the booking to commit, then moves it', { timeout: 60_000 }, async () => {
    const rt = await startTestRuntime(POSTGRES!);
    // Let the held booking go however the test ends, or closing the pool would wait for it.
    let release = () => {};
    try {
      const db = rt.storage.db;
      const office = await db.selectFrom('offices').selectAll().where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
      const service = await db.selectFrom('services').select('id').where('office_id', '=', office.id).executeTakeFirstOrThrow();
      const sessions = (await rt.app.inject({ url: `${O}/availability?from=${CLOSED}&days=1` })).json().days[0].sessions as { id: number; letter: string }[];
      const session = sessions[2]!;

      // A booking that has taken its session's lock and seen the day open, but not committed yet.
      const gate = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const booking = db.transaction().execute(async (trx) => {
        const sequence = await takeSessionPlace(trx, { officeId: office.id, sessionId: session.id, date: CLOSED, channel: 'desk', now: rt.ctx.now() });
        locked();
        await gate;
        await applyLifecycleStep(trx, {
          type: 'booked',
          at: new Date().toISOString(),
          actor: null,
          booking: { code: 'ACDEFGHJK', office_id: office.id, service_id: service.id, session_id: session.id, date: CLOSED, queue_number: `${session.letter}00${sequence}`, nik: nikFor(1), name: 'Budi Santoso', phone: '081234567890', channel: 'online', priority: null, checked_in_at: null },
        });
      });
      await isLocked;
      const closing = addClosure(rt.ctx, { officeSlug: 'kota-bogor', date: CLOSED, reason: 'Banjir', admin: { userId: 1, username: 'admin' } });
      // The closure waits on the booking's lock before it records anything.
      await expect
        .poll(async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`.execute(db)).rows[0]!.n), { timeout: 20_000, interval: 20 })
        .toBeGreaterThan(0);
      release();
      await booking;
      const result = await closing;
      expect(result.moved.map((m) => m.code)).toEqual(['ACDEFGHJK']);
      const now = await db.selectFrom('bookings').select(['date', 'status']).where('code', '=', 'ACDEFGHJK').executeTakeFirstOrThrow();
      expect(now).toEqual({ date: '2026-12-04', status: 'booked' });
    } finally {
      release();
      await rt.close();
    }
  });
});
