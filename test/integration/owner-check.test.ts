import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '../support/data-key.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff } from '../support/staff.js';
import { createLogger } from '../../src/http/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { startTestRuntime, TUESDAY_MORNING, type TestRuntime, TEST_PASSWORD_COST } from '../support/test-runtime.js';

describe.each(DIALECTS)('the owner check of a booking code on $name', (dialect) => {
  let rt: TestRuntime;
  let n = 7000;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => {
    await rt.close();
  });

  async function bookWednesday(nik: string) {
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik, date: '2026-12-02' }) });
    expect(res.statusCode).toBe(201);
    return res.json().booking as { code: string; nikMasked: string };
  }
  const cancel = (code: string, nik: string) => rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik } });

  it('shows at most the last four digits of the NIK', async () => {
    const nik = freshNik();
    const b = await bookWednesday(nik);
    expect(b.nikMasked).toBe(`${'*'.repeat(12)}${nik.slice(12)}`);
  });

  it('locks after five wrong NIKs, refusing even the right one with OWNER_CHECK_LOCKED', async () => {
    const nik = freshNik();
    const b = await bookWednesday(nik);
    for (let i = 0; i < 5; i++) {
      const wrong = await cancel(b.code, freshNik());
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().error.code).toBe('NOT_FOUND');
    }
    const right = await cancel(b.code, nik);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('OWNER_CHECK_LOCKED');
    const move = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/reschedule`, payload: { nik, date: '2026-12-03', sessionId: 1 } });
    expect(move.statusCode).toBe(423);
    expect(move.json().error.code).toBe('OWNER_CHECK_LOCKED');
    const page = await rt.app.inject({ method: 'POST', url: `/t/${b.code}/cancel`, payload: { nik } });
    expect(page.statusCode).toBe(423);
    expect(page.body).toContain('loket');
    const still = await rt.app.inject({ url: `/api/v1/bookings/${b.code}` });
    expect(still.json().booking.status).toBe('booked');
  });

  it('does not count right NIKs towards the lock', async () => {
    const nik = freshNik();
    const b = await bookWednesday(nik);
    for (let i = 0; i < 4; i++) expect((await cancel(b.code, freshNik())).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) {
      const move = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/reschedule`, payload: { nik, date: '2026-12-02', sessionId: 1 } });
      expect(move.statusCode).toBe(200);
    }
    expect((await cancel(b.code, nik)).statusCode).toBe(200);
  });

  it('still lets the desk check in a locked booking', async () => {
    const nik = freshNik();
    const b = await bookWednesday(nik);
    for (let i = 0; i < 6; i++) await cancel(b.code, freshNik());
    expect((await cancel(b.code, nik)).statusCode).toBe(423);
    rt.setNow(new Date('2026-12-02T07:00:00+07:00'));
    try {
      const desk = await logInStaff(rt, 'desk');
      const res = await rt.app.inject({
        method: 'POST',
        url: '/api/v1/offices/kota-bogor/check-ins',
        payload: { code: b.code, overrideReason: 'kunci NIK, dicek di loket' },
        headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().booking).toMatchObject({ code: b.code, status: 'checked_in' });
    } finally {
      rt.setNow(new Date('2026-12-01T02:00:00Z'));
    }
  });
});

describe.each(DIALECTS)('the owner-check lock across two server processes on $name', (dialect) => {
  let database: { url: string; drop(): Promise<void> };
  let a: Runtime;
  let b: Runtime;

  beforeAll(async () => {
    database = await dialect.freshDatabase({ crossProcess: true });
    const start = () =>
      startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST, databaseUrl: database.url, logger: createLogger('silent'), now: () => TUESDAY_MORNING, announce: () => undefined, http: { powDifficulty: 0 } });
    a = await start();
    b = await start();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  it('counts wrong NIKs sent to either process towards one lock', async () => {
    const nik = nikFor(7900);
    const booked = await a.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik, date: '2026-12-02' }) });
    const code = booked.json().booking.code as string;
    for (const [i, rt] of [a, b, a, b, a].entries()) {
      const wrong = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik: nikFor(7901 + i) } });
      expect(wrong.statusCode).toBe(404);
    }
    const right = await b.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik } });
    expect(right.statusCode).toBe(423);
  });
});
