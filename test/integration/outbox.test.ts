import { Writable } from 'node:stream';
import { findMessageFacts } from '../../src/db/repositories/outbox.js';
import { listActiveBookingsOfNik, nikLookupHash } from '../../src/db/repositories/bookings.js';
import { dataCipher } from '../../src/privacy/data-cipher.js';
import { TEST_DATA_KEY } from '../support/data-key.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageTransport } from '../../src/app/notify/channels.js';
import { claimDueMessages, deliverClaimedMessage, sendDueMessages } from '../../src/app/notify/commands/send-due-messages.js';
import { enqueueMessage } from '../../src/app/notify/enqueue-message.js';
import { MAX_TRIES } from '../../src/domain/outbox-retry.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/http/logger.js';
import { createOutboxWorker, type OutboxWorker } from '../../src/notify/outbox-worker.js';
import { buildTransports, type NotifySettings } from '../../src/notify/transports.js';
import { whatsappGateway } from '../../src/notify/whatsapp-gateway.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { DIALECTS, POSTGRES, type TestDialect } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { type FakeGateway, type FakeSmtp, mailText, startFakeGateway, startFakeSmtp } from '../support/message-peers.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING, withoutPersonLimits, TEST_PASSWORD_COST } from '../support/test-runtime.js';

const MINUTE = 60_000;
const TOKEN = 'gateway-token-123';

/** Runtimes opened one after another on one database, as a server restarted would be, sharing the test's clock. */
interface Deployment {
  url: string;
  setNow(now: Date): void;
  now(): Date;
  /** A server process on the database; close it to "kill" it. */
  start(notify?: NotifySettings): Promise<Runtime>;
  close(): Promise<void>;
}

async function deploy(dialect: TestDialect, notify: () => NotifySettings): Promise<Deployment> {
  const database = await dialect.freshDatabase({ crossProcess: true });
  let now = TUESDAY_MORNING;
  const open: Runtime[] = [];
  const sink = new Writable({ write: (_c, _e, done) => done() });
  return {
    url: database.url,
    setNow: (next) => {
      now = next;
    },
    now: () => now,
    async start(settings) {
      const rt = await startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST,
        databaseUrl: database.url,
        logger: createLogger('warn', sink),
        now: () => now,
        adminPassword: 'admin-password-1',
        databaseTimeouts: { connectMs: 30_000 },
        announce: () => undefined,
        notify: settings ?? notify(),
        http: { bookingRateLimitPerMinute: 100_000, apiRateLimitPerMinute: 100_000, lookupRateLimitPerMinute: 100_000, powDifficulty: 0 },
      });
      await withoutPersonLimits(rt);
      open.push(rt);
      const close = rt.close.bind(rt);
      rt.close = async () => {
        open.splice(open.indexOf(rt), 1);
        await close();
      };
      return rt;
    },
    async close() {
      for (const rt of [...open]) await rt.close();
      await database.drop();
    },
  };
}

/** Runs passes until nothing is due any more. */
async function drain(worker: Pick<OutboxWorker, 'runOnce'>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const pass = await worker.runOnce();
    if (pass.claimed === 0 && pass.settledUnknown === 0) return;
  }
  throw new Error('the outbox never drained');
}

let nikSerial = 5000;

