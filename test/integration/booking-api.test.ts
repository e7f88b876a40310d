import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { forgetIdempotencyKeys } from '../../src/app/booking/commands/forget-idempotency-keys.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(DIALECTS)('booking API on $name', (dialect) => {
  let rt: TestRuntime;
  let n = 1000;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => {
    await rt.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    rt.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = {}) => rt.app.inject({ method: 'GET', url, headers });

  async function sessionIds(date = '2026-12-02') {
    const res = await get(`/api/v1/offices/kota-bogor/availability?from=${date}&days=1`);
    return (res.json().days[0].sessions as { id: number }[]).map((s) => s.id);
  }

  it('answers health checks when the database does', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: dialect.name });
  });

  it('lists the default office with its zone', async () => {
    const res = await get('/api/v1/offices');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ offices: [{ slug: 'kota-bogor', name: 'Disdukcapil Kota Bogor', timezone: 'Asia/Jakarta' }] });
  });

  it('lists the Dukcapil services with code and name', async () => {
    const res = await get('/api/v1/offices/kota-bogor/services');
    const services = res.json().services as { code: string; name: string }[];
    expect(services.map((s) => s.code)).toEqual(expect.arrayContaining(['KTP-BARU', 'KK', 'KIA', 'AKTA-LAHIR', 'AKTA-MATI', 'PINDAH', 'DATANG', 'IKD', 'LEGALISIR']));
    expect(services.every((s) => s.name.length > 2)).toBe(true);
  });

  it('shows five sessions of 40 on an open weekday and the booking window', async () => {
    const res = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-01&days=16');
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; open: boolean; reason: string | null; sessions: { start: string; end: string; capacity: number; bookable: boolean }[] }[];
    expect(days).toHaveLength(16);
    const tuesday = days.find((d) => d.date === '2026-12-01')!;
    // Today is outside the window: same-day booking is off, as in the seed.
    expect(tuesday.sessions.every((s) => !s.bookable)).toBe(true);
    const wednesday = days.find((d) => d.date === '2026-12-02')!;
    expect(wednesday.sessions.map((s) => `${s.start}-${s.end}`)).toEqual(['08:00-09:00', '09:00-10:00', '10:00-11:00', '11:00-12:00', '13:00-14:00']);
    expect(wednesday.sessions.every((s) => s.capacity === 40 && s.bookable)).toBe(true);
    const saturday = days.find((d) => d.date === '2026-12-05')!;
    expect(saturday).toMatchObject({ open: false, sessions: [] });
    expect(saturday.reason).toBeTruthy();
    // 14 days ahead is the last bookable date.
    expect(days.find((d) => d.date === '2026-12-15')!.sessions.some((s) => s.bookable)).toBe(true);
    expect(days.find((d) => d.date === '2026-12-16')!.sessions.some((s) => s.bookable)).toBe(false);
    // It opens on the release day, 14 days before itself, at 07.00 on the office's clock.
    expect(days.find((d) => d.date === '2026-12-16')).toMatchObject({ opensAt: '2026-12-02T00:00:00.000Z' });
    expect(days.find((d) => d.date === '2026-12-15')).toMatchObject({ opensAt: null });
  });

  it('shows national holidays and cuti bersama as closed with their names', async () => {
    const res = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-24&days=2');
    const [cuti, natal] = res.json().days;
    expect(cuti).toMatchObject({ date: '2026-12-24', open: false, reason: 'Cuti Bersama Hari Raya Natal', sessions: [] });
    expect(natal).toMatchObject({ date: '2026-12-25', open: false, reason: 'Libur Nasional: Hari Raya Natal' });
  });

  it('marks next year\'s holidays from date-holidays as provisional', async () => {
    const res = await get('/api/v1/offices/kota-bogor/availability?from=2027-01-01&days=1', { 'accept-language': 'en' });
    expect(res.json().days[0]).toMatchObject({ open: false, closedKind: 'provisional_holiday' });
    expect(res.json().days[0].reason).toMatch(/provisional/);
  });

  it('books a session and returns the ticket with a masked NIK', async () => {
    // A session no other test books, so this booking is its first: A001.
    const [first] = await sessionIds('2026-12-11');
    const res = await post('/api/v1/bookings', bookingBody({ date: '2026-12-11', sessionId: first, nik: '3271014501900012', phone: '+62 812-3456-7890' }));
    expect(res.statusCode).toBe(201);
    const b = res.json().booking;
    expect(b).toMatchObject({
      queueNumber: 'A001',
      office: 'kota-bogor',
      date: '2026-12-11',
      session: { id: first, start: '08:00', end: '09:00' },
      service: 'KTP-BARU',
      status: 'booked',
      name: 'Siti Rahmawati',
    });
    expect(b.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{9}$/);
    expect(b.nikMasked).not.toContain('45019000');
    expect(JSON.stringify(b)).not.toContain('3271014501900012');
    expect(JSON.stringify(b)).not.toContain('6281234567890');

    const again = await get(`/api/v1/bookings/${b.code.toLowerCase()}`);
    expect(again.statusCode).toBe(200);
    expect(again.json().booking.code).toBe(b.code);
  });

  it('never writes a full NIK or phone into the logs', async () => {
    const [first] = await sessionIds();
    await post('/api/v1/bookings', bookingBody({ sessionId: first, nik: '3271066612850033', phone: '081299887766' }));
    await get('/api/v1/offices/kota-bogor/availability?nik=3271066612850033');
    const logs = rt.logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('3271066612850033');
    expect(logs).not.toContain('81299887766');
  });

  it('numbers each session A, B, C… from 001 upwards', async () => {
    const ids = await sessionIds('2026-12-03');
    const numbers = [];
    for (const id of [ids[1], ids[1], ids[4]]) {
      const res = await post('/api/v1/bookings', bookingBody({ date: '2026-12-03', sessionId: id, nik: freshNik() }));
      numbers.push(res.json().booking.queueNumber);
    }
    expect(numbers).toEqual(['B001', 'B002', 'E001']);
  });

  it('refuses a second active booking for the same NIK without telling when, which session or which code the first is', async () => {
    const [first, second] = await sessionIds('2026-12-04');
    const nik = freshNik();
    expect((await post('/api/v1/bookings', bookingBody({ date: '2026-12-04', sessionId: first, nik }))).statusCode).toBe(201);
    const res = await post('/api/v1/bookings', bookingBody({ date: '2026-12-04', sessionId: second, nik }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_BOOKED');
    const first409 = res.json().error;
    expect(first409.message).toContain('NIK ini sudah memiliki antrean aktif');
    expect(first409.message).toContain('loket');
    expect(first409.details ?? {}).toEqual({});
    expect(res.body).not.toMatch(/Desember|2026-12-04|08[.:]00/);
  });

  it('refuses closed days, days outside the window, and unknown sessions', async () => {
    const [first] = await sessionIds();
    const closed = await post('/api/v1/bookings', bookingBody({ date: '2026-12-05', sessionId: first, nik: freshNik() }));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CLOSED');
    const today = await post('/api/v1/bookings', bookingBody({ date: '2026-12-01', sessionId: first, nik: freshNik() }));
    expect(today.json().error.code).toBe('NOT_BOOKABLE');
    // The day after the window opens tomorrow at 07.00, and says so.
    const far = await post('/api/v1/bookings', bookingBody({ date: '2026-12-16', sessionId: first, nik: freshNik() }));
    expect(far.json().error).toMatchObject({ code: 'NOT_YET_OPEN', details: { opensAt: '2026-12-02T00:00:00.000Z' } });
    expect(far.json().error.message).toContain('Rabu, 2 Desember, 07.00 WIB');
    const unknown = await post('/api/v1/bookings', bookingBody({ sessionId: 9999, nik: freshNik() }));
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.code).toBe('NOT_BOOKABLE');
  });

  it('fills a session to exactly its quota and then answers SESSION_FULL', async () => {
    const ids = await sessionIds('2026-12-07');
    const id = ids[2]!;
    for (let i = 0; i < 40; i++) {
      const res = await post('/api/v1/bookings', bookingBody({ date: '2026-12-07', sessionId: id, nik: freshNik() }));
      expect(res.statusCode).toBe(201);
    }
    const full = await post('/api/v1/bookings', bookingBody({ date: '2026-12-07', sessionId: id, nik: freshNik() }));
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SESSION_FULL');
    const avail = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-07&days=1');
    const session = avail.json().days[0].sessions.find((s: { id: number }) => s.id === id);
    expect(session).toMatchObject({ remaining: 0, bookable: false });
  });

  it('replays the first answer for a retried request with the same Idempotency-Key', async () => {
    const [first] = await sessionIds('2026-12-08');
    const body = bookingBody({ date: '2026-12-08', sessionId: first, nik: freshNik() });
    const headers = { 'idempotency-key': 'retry-4f1c2a9e-0001' };
    const a = await post('/api/v1/bookings', body, headers);
    const b = await post('/api/v1/bookings', body, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().booking.code).toBe(a.json().booking.code);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const avail = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-08&days=1');
    expect(avail.json().days[0].sessions[0].remaining).toBe(39);
    const other = await post('/api/v1/bookings', { ...body, name: 'Orang Lain' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('books once when two requests with the same key race', async () => {
    const [, second] = await sessionIds('2026-12-08');
    const body = bookingBody({ date: '2026-12-08', sessionId: second, nik: freshNik() });
    const headers = { 'idempotency-key': 'race-7d1e-0002-abcdef' };
    const [a, b] = await Promise.all([post('/api/v1/bookings', body, headers), post('/api/v1/bookings', body, headers)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().booking.code).toBe(b.json().booking.code);
  });

  it('cancels with the right NIK and frees the place', async () => {
    const [first] = await sessionIds('2026-12-09');
    const nik = freshNik();
    const { booking } = (await post('/api/v1/bookings', bookingBody({ date: '2026-12-09', sessionId: first, nik }))).json();
    const wrong = await post(`/api/v1/bookings/${booking.code}/cancel`, { nik: nikFor(9990) });
    const unknown = await post('/api/v1/bookings/ACDEFGHJK/cancel', { nik });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    // The same answer either way: a wrong NIK does not tell whether the code exists.
    expect(wrong.json()).toEqual(unknown.json());

    const res = await post(`/api/v1/bookings/${booking.code}/cancel`, { nik });
    expect(res.statusCode).toBe(200);
    expect(res.json().booking.status).toBe('cancelled');
    const avail = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-09&days=1');
    expect(avail.json().days[0].sessions[0].remaining).toBe(40);
    const twice = await post(`/api/v1/bookings/${booking.code}/cancel`, { nik });
    expect(twice.statusCode).toBe(409);
    // The NIK may book again once its booking is cancelled.
    expect((await post('/api/v1/bookings', bookingBody({ date: '2026-12-09', sessionId: first, nik }))).statusCode).toBe(201);
  });

  it('moves a booking to another session, keeping its code and freeing the old place', async () => {
    const ids = await sessionIds('2026-12-10');
    const nik = freshNik();
    const { booking } = (await post('/api/v1/bookings', bookingBody({ date: '2026-12-10', sessionId: ids[0], nik }))).json();
    const res = await post(`/api/v1/bookings/${booking.code}/reschedule`, { nik, date: '2026-12-11', sessionId: ids[3] });
    expect(res.statusCode).toBe(200);
    expect(res.json().booking).toMatchObject({ code: booking.code, date: '2026-12-11', queueNumber: 'D001', status: 'booked' });
    const avail = await get('/api/v1/offices/kota-bogor/availability?from=2026-12-10&days=2');
    expect(avail.json().days[0].sessions[0].remaining).toBe(40);
    expect(avail.json().days[1].sessions[3].remaining).toBe(39);
  });

  it('keeps the old place when the new session is full', async () => {
    const ids = await sessionIds('2026-12-15');
    for (let i = 0; i < 40; i++) {
      expect((await post('/api/v1/bookings', bookingBody({ date: '2026-12-15', sessionId: ids[2], nik: freshNik() }))).statusCode).toBe(201);
    }
    const nik = freshNik();
    const { booking } = (await post('/api/v1/bookings', bookingBody({ date: '2026-12-10', sessionId: ids[1], nik }))).json();
    const res = await post(`/api/v1/bookings/${booking.code}/reschedule`, { nik, date: '2026-12-15', sessionId: ids[2] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SESSION_FULL');
    const still = await get(`/api/v1/bookings/${booking.code}`);
    expect(still.json().booking).toMatchObject({ date: '2026-12-10', status: 'booked', queueNumber: booking.queueNumber });
  });

  it('lets a NIK whose booked day has passed book again', async () => {
    const [first] = await sessionIds('2026-12-02');
    const nik = freshNik();
    expect((await post('/api/v1/bookings', bookingBody({ date: '2026-12-02', sessionId: first, nik }))).statusCode).toBe(201);
    rt.setNow(new Date('2026-12-03T02:00:00Z'));
    try {
      const res = await post('/api/v1/bookings', bookingBody({ date: '2026-12-04', sessionId: first, nik }));
      expect(res.statusCode).toBe(201);
    } finally {
      rt.setNow(new Date('2026-12-01T02:00:00Z'));
    }
  });

  it('draws a new code when a fresh one collides with an existing booking', async () => {
    const [first] = await sessionIds('2026-12-14');
    // The first nine draws spell the same code twice in a row; later draws differ.
    let calls = 0;
    const ctx = { ...rt.ctx, randomInt: (n: number) => (calls++ % 18 < 9 ? 0 : (calls * 7) % n) };
    const common = { officeSlug: 'kota-bogor', date: '2026-12-14', sessionId: first!, serviceCode: 'KK', name: 'Dewi Lestari', phone: '081234567890', channel: 'online' as const };
    const a = await book(ctx, { ...common, nik: freshNik() });
    calls = 0;
    const b = await book(ctx, { ...common, nik: freshNik() });
    expect(a.booking.code).toBe('AAAAAAAAA');
    expect(b.booking.code).not.toBe(a.booking.code);
    expect(b.booking.queue_number).toBe('A002');
  });

  it('forgets idempotency keys after a day, and a retry after that books nothing new', async () => {
    const [first] = await sessionIds('2026-12-15');
    const body = bookingBody({ date: '2026-12-15', sessionId: first, nik: freshNik() });
    const headers = { 'idempotency-key': 'old-key-0003-abcdef' };
    expect((await post('/api/v1/bookings', body, headers)).statusCode).toBe(201);
    rt.setNow(new Date('2026-12-02T02:00:01Z'));
    try {
      expect(await forgetIdempotencyKeys(rt.ctx)).toBeGreaterThan(0);
      // The key is gone; the one-active-booking rule still stops a duplicate.
      expect((await post('/api/v1/bookings', body, headers)).json().error.code).toBe('ALREADY_BOOKED');
    } finally {
      rt.setNow(new Date('2026-12-01T02:00:00Z'));
    }
  });
});
