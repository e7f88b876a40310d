import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveBookingByNik, insertBooking, UNIQUE_ACTIVE_NIK } from '../../src/db/repositories/bookings.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe('what request logs keep of NIKs and booking codes', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!);
  });
  afterAll(async () => {
    await rt.close();
  });

  const logs = () => rt.logLines.join('\n');

  it('masks a NIK in a query string whatever its percent-encoded separators', async () => {
    const spellings = ['3271%2001%2045%2001%2090%200031', '3271%2D0145%2D0190%2D0032', '3271%2d0145%2E0190%090033', '3271%252D0145%252D0190%252D0034', '327101%5F450190%5F0035'];
    for (const s of spellings) await rt.app.inject({ url: `/api/v1/offices/kota-bogor/bookings?q=${s}` });
    await rt.app.inject({ url: `/staff/desk/kota-bogor?q=${spellings[1]}` });
    const text = decodeURIComponent(decodeURIComponent(logs().replace(/%(?![0-9a-fA-F]{2})/g, '%25')));
    expect(logs()).toContain('/api/v1/offices/kota-bogor/bookings');
    for (const tail of ['0031', '0032', '0033', '0034', '0035']) {
      expect(text.replace(/[^0-9]/g, '')).not.toContain(`3271014501900${tail.slice(1)}`);
      expect(logs()).not.toMatch(new RegExp(`0190\\D{0,9}${tail}`));
    }
  });

  it('keeps booking codes out of logged addresses, however they are spelt', async () => {
    const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(9000) }) });
    const code = booked.json().booking.code as string;
    const lower = code.toLowerCase();
    const urls = [
      `/t/${code}`,
      `/t/${code}/calendar.ics`,
      `/t/${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`,
      `/t?code=${lower}`,
      `/api/v1/bookings/${code}`,
      `/api/v1/%62ookings/${code}`,
      `/api/v1/offices/kota-bogor/bookings/${code}/requeue`,
      `/staff/desk/kota-bogor/receipt/${code}`,
    ];
    for (const url of urls) await rt.app.inject({ url });
    await rt.app.inject({ method: 'POST', url: `/t/${code}/cancel`, payload: { nik: nikFor(9001) } });
    const text = logs().toUpperCase().replace(/[^A-Z0-9]/g, '');
    expect(logs()).toContain('/t/');
    expect(text).not.toContain(code);
  });
});

for (const dialect of DIALECTS) {
  describe(`a NIK in logs and database errors on '${dialect.name}'`, () => {
    let rt: TestRuntime;
    beforeAll(async () => {
      rt = await startTestRuntime(dialect);
    });
    afterAll(async () => {
      await rt.close();
    });

    const nik = nikFor(9100);
    const badNik = '3271014501900000'; // serial 0000: refused by validation
    const forms = (n: string) => [n, `${n.slice(0, 6)} ${n.slice(6, 12)} ${n.slice(12)}`, `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8, 12)}-${n.slice(12)}`];
    const expectNoNik = (text: string, n: string) => {
      for (const form of forms(n)) expect(text).not.toContain(form);
      expect(text.replace(/\D/g, '')).not.toContain(n);
    };

    it('never logs a NIK that is booked, fails validation or races into the unique index', async () => {
      const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik }) });
      expect(booked.statusCode).toBe(201);
      const invalid = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: badNik }) });
      expect(invalid.statusCode).toBe(422);
      // Several at once with one new NIK: the losers meet the one-active-booking index or its check.
      const racing = nikFor(9101);
      const answers = await Promise.all(
        ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09'].map((date) =>
          rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: racing, date }) }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const logs = rt.logLines.join('\n');
      expect(logs).toContain('/api/v1/bookings');
      for (const n of [nik, badNik, racing]) expectNoNik(logs, n);
    });

    it('keeps the NIK out of the unique violation the database reports, its detail and its SQL', async () => {
      const office = await rt.storage.db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
      const existing = await findActiveBookingByNik(rt.storage.db, office.id, nik);
      expect(existing).toBeDefined();
      const { id: _id, nik_hmac: _hmac, key_id: _key, code: _code, ...copy } = await rt.storage.db.selectFrom('bookings').selectAll().where('id', '=', existing!.id).executeTakeFirstOrThrow();
      let caught: unknown;
      try {
        await insertBooking(rt.storage.db, { ...copy, nik, phone: '6281234567890', code: 'XXXXXXXXX', queue_number: 'Z-999' });
      } catch (error) {
        caught = error;
      }
      expect(rt.storage.engine.isUniqueViolation(caught, UNIQUE_ACTIVE_NIK)).toBe(true);
      const reported = JSON.stringify(caught, Object.getOwnPropertyNames(caught)) + String((caught as Error).message);
      expectNoNik(reported, nik);
    });
  });
}