async function bookOnce(rt: Pick<Runtime, 'app' | 'storage'>, extra: { email?: string; sessionId?: number } = {}): Promise<{ code: string; id: number; nik: string }> {
  const nik = nikFor(nikSerial++);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    payload: { ...bookingBody({ nik }), ...(extra.sessionId ? { sessionId: extra.sessionId } : {}), ...(extra.email ? { email: extra.email } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
  const code = res.json().booking.code as string;
  const row = await rt.storage.db.selectFrom('bookings').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return { code, id: row.id, nik };
}

function messagesOf(rt: Pick<Runtime, 'storage'>, bookingId: number) {
  return rt.storage.db.selectFrom('outbox_messages').selectAll().where('booking_id', '=', bookingId).orderBy('id').execute();
}

function attemptsOf(rt: Pick<Runtime, 'storage'>, messageId: number) {
  return rt.storage.db.selectFrom('outbox_attempts').selectAll().where('message_id', '=', messageId).orderBy('number').execute();
}

describe.each(DIALECTS)('outbox on $name', (dialect) => {
  let gateway: FakeGateway;
  let smtp: FakeSmtp;
  let dep: Deployment;
  const settings = (over: Partial<NonNullable<NotifySettings['whatsapp']>> = {}): NotifySettings => ({
    whatsapp: { url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000, ...over },
    email: { url: smtp.url, from: 'Disdukcapil Kota Bogor <antrean@example.go.id>', timeoutMs: 5_000 },
  });

  beforeEach(async () => {
    gateway = await startFakeGateway();
    smtp = await startFakeSmtp();
    dep = await deploy(dialect, () => settings());
  });
  afterEach(async () => {
    await dep.close();
    await gateway.close();
    await smtp.close();
  });

  const at = (minutes: number) => dep.setNow(new Date(TUESDAY_MORNING.getTime() + minutes * MINUTE));

  it('sends one WhatsApp message with the code and the hour in WIB, whatever the process zone', async () => {
    const savedTz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const rt = await dep.start();
      const { code, id } = await bookOnce(rt);
      await drain(rt.outbox);
      expect(gateway.requests).toHaveLength(1);
      const request = gateway.requests[0]!;
      expect(request.authorization).toBe(TOKEN);
      expect(request.contentType).toMatch(/^application\/json/);
      expect(request.fields.target).toBe('6281234567890');
      expect(request.fields.message).toContain(code);
      expect(request.fields.message).toContain('Rabu, 2 Desember 2026, 08.00–09.00 WIB');
      const [message, ...others] = await messagesOf(rt, id);
      expect(others).toEqual([]);
      expect(message).toMatchObject({ channel: 'whatsapp', kind: 'booked', status: 'sent', tries: 1 });
      expect(await attemptsOf(rt, message!.id)).toMatchObject([{ number: 1, outcome: 'sent', transport: 'whatsapp-gateway' }]);
    } finally {
      process.env.TZ = savedTz;
    }
  });

  it('tells the hour in WITA for an office in Makassar', async () => {
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const rt = await dep.start();
      await rt.storage.db.updateTable('offices').set({ timezone: 'Asia/Makassar' }).where('slug', '=', 'kota-bogor').execute();
      const { code } = await bookOnce(rt);
      await drain(rt.outbox);
      expect(gateway.requests).toHaveLength(1);
      expect(gateway.requests[0]!.fields.message).toContain(code);
      expect(gateway.requests[0]!.fields.message).toContain('Rabu, 2 Desember 2026, 08.00–09.00 WITA');
    } finally {
      process.env.TZ = savedTz;
    }
  });

  it('gets exactly one message through a gateway that answers 500 twice, after three recorded attempts', async () => {
    const rt = await dep.start();
    gateway.answers.push({ status: 500, body: 'upstream down' }, { status: 500, body: 'upstream down' });
    const { id } = await bookOnce(rt);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    // Not due again before its backoff.
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 0 });
    at(1);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    at(1 + 2);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 0 });
    at(1 + 3);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    at(180);
    await drain(rt.outbox);
    expect(gateway.requests).toHaveLength(3);
    const [message] = await messagesOf(rt, id);
    expect(message).toMatchObject({ status: 'sent', tries: 3, failure_reason: null });
    const attempts = await attemptsOf(rt, message!.id);
    expect(attempts.map((a) => [a.number, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'sent'],
    ]);
    expect(attempts[0]!.detail).toMatch(/HTTP 500 upstream down/);
  });

  it('tries again when the gateway answers 200 with status false, as Fonnte does for a disconnected device', async () => {
    const rt = await dep.start();
    const refusal = '{"status":false,"reason":"request invalid on disconnected device"}';
    gateway.answers.push({ status: 200, body: refusal });
    const { id } = await bookOnce(rt);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    at(1);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(gateway.requests).toHaveLength(2);
    const [message] = await messagesOf(rt, id);
    expect(message).toMatchObject({ status: 'sent', tries: 2, failure_reason: null });
    const attempts = await attemptsOf(rt, message!.id);
    expect(attempts.map((a) => [a.number, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
    expect(attempts[0]!.detail).toBe(`HTTP 200 ${refusal}`);
  });

  it(`gives a message up with a reason after ${MAX_TRIES} failed tries in about an hour`, async () => {
    const rt = await dep.start();
    for (let i = 0; i < MAX_TRIES + 2; i++) gateway.answers.push({ status: 503, body: 'maintenance' });
    const { id } = await bookOnce(rt);
    for (let minutes = 0; minutes <= 90; minutes++) {
      at(minutes);
      await rt.outbox.runOnce();
    }
    const [message] = await messagesOf(rt, id);
    expect(message).toMatchObject({ status: 'failed', failure_reason: 'gave_up', tries: MAX_TRIES });
    expect(await attemptsOf(rt, message!.id)).toHaveLength(MAX_TRIES);
    expect(gateway.requests).toHaveLength(MAX_TRIES);
    expect(message!.last_detail).toMatch(/HTTP 503/);
  });

  it('loses nothing when a worker dies between claiming and sending', async () => {
    const first = await dep.start();
    const { id } = await bookOnce(first);
    const claimed = await claimDueMessages(first.ctx, { workerId: 'doomed' });
    expect(claimed.map((m) => m.booking_id)).toEqual([id]);
    await first.close();

    const second = await dep.start();
    // The dead worker's claim holds until its lease runs out.
    expect(await second.outbox.runOnce()).toMatchObject({ claimed: 0 });
    expect(gateway.requests).toHaveLength(0);
    at(6);
    expect(await second.outbox.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    at(120);
    await drain(second.outbox);
    expect(gateway.requests).toHaveLength(1);
    const [message] = await messagesOf(second, id);
    expect(message).toMatchObject({ status: 'sent', tries: 1 });
  });

  it('sends nothing twice when the server restarts after a send', async () => {
    const first = await dep.start();
    const { id } = await bookOnce(first);
    await drain(first.outbox);
    await first.close();
    at(120);
    const second = await dep.start();
    await drain(second.outbox);
    expect(gateway.requests).toHaveLength(1);
    expect((await messagesOf(second, id))[0]).toMatchObject({ status: 'sent' });
  });

  it('sends nothing twice when a worker dies after the gateway took the message but before the answer was recorded', async () => {
    const first = await dep.start();
    const { id } = await bookOnce(first);
    const [message] = await claimDueMessages(first.ctx, { workerId: 'doomed' });
    const real = whatsappGateway({ url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000 });
    // The process freezes for good right after the gateway answered.
    const freezing: MessageTransport = { name: real.name, send: async (m) => (await real.send(m), new Promise(() => undefined)) };
    void deliverClaimedMessage(first.ctx, message!, { workerId: 'doomed', transports: { whatsapp: freezing, email: freezing } });
    await expect.poll(() => gateway.requests.length).toBe(1);
    await first.close();

    const second = await dep.start();
    expect(await second.outbox.runOnce()).toMatchObject({ claimed: 0, settledUnknown: 0 });
    at(6);
    expect(await second.outbox.runOnce()).toMatchObject({ claimed: 0, settledUnknown: 1 });
    at(240);
    await drain(second.outbox);
    expect(gateway.requests).toHaveLength(1);
    const [row] = await messagesOf(second, id);
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'outcome_unknown' });
    expect(await attemptsOf(second, row!.id)).toMatchObject([{ number: 1, outcome: 'unknown', worker: 'doomed' }]);
  });

  it('marks a number the gateway says is not on WhatsApp and uses the email instead', async () => {
    const rt = await dep.start();
    gateway.answers.push({ status: 400, body: '{"status":false,"reason":"target number not registered on WhatsApp"}' });
    const { code, id, nik } = await bookOnce(rt, { email: 'Siti.R@Example.com' });
    await drain(rt.outbox);
    expect(gateway.requests).toHaveLength(1);
    const messages = await messagesOf(rt, id);
    expect(messages.map((m) => [m.channel, m.status, m.failure_reason])).toEqual([
      ['whatsapp', 'failed', 'not_on_whatsapp'],
      ['email', 'sent', null],
    ]);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ to: ['Siti.R@example.com'], from: 'antrean@example.go.id', user: 'antrean' });
    expect(mailText(smtp.mails[0]!.raw)).toContain(code);
    expect(smtp.mails[0]!.raw).toMatch(/^From: Disdukcapil Kota Bogor <antrean@example\.go\.id>/m);
    // Kept as the number's keyed hash, the number itself sealed.
    expect(await rt.storage.db.selectFrom('whatsapp_unreachable').select('phone').execute()).toEqual([{ phone: dataCipher().lookupHash('6281234567890') }]);
    expect((await findMessageFacts(rt.storage.db, { officeId: 1, kind: 'booked', lang: 'id', phone: '6281234567890' })).unreachable).toBe(true);

    // The next message about the booking goes by email only: the number is not tried again.
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik } });
    expect(cancel.statusCode).toBe(200);
    await drain(rt.outbox);
    expect(gateway.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(2);
    const cancelled = (await messagesOf(rt, id)).filter((m) => m.kind === 'cancelled');
    expect(cancelled.map((m) => [m.channel, m.status, m.failure_reason])).toEqual([
      ['whatsapp', 'failed', 'not_on_whatsapp'],
      ['email', 'sent', null],
    ]);
  });

  it('gives up an email the mail server refuses for good, without trying it again', async () => {
    const rt = await dep.start();
    const { id } = await bookOnce(rt, { email: 'siti@nobody.example' });
    await drain(rt.outbox);
    at(120);
    await drain(rt.outbox);
    const email = (await messagesOf(rt, id)).find((m) => m.channel === 'email');
    expect(email).toMatchObject({ status: 'failed', failure_reason: 'rejected', tries: 1 });
    expect(email!.last_detail).toMatch(/550/);
    expect(smtp.mails).toHaveLength(0);
  });

  it('posts the two fields form-encoded when the gateway wants a form', async () => {
    const rt = await dep.start(settings({ format: 'form' }));
    const { code } = await bookOnce(rt);
    await drain(rt.outbox);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(gateway.requests[0]!.fields).sort()).toEqual(['message', 'target']);
    expect(gateway.requests[0]!.fields.target).toBe('6281234567890');
    expect(gateway.requests[0]!.fields.message).toContain(code);
    expect(gateway.requests[0]!.authorization).toBe(TOKEN);
  });

  it('counts a gateway that does not answer in time as a failed attempt and tries again later', async () => {
    const rt = await dep.start(settings({ timeoutMs: 200 }));
    gateway.answers.push('hang');
    const { id } = await bookOnce(rt);
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    const [message] = await messagesOf(rt, id);
    expect(message).toMatchObject({ status: 'waiting', tries: 1 });
    expect(await attemptsOf(rt, message!.id)).toMatchObject([{ outcome: 'failed', detail: 'no answer within 200 ms' }]);
    at(1);
    expect(await rt.outbox.runOnce()).toMatchObject({ sent: 1 });
    expect(gateway.requests).toHaveLength(2);
  });

  it('tells of a move and a cancel, and queues a message only once per dedupe key', async () => {
    const rt = await dep.start();
    const { id, code, nik } = await bookOnce(rt);
    const move = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/reschedule`, payload: { nik, date: '2026-12-03', sessionId: 2 } });
    expect(move.statusCode).toBe(200);
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik } });
    expect(cancel.statusCode).toBe(200);
    await drain(rt.outbox);
    expect((await messagesOf(rt, id)).map((m) => m.kind)).toEqual(['booked', 'moved', 'cancelled']);
    expect(gateway.requests[1]!.fields.message).toContain('Kamis, 3 Desember 2026, 09.00–10.00 WIB');

    const again = await rt.storage.db.transaction().execute((trx) =>
      enqueueMessage(trx, { bookingId: id, kind: 'reminder_evening', dedupeKey: `reminder_evening:${id}`, at: dep.now().toISOString() }),
    );
    const twice = await rt.storage.db.transaction().execute((trx) =>
      enqueueMessage(trx, { bookingId: id, kind: 'reminder_evening', dedupeKey: `reminder_evening:${id}`, at: dep.now().toISOString() }),
    );
    expect([again, twice]).toEqual([1, 0]);
  });
});

describe.each(DIALECTS)('messages of a closed day and of the booking forms on $name', (dialect) => {
  let rt: TestRuntime;
  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterEach(async () => {
    await rt.close();
  });

  it('queues a move message for each booking a closed day moves, in the same step', async () => {
    const admin = await logInStaff(rt, 'admin');
    const { id } = await bookOnce(rt);
    const closed = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/offices/kota-bogor/closures',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { date: '2026-12-02', reason: 'Banjir' },
    });
    expect(closed.statusCode).toBe(201);
    const messages = await messagesOf(rt, id);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ['booked', 'waiting'],
      ['moved', 'waiting'],
    ]);
    expect(messages[1]!.body).toContain('Kamis, 3 Desember 2026');
  });

  it('writes what would be sent to the log when no gateway or mail server is set, the number masked', async () => {
    const { code, id } = await bookOnce(rt, { email: 'siti@example.com' });
    expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    const logged = rt.logLines.filter((l) => l.includes('message not sent'));
    expect(logged).toHaveLength(2);
    expect(logged.join('')).toContain(code);
    expect(logged.join('')).toContain('6281******890');
    expect(logged.join('')).toContain('s***@example.com');
    expect(rt.logLines.join('')).not.toContain('6281234567890');
    const [whatsapp] = await messagesOf(rt, id);
    expect(await attemptsOf(rt, whatsapp!.id)).toMatchObject([{ transport: 'log', outcome: 'sent' }]);
  });

  it('takes an optional email on the API, the booking page and the desk, and refuses a bad one', async () => {
    const bad = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody({ nik: nikFor(nikSerial++) }), email: 'siti@' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ email: expect.objectContaining({ code: 'EMAIL_INVALID' }) });
    const good = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody({ nik: nikFor(nikSerial++) }), email: 'Siti@Example.COM' } });
    expect(good.statusCode).toBe(201);
    expect(good.json().booking.emailMasked).toBe('S***@example.com');

    const form = await rt.app.inject({ url: '/o/kota-bogor' });
    expect(form.body).toMatch(/<input id="email" name="email" type="email"[^>]*autocomplete="email"/);
    expect(form.body).not.toMatch(/<input id="email"[^>]*required/);
    const sessionId = (await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' })).json().days[0].sessions[0].id as number;
    const page = (fields: Record<string, string>) =>
      rt.app.inject({
        method: 'POST',
        url: '/o/kota-bogor',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        // "Ambil nomor" on the review: the step that books.
        payload: new URLSearchParams({ name: 'Budi Santoso', phone: '0813 2222 3333', service: 'KK', slot: `2026-12-02|${sessionId}`, step: 'confirm', ...fields }).toString(),
      });
    const refused = await page({ nik: nikFor(nikSerial++), email: 'budi at example' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Masukkan alamat email yang benar');
    expect(refused.body).toContain('value="budi at example"');
    const nik = nikFor(nikSerial++);
    // The review before "Ambil nomor" carries the email on to the confirm.
    const review = await page({ nik, email: 'budi@example.com', step: '' });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('<input type="hidden" name="email" value="budi@example.com">');
    const booked = await page({ nik, email: 'budi@example.com' });
    expect(booked.statusCode).toBe(303);
    const withoutEmail = await page({ nik: nikFor(nikSerial++), email: '' });
    expect(withoutEmail.statusCode).toBe(303);
    const emails = (await listActiveBookingsOfNik(rt.storage.db, nik)).map((b) => ({ nik: b.nik, email: b.email }));
    expect(emails).toEqual([{ nik, email: 'budi@example.com' }]);

    const desk = await logInStaff(rt, 'desk');
    const assisted = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/offices/kota-bogor/bookings',
      headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken },
      payload: { ...bookingBody({ nik: nikFor(nikSerial++) }), email: 'keluarga@example.com' },
    });
    expect(assisted.statusCode, assisted.body).toBe(201);
    expect(assisted.json().booking.emailMasked).toBe('k***@example.com');
  });

  it('sends nothing by WhatsApp to someone the desk booked without a phone: the email if there is one, else nothing', async () => {
    const desk = await logInStaff(rt, 'desk');
    const channelsOf = async (email: string) => {
      const nik = nikFor(nikSerial++);
      const res = await rt.app.inject({
        method: 'POST',
        url: '/api/v1/offices/kota-bogor/bookings',
        headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken },
        payload: { ...bookingBody({ nik }), phone: '', email },
      });
      expect(res.statusCode, res.body).toBe(201);
      const rows = await rt.storage.db
        .selectFrom('outbox_messages')
        .innerJoin('bookings', 'bookings.id', 'outbox_messages.booking_id')
        .select('outbox_messages.channel')
        .where('bookings.nik_hmac', '=', nikLookupHash(nik))
        .execute();
      return rows.map((r) => r.channel);
    };
    expect(await channelsOf('anak@example.com')).toEqual(['email']);
    expect(await channelsOf('')).toEqual([]);
  });
});

describe('outbox worker loop', () => {
  it('sends by itself once started and stops cleanly', async () => {
    const gateway = await startFakeGateway();
    const rt = await startTestRuntime(DIALECTS[0]!, { notify: { whatsapp: { url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000 } } });
    try {
      const sink = createLogger('warn', new Writable({ write: (_c, _e, done) => done() }));
      const worker = createOutboxWorker(rt.ctx, { transports: buildTransports({ whatsapp: { url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000 } }, sink).transports, logger: sink, pollMs: 20 });
      worker.start();
      await bookOnce(rt);
      await expect.poll(() => gateway.requests.length).toBe(1);
      await worker.stop();
      await bookOnce(rt, { sessionId: 2 });
      expect(await rt.storage.db.selectFrom('outbox_messages').select('status').orderBy('id').execute()).toEqual([{ status: 'sent' }, { status: 'waiting' }]);
    } finally {
      await rt.close();
      await gateway.close();
    }
  });
});

describe('a clean stop', () => {
  it('finishes the message in hand and gives the unstarted claims back, due at once', async () => {
    const rt = await startTestRuntime(DIALECTS[0]!);
    try {
      for (let i = 1; i <= 3; i++) await bookOnce(rt, { sessionId: i });
      let sent = 0;
      const counting: MessageTransport = { name: 'counting', send: async () => (sent++, { ok: true, detail: 'ok' }) };
      const pass = await sendDueMessages(rt.ctx, { workerId: 'stopping', transports: { whatsapp: counting, email: counting }, stopping: () => sent >= 1 });
      expect(pass).toMatchObject({ claimed: 3, sent: 1 });
      const rows = await rt.storage.db.selectFrom('outbox_messages').select(['status', 'claimed_by', 'tries']).orderBy('id').execute();
      expect(rows).toEqual([
        { status: 'sent', claimed_by: null, tries: 1 },
        { status: 'waiting', claimed_by: null, tries: 0 },
        { status: 'waiting', claimed_by: null, tries: 0 },
      ]);
      expect(await rt.outbox.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    } finally {
      await rt.close();
    }
  });
});

describe('message settings from the environment', () => {
  it('reads the gateway and mail settings, and wants MAIL_FROM with SMTP_URL', () => {
    const config = loadConfig({
      WHATSAPP_GATEWAY_URL: 'https://api.gateway.example/send',
      WHATSAPP_GATEWAY_TOKEN: 'abc',
      WHATSAPP_GATEWAY_FORMAT: 'form',
      SMTP_URL: 'smtp://user:pass@mail.example:587',
      MAIL_FROM: 'Antrean <antrean@example.go.id>',
    });
    expect(config.notify).toEqual({
      whatsapp: { url: 'https://api.gateway.example/send', token: 'abc', format: 'form', timeoutMs: 10_000 },
      email: { url: 'smtp://user:pass@mail.example:587', from: 'Antrean <antrean@example.go.id>', timeoutMs: 30_000 },
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example:25' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ WHATSAPP_GATEWAY_FORMAT: 'xml' })).toThrow(/WHATSAPP_GATEWAY_FORMAT/);
    const bare = loadConfig({});
    expect(bare.notify).toEqual({ whatsapp: undefined, email: undefined });
    expect(bare.warnings.join(' ')).toMatch(/WHATSAPP_GATEWAY_URL is not set/);
  });
});

describe.skipIf(!POSTGRES)('outbox shared by two processes on PostgreSQL', () => {
  it('sends each of 200 messages exactly once', async () => {
    const gateway = await startFakeGateway();
    const dep = await deploy(POSTGRES!, () => ({}));
    try {
      const notify: NotifySettings = { whatsapp: { url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000 } };
      const [a, b] = [await dep.start(notify), await dep.start(notify)];
      const { id } = await bookOnce(a!);
      await a!.storage.db.transaction().execute(async (trx) => {
        for (let i = 1; i < 200; i++) await enqueueMessage(trx, { bookingId: id, kind: 'booked', dedupeKey: `load:${i}`, at: dep.now().toISOString() });
      });
      const sink = createLogger('warn', new Writable({ write: (_c, _e, done) => done() }));
      const workers = [a!, b!].map((rt, i) =>
        createOutboxWorker(rt.ctx, { transports: buildTransports(notify, sink).transports, logger: sink, pollMs: 1_000, batchSize: 7, workerId: `process-${i + 1}` }),
      );
      await Promise.all(workers.map((w) => drain(w)));

      expect(gateway.requests).toHaveLength(200);
      const db = a!.storage.db;
      const statuses = await db.selectFrom('outbox_messages').select('status').select((eb) => eb.fn.countAll<string>().as('n')).groupBy('status').execute();
      expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', 200]]);
      const perMessage = await db.selectFrom('outbox_attempts').select('message_id').select((eb) => eb.fn.countAll<string>().as('n')).groupBy('message_id').execute();
      expect(perMessage).toHaveLength(200);
      expect(perMessage.every((m) => Number(m.n) === 1)).toBe(true);
      const perWorker = await db.selectFrom('outbox_attempts').select('worker').select((eb) => eb.fn.countAll<string>().as('n')).groupBy('worker').execute();
      expect(perWorker.map((w) => w.worker).sort()).toEqual(['process-1', 'process-2']);
    } finally {
      await dep.close();
      await gateway.close();
    }
  });
});

describe.each(DIALECTS)('outbox administration on $name', (dialect) => {
  let gateway: FakeGateway;
  let rt: TestRuntime;
  let admin: StaffLogin;

  beforeEach(async () => {
    gateway = await startFakeGateway();
    rt = await startTestRuntime(dialect, { notify: { whatsapp: { url: gateway.url, token: TOKEN, format: 'json', timeoutMs: 5_000 } } });
    admin = await logInStaff(rt, 'admin');
  });
  afterEach(async () => {
    await rt.close();
    await gateway.close();
  });

  const api = (method: 'GET' | 'POST', url: string, who: StaffLogin = admin) =>
    rt.app.inject({ method, url: `/api/v1/offices/kota-bogor${url}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, payload: method === 'POST' ? {} : undefined });

  it('lists waiting, sent and failed messages with their attempts, the phone masked, to admins only', async () => {
    gateway.answers.push({ status: 404, body: 'invalid number' });
    const { code } = await bookOnce(rt);
    await bookOnce(rt, { sessionId: 2 });
    await drain(rt.outbox);
    await bookOnce(rt, { sessionId: 3 });

    const all = await api('GET', '/outbox');
    expect(all.statusCode).toBe(200);
    const messages = all.json().messages as { state: string; recipientMasked: string; failureReason: string | null; bookingCode: string; attempts: unknown[] }[];
    expect(messages.map((m) => m.state)).toEqual(['waiting', 'sent', 'failed']);
    expect(messages[2]).toMatchObject({ bookingCode: code, failureReason: 'not_on_whatsapp', recipientMasked: '6281******890', attempts: [{ number: 1, outcome: 'not_on_whatsapp', detail: 'HTTP 404 invalid number' }] });
    expect(all.body).not.toContain('6281234567890');
    expect((await api('GET', '/outbox?status=failed')).json().messages).toHaveLength(1);
    expect((await api('GET', '/outbox?status=waiting')).json().messages).toHaveLength(1);
    expect((await api('GET', '/outbox?status=lost')).statusCode).toBe(422);

    const desk = await logInStaff(rt, 'desk');
    expect((await api('GET', '/outbox', desk)).statusCode).toBe(403);
  });

  it('resends a failed message once, audited, and refuses one still on its way', async () => {
    gateway.answers.push({ status: 400, body: 'number not registered' });
    const { id } = await bookOnce(rt);
    await drain(rt.outbox);
    const [failed] = await messagesOf(rt, id);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'not_on_whatsapp' });

    const resend = await api('POST', `/outbox/${failed!.id}/resend`);
    expect(resend.statusCode).toBe(202);
    expect((await api('POST', `/outbox/${failed!.id}/resend`)).json().error.code).toBe('MESSAGE_IN_PROGRESS');
    expect((await api('POST', `/outbox/999999/resend`)).statusCode).toBe(404);
    await drain(rt.outbox);
    expect(gateway.requests).toHaveLength(2);
    const [sent] = await messagesOf(rt, id);
    expect(sent).toMatchObject({ status: 'sent', tries: 1 });
    expect(await attemptsOf(rt, sent!.id)).toHaveLength(2);
    // The number got through after all: it is no longer marked.
    expect(await rt.storage.db.selectFrom('whatsapp_unreachable').selectAll().execute()).toEqual([]);
    const audit = await rt.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'message.resend').execute();
    expect(audit).toMatchObject([{ subject: String(failed!.id), username: admin.username }]);
  });

  it('shows the outbox page and resends from it without JavaScript', async () => {
    gateway.answers.push({ status: 500, body: 'x' }, { status: 500, body: 'x' }, { status: 500, body: 'x' }, { status: 500, body: 'x' }, { status: 500, body: 'x' }, { status: 500, body: 'x' });
    const { code, id } = await bookOnce(rt);
    for (let minutes = 0; minutes <= 90; minutes += 1) {
      rt.setNow(new Date(TUESDAY_MORNING.getTime() + minutes * MINUTE));
      await rt.outbox.runOnce();
    }
    const page = await rt.app.inject({ url: '/staff/admin/outbox?office=kota-bogor&status=failed', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(code);
    expect(page.body).toContain('6281******890');
    expect(page.body).not.toContain('6281234567890');
    expect(page.body).toContain('dihentikan setelah semua percobaan gagal');
    const [message] = await messagesOf(rt, id);
    const posted = await rt.app.inject({
      method: 'POST',
      url: '/staff/admin/outbox/resend',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrfToken, office: 'kota-bogor', id: String(message!.id), status: 'failed' }).toString(),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/staff/admin/outbox?office=kota-bogor&status=failed&resent=${message!.id}`);
    await drain(rt.outbox);
    expect((await messagesOf(rt, id))[0]).toMatchObject({ status: 'sent' });
  });
});
