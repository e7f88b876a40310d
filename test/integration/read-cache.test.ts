import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTwinRuntimes, type TwinRuntimes } from '../support/twin-runtimes.js';

const DATE = '2026-12-02';

/** Places left in a session on DATE, as the availability API of that runtime shows them. */
async function remaining(rt: Runtime, sessionId: number): Promise<number | undefined> {
  const res = await rt.app.inject({ method: 'GET', url: `/api/v1/offices/kota-bogor/availability?from=${DATE}&days=1` });
  const days = (res.json() as { days: { sessions: { id: number; remaining: number }[] }[] }).days;
  return days[0]?.sessions.find((s) => s.id === sessionId)?.remaining;
}

async function book(rt: Runtime, i: number, sessionId = 1): Promise<number> {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: DATE, sessionId, nik: nikFor(i) }) });
  return res.statusCode;
}

for (const dialect of DIALECTS) {
  describe(`the read cache of the bookable window on '${dialect.name}'`, () => {
    let twins: TwinRuntimes;
    let admin: StaffLogin;
    beforeAll(async () => {
      twins = await startTwinRuntimes(dialect);
      admin = await logInStaff(twins.runtimes[0]!, 'admin');
    });
    afterAll(async () => twins?.close());

    /** Gives the date one session of its own, 08.00–09.00, with that many places, as the admin. */
    async function oneSessionOn(rt: Runtime, date: string, capacity: number): Promise<void> {
      const res = await rt.app.inject({
        method: 'PUT',
        url: `/api/v1/offices/kota-bogor/days/${date}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: { sessions: [{ start: '08:00', end: '09:00', capacity }] },
      });
      expect(res.statusCode).toBe(200);
    }

    it('shows a booking made by the same process at once', async () => {
      const rt = twins.runtimes[0]!;
      const before = await remaining(rt, 1);
      expect(await remaining(rt, 1)).toBe(before);
      expect(await book(rt, 1)).toBe(201);
      expect(await remaining(rt, 1)).toBe(before! - 1);
    });

    it('shows a schedule change of an admin at once', async () => {
      const rt = twins.runtimes[0]!;
      await remaining(rt, 1);
      await oneSessionOn(rt, DATE, 7);
      const days = (await rt.app.inject({ method: 'GET', url: `/api/v1/offices/kota-bogor/availability?from=${DATE}&days=1` })).json() as {
        days: { sessions: { capacity: number }[] }[];
      };
      expect(days.days[0]!.sessions.map((s) => s.capacity)).toEqual([7]);
    });

    it('refuses a full session from its kept count, and gives the place a cancel freed: at once in the same process, in another once its event arrives', async () => {
      const FULL_DATE = '2026-12-03';
      const [a, b] = [twins.runtimes[0]!, twins.runtimes.at(-1)!];
      await oneSessionOn(a, FULL_DATE, 1);
      const days = (await a.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=${FULL_DATE}&days=1` })).json() as { days: { sessions: { id: number }[] }[] };
      const sessionId = days.days[0]!.sessions[0]!.id;
      const attempt = async (rt: Runtime, i: number) => {
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: FULL_DATE, sessionId, nik: nikFor(i) }) });
        return { status: res.statusCode, code: (res.json() as { booking?: { code: string }; error?: { code: string } }).booking?.code ?? (res.json() as { error?: { code: string } }).error?.code };
      };
      const cancel = async (rt: Runtime, code: string, i: number) => {
        const res = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik: nikFor(i) } });
        expect(res.statusCode).toBe(200);
      };

      const first = await attempt(a, 300);
      expect(first.status).toBe(201);
      expect(await attempt(a, 301)).toEqual({ status: 409, code: 'SESSION_FULL' });
      expect(await attempt(b, 302)).toEqual({ status: 409, code: 'SESSION_FULL' });
      await cancel(a, first.code!, 300);
      const second = await attempt(a, 303);
      expect(second.status).toBe(201);
      expect(await attempt(b, 304)).toEqual({ status: 409, code: 'SESSION_FULL' });
      // Freed by the other process: its event brings the new count over (the clock stands still).
      await cancel(a, second.code!, 303);
      let i = 305;
      await expect.poll(async () => (await attempt(b, i++)).status, { timeout: 10_000, interval: 20 }).toBe(201);
      expect(await attempt(a, 400)).toEqual({ status: 409, code: 'SESSION_FULL' });
    });

    it.runIf(dialect.name === 'postgres')('shows a booking made by another process, the clock standing still', async () => {
      const [a, b] = twins.runtimes as [Runtime, Runtime];
      const days = (await b.app.inject({ method: 'GET', url: `/api/v1/offices/kota-bogor/availability?from=${DATE}&days=1` })).json() as {
        days: { sessions: { id: number; remaining: number }[] }[];
      };
      const session = days.days[0]!.sessions[0]!;
      const before = await remaining(b, session.id);
      expect(await remaining(b, session.id)).toBe(before);
      expect(await book(a, 2, session.id)).toBe(201);
      // Its event (or the kept answer's age on the process's own clock) brings the count over. How
      // soon is pinned on the app clock, not the wall's: test/integration/availability-answer-cache.test.ts.
      await expect.poll(() => remaining(b, session.id), { interval: 20 }).toBe(before! - 1);
    });
  });
}
