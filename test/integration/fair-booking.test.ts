import { afterEach, describe, expect, it } from 'vitest';
import { closeDaysEverywhere } from '../../src/app/floor/commands/close-day.js';
import { DEFAULT_HTTP_OPTIONS } from '../../src/http/build-app.js';
import { proofBits, solveProof } from '../../src/domain/proof-of-work.js';
import { sealRows } from '../../src/db/data-key.js';
import { dataCipher } from '../../src/privacy/data-cipher.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** A wall-clock time in Kota Bogor (UTC+7). */
const wib = (date: string, hhmm = '09:00') => new Date(`${date}T${hhmm}:00+07:00`);
/** A distinct mobile number per citizen. */
const phoneFor = (i: number) => `0813${String(100000 + i).padStart(8, '0')}`;

interface Challenge {
  token: string;
  difficulty: number;
  issuedAt: string;
  expiresAt: string;
  waitSeconds: number;
}

describe.each(DIALECTS)('fair booking on $name', (dialect) => {
  let rt: TestRuntime;
  let n = 20_000;
  const freshNik = () => nikFor(n++);

  afterEach(async () => {
    await rt.close();
  });

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => rt.app.inject({ method: 'POST', url, payload, headers });
  const staffCall = (who: StaffLogin, method: 'POST' | 'PATCH', url: string, payload: object) =>
    rt.app.inject({ method, url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  async function sessionsOf(date: string): Promise<{ id: number; remaining: number }[]> {
    const res = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=${date}&days=1` });
    return res.json().days[0].sessions as { id: number; remaining: number }[];
  }

  async function bookOnline(date: string, nik: string, phone: string) {
    const [session] = await sessionsOf(date);
    return post('/api/v1/bookings', bookingBody({ date, sessionId: session!.id, nik, phone }));
  }

  describe('monthly limits by person', () => {
    it('refuses a fifth online booking with one phone number in a month, not the desk, and lifts with the month', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const phone = '0812-7777-0001';
      for (let i = 0; i < 4; i++) expect((await bookOnline('2026-12-02', freshNik(), phone)).statusCode).toBe(201);

      const fifth = await bookOnline('2026-12-02', freshNik(), '+62 812 7777 0001');
      expect(fifth.statusCode).toBe(429);
      expect(fifth.json().error).toMatchObject({ code: 'PHONE_MONTHLY_LIMIT', details: { limit: 4 } });
      expect(fifth.json().error.message).toContain('4');

      // The desk books whoever stands before it, phone or not.
      const desk = await logInStaff(rt, 'desk');
      const [session] = await sessionsOf('2026-12-02');
      const assisted = await staffCall(desk, 'POST', '/api/v1/offices/kota-bogor/bookings', {
        date: '2026-12-02',
        sessionId: session!.id,
        service: 'KTP-BARU',
        nik: freshNik(),
        name: 'Budi Santoso',
        phone,
      });
      expect(assisted.statusCode).toBe(201);

      // A new month on the office's clock counts afresh.
      rt.setNow(wib('2027-01-04'));
      expect((await bookOnline('2027-01-06', freshNik(), phone)).statusCode).toBe(201);
    });

    it('holds one phone number to its limit when its requests come all at once, in different sessions', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const sessions = await sessionsOf('2026-12-02');
      // A broker's script: ten people's NIKs, one WhatsApp number, every request sent at the same instant.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post('/api/v1/bookings', bookingBody({ date: '2026-12-02', sessionId: sessions[i % sessions.length]!.id, nik: freshNik(), phone: '0812-7777-0002' }))),
      );
      const codes = answers.map((a) => (a.statusCode === 429 ? a.json().error.code : a.statusCode));
      expect(codes.filter((c) => c === 201)).toHaveLength(4);
      expect(codes.filter((c) => c === 'PHONE_MONTHLY_LIMIT')).toHaveLength(6);
    });

    it('refuses a NIK its fifth online booking in a month, counting visits missed or made, and says so in Indonesian', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const nik = freshNik();
      // Each booking's day passes unvisited; the next booking closes it as a no-show and books again.
      const plan: [string, string][] = [
        ['2026-12-01', '2026-12-02'],
        ['2026-12-03', '2026-12-04'],
        ['2026-12-05', '2026-12-07'],
        ['2026-12-08', '2026-12-09'],
      ];
      for (const [i, [today, day]] of plan.entries()) {
        rt.setNow(wib(today));
        expect((await bookOnline(day, nik, phoneFor(100 + i))).statusCode).toBe(201);
      }
      rt.setNow(wib('2026-12-10'));
      const fifth = await rt.app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        payload: bookingBody({ date: '2026-12-11', sessionId: (await sessionsOf('2026-12-11'))[0]!.id, nik, phone: phoneFor(200) }),
        headers: { 'accept-language': 'id' },
      });
      expect(fifth.statusCode).toBe(429);
      expect(fifth.json().error.code).toBe('NIK_MONTHLY_LIMIT');
      expect(fifth.json().error.message).toContain('NIK ini');
    });

    it('does not count a cancelled booking, and follows the limits the admin sets (0: none), audited', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const admin = await logInStaff(rt, 'admin');
      const patched = await staffCall(admin, 'PATCH', '/api/v1/offices/kota-bogor', { bookingLimits: { perPhonePerMonth: 1, perNikPerMonth: 0 } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().office.bookingLimits).toEqual({ perPhonePerMonth: 1, perNikPerMonth: 0 });

      const phone = '0812-7777-0002';
      const nik = freshNik();
      const first = await bookOnline('2026-12-02', nik, phone);
      expect(first.statusCode).toBe(201);
      expect((await post(`/api/v1/bookings/${first.json().booking.code}/cancel`, { nik })).statusCode).toBe(200);
      expect((await bookOnline('2026-12-02', nik, phone)).statusCode).toBe(201);
      expect((await bookOnline('2026-12-02', freshNik(), phone)).json().error.code).toBe('PHONE_MONTHLY_LIMIT');

      const bad = await staffCall(admin, 'PATCH', '/api/v1/offices/kota-bogor', { bookingLimits: { perPhonePerMonth: -1 } });
      expect(bad.statusCode).toBe(422);
      const audit = await rt.app.inject({ url: '/api/v1/audit?office=kota-bogor', headers: { cookie: admin.cookie } });
      const change = (audit.json().entries as { action: string; before: unknown; after: unknown }[]).find((e) => e.action === 'office.update');
      expect(JSON.stringify(change)).toContain('perPhonePerMonth');
    });
  });

  it('hashes the phone of bookings made before the phone hash existed at the next start, so they count', async () => {
    rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
    const phone = '0812-7777-0006';
    for (let i = 0; i < 4; i++) expect((await bookOnline('2026-12-02', freshNik(), phone)).statusCode).toBe(201);
    // As a database from before migration 0023 has them: no phone hash.
    await rt.ctx.storage.db.updateTable('bookings').set({ phone_hmac: null }).execute();
    expect((await bookOnline('2026-12-02', freshNik(), phone)).statusCode).toBe(201);
    await rt.ctx.storage.db.updateTable('bookings').set({ phone_hmac: null }).execute();
    // The start's sealing pass fills them in.
    await sealRows(rt.ctx.storage.db, dataCipher());
    const hashed = await rt.ctx.storage.db.selectFrom('bookings').select('phone_hmac').where('phone', '!=', '').execute();
    expect(hashed.every((r) => r.phone_hmac === dataCipher().lookupHash('6281277770006'))).toBe(true);
    expect((await bookOnline('2026-12-02', freshNik(), phone)).json().error.code).toBe('PHONE_MONTHLY_LIMIT');
  });

  describe('the no-show policy', () => {
    it('blocks online booking after N no-shows within M days for K days, lets the desk book, and lifts after', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const admin = await logInStaff(rt, 'admin');
      const policy = { enabled: true, noShows: 2, withinDays: 30, blockDays: 10 };
      const set = await staffCall(admin, 'PATCH', '/api/v1/offices/kota-bogor', { noShowPolicy: policy, bookingLimits: { perPhonePerMonth: 0, perNikPerMonth: 0 } });
      expect(set.json().office.noShowPolicy).toEqual(policy);

      const nik = freshNik();
      const phone = '0812-7777-0003';
      expect((await bookOnline('2026-12-02', nik, phone)).statusCode).toBe(201);
      // The day closer marks the missed visit on the day after.
      rt.setNow(wib('2026-12-03', '07:00'));
      await closeDaysEverywhere(rt.ctx);
      expect((await bookOnline('2026-12-04', nik, phone)).statusCode).toBe(201);
      rt.setNow(wib('2026-12-05', '07:00'));
      await closeDaysEverywhere(rt.ctx);

      rt.setNow(wib('2026-12-07'));
      const blocked = await bookOnline('2026-12-08', nik, phone);
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error).toMatchObject({ code: 'NO_SHOW_BLOCKED', details: { until: '2026-12-14' } });
      expect(blocked.json().error.message).toMatch(/14/);

      const desk = await logInStaff(rt, 'desk');
      const [session] = await sessionsOf('2026-12-08');
      const assisted = await staffCall(desk, 'POST', '/api/v1/offices/kota-bogor/bookings', { date: '2026-12-08', sessionId: session!.id, service: 'KTP-BARU', nik, name: 'Siti Rahmawati', phone });
      expect(assisted.statusCode).toBe(201);
      expect((await post(`/api/v1/bookings/${assisted.json().booking.code}/cancel`, { nik })).statusCode).toBe(200);

      rt.setNow(wib('2026-12-14'));
      expect((await bookOnline('2026-12-15', nik, phone)).json().error?.code).toBe('NO_SHOW_BLOCKED');
      rt.setNow(wib('2026-12-15'));
      expect((await bookOnline('2026-12-16', nik, phone)).statusCode).toBe(201);
    });
  });

  describe('the proof of work', () => {
    async function challenge(): Promise<Challenge> {
      const res = await rt.app.inject({ url: '/api/v1/challenge' });
      expect(res.statusCode).toBe(200);
      return res.json().challenge as Challenge;
    }
    async function bookWith(proof: object | undefined, headers: Record<string, string> = {}) {
      const [session] = await sessionsOf('2026-12-02');
      return post('/api/v1/bookings', { ...bookingBody({ sessionId: session!.id, nik: freshNik(), phone: phoneFor(n) }), ...(proof ? { proof } : {}) }, headers);
    }

    it('accepts a solved proof once, refuses none, a reuse, a wrong nonce, a forged token and an expired one', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01'), http: { powDifficulty: 8, powWaitSeconds: 5 } });
      const c = await challenge();
      expect(c).toMatchObject({ difficulty: 8, waitSeconds: 5, issuedAt: wib('2026-12-01').toISOString() });
      expect(Date.parse(c.expiresAt)).toBeGreaterThan(Date.parse(c.issuedAt));

      const none = await bookWith(undefined);
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('PROOF_REQUIRED');

      const nonce = solveProof(c.token, c.difficulty);
      const ok = await bookWith({ token: c.token, nonce });
      expect(ok.statusCode).toBe(201);
      const reused = await bookWith({ token: c.token, nonce });
      expect(reused.statusCode).toBe(403);
      expect(reused.json().error.code).toBe('PROOF_REUSED');

      const c2 = await challenge();
      let wrong = 0;
      while (proofBits(c2.token, `x${wrong}`) >= c2.difficulty) wrong++;
      expect((await bookWith({ token: c2.token, nonce: `x${wrong}` })).json().error.code).toBe('PROOF_INVALID');
      // A token with an easier difficulty written in: the signature no longer matches.
      const forged = c2.token.replace(/^p1\.(\d+)\.8\./, 'p1.$1.1.');
      expect((await bookWith({ token: forged, nonce: solveProof(forged, 1) })).json().error.code).toBe('PROOF_INVALID');
      // The wrong nonce did not spend it.
      expect((await bookWith({ token: c2.token, nonce: solveProof(c2.token, 8) })).statusCode).toBe(201);

      const c3 = await challenge();
      rt.setNow(new Date(Date.parse(c3.issuedAt) + 31 * 60_000));
      const expired = await bookWith({ token: c3.token, nonce: solveProof(c3.token, 8) });
      expect(expired.statusCode).toBe(403);
      expect(expired.json().error.code).toBe('PROOF_EXPIRED');
    });

    it('takes a token without a nonce only after the wait, and lets a retry with the same idempotency key replay', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01'), http: { powDifficulty: 8, powWaitSeconds: 5 } });
      const c = await challenge();
      const early = await bookWith({ token: c.token });
      expect(early.statusCode).toBe(403);
      expect(early.json().error.code).toBe('PROOF_TOO_EARLY');
      rt.setNow(new Date(Date.parse(c.issuedAt) + 5_000));
      const [session] = await sessionsOf('2026-12-02');
      const body = { ...bookingBody({ sessionId: session!.id, nik: freshNik(), phone: phoneFor(n) }), proof: { token: c.token } };
      const key = { 'idempotency-key': 'retry-key-0001' };
      const first = await post('/api/v1/bookings', body, key);
      expect(first.statusCode).toBe(201);
      const retry = await post('/api/v1/bookings', body, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json().booking.code).toBe(first.json().booking.code);
    });

    it('lets the form without a script book once its seconds have passed', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01'), http: { powDifficulty: 8, powWaitSeconds: 5 } });
      const page = await rt.app.inject({ url: '/o/kota-bogor' });
      const token = /name="proofToken" value="([^"]+)" data-difficulty="8"/.exec(page.body)?.[1];
      expect(token).toBeDefined();
      const [session] = await sessionsOf('2026-12-02');
      const form = {
        idempotencyKey: 'form-key-00001',
        nik: freshNik(),
        name: 'Siti Rahmawati',
        phone: '0812-7777-0004',
        email: '',
        service: 'KTP-BARU',
        slot: `2026-12-02|${session!.id}`,
        proofToken: token!,
        proofNonce: '',
      };
      // The review carries the token to "Ambil nomor".
      const review = await rt.app.inject({ method: 'POST', url: '/o/kota-bogor', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(review.statusCode).toBe(200);
      expect(review.body).toContain(`name="proofToken" value="${token}"`);
      const confirm = () =>
        rt.app.inject({ method: 'POST', url: '/o/kota-bogor', payload: new URLSearchParams({ ...form, step: 'confirm' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'id' } });
      const early = await confirm();
      expect(early.statusCode).toBe(422);
      expect(early.body).toContain('Terlalu cepat dikirim');
      rt.setNow(wib('2026-12-01', '09:01'));
      const booked = await confirm();
      expect(booked.statusCode).toBe(303);
      expect(booked.headers.location).toMatch(/^\/t\//);
    });
  });

  it('books 300 citizens behind one address at a release instant with the default address limits', async () => {
    rt = await startTestRuntime(dialect, {
      personLimits: true,
      now: wib('2026-12-01', '07:00'),
      http: { bookingRateLimitPerMinute: DEFAULT_HTTP_OPTIONS.bookingRateLimitPerMinute, apiRateLimitPerMinute: DEFAULT_HTTP_OPTIONS.apiRateLimitPerMinute, powDifficulty: 8 },
    });
    const slots: { date: string; sessionId: number }[] = [];
    for (const date of ['2026-12-02', '2026-12-03', '2026-12-04']) {
      for (const s of await sessionsOf(date)) for (let i = 0; i < s.remaining; i++) slots.push({ date, sessionId: s.id });
    }
    expect(slots.length).toBeGreaterThanOrEqual(300);
    const carrierNat = '203.0.113.7';
    const statuses: number[] = [];
    for (let batch = 0; batch < 300; batch += 25) {
      const answers = await Promise.all(
        Array.from({ length: 25 }, async (_, j) => {
          const i = batch + j;
          const c = (await rt.app.inject({ url: '/api/v1/challenge', remoteAddress: carrierNat })).json().challenge as Challenge;
          const slot = slots[i]!;
          const res = await rt.app.inject({
            method: 'POST',
            url: '/api/v1/bookings',
            remoteAddress: carrierNat,
            payload: { ...bookingBody({ date: slot.date, sessionId: slot.sessionId, nik: nikFor(40_000 + i), phone: phoneFor(40_000 + i) }), proof: { token: c.token, nonce: solveProof(c.token, c.difficulty) } },
          });
          return res.statusCode;
        }),
      );
      statuses.push(...answers);
    }
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
  }, 120_000);

  describe('a booking names its person', () => {
    it('shows the name on the ticket and in full at check-in, and no route changes a booking’s NIK', async () => {
      rt = await startTestRuntime(dialect, { personLimits: true, now: wib('2026-12-01') });
      const nik = freshNik();
      const made = await bookOnline('2026-12-02', nik, '0812-7777-0005');
      const code = made.json().booking.code as string;
      const ticket = await rt.app.inject({ url: `/t/${code}` });
      expect(ticket.body).toMatch(/S\.\s*R\./);

      rt.setNow(wib('2026-12-02', '07:45'));
      const desk = await logInStaff(rt, 'desk');
      const checkedIn = await staffCall(desk, 'POST', '/api/v1/offices/kota-bogor/check-ins', { code });
      expect(checkedIn.statusCode).toBe(200);
      expect(checkedIn.json().booking.name).toBe('Siti Rahmawati');

      // Every route that takes a NIK only checks it (owner checks) or makes a new booking; none rewrites one.
      const doc = (await rt.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
      const writesToABooking = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([method]) => ['patch', 'put'].includes(method) && /bookings/.test(path))
          .map(([method]) => `${method} ${path}`),
      );
      expect(writesToABooking).toEqual([]);
      const other = freshNik();
      const moved = await staffCall(desk, 'POST', `/api/v1/offices/kota-bogor/bookings/${code}/service`, { service: 'KK', nik: other });
      expect([200, 409, 422]).toContain(moved.statusCode);
      const owner = await post(`/api/v1/bookings/${code}/data`, { nik });
      expect(owner.statusCode).toBe(200);
      expect(JSON.stringify(owner.json())).toContain(nik);
      expect((await post(`/api/v1/bookings/${code}/data`, { nik: other })).statusCode).toBe(404);
    });
  });
});
