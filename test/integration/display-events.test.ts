import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/database.js';
import { instantOf } from '../../src/domain/local-date.js';
import { todayIn } from '../../src/domain/local-date.js';
import { DIALECTS, POSTGRES } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { openEventStream } from '../support/sse.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const STATE_URL = '/api/v1/offices/kota-bogor/display/events';

interface DisplayStateEvent {
  waiting: number;
  lastCalls: { queueNumber: string; counter: number }[];
}

describe.each(DIALECTS)('the display board stream on $name', (dialect) => {
  let rt: TestRuntime;
  let base = '';
  let display: StaffLogin;
  let desk: StaffLogin;
  let counter: StaffLogin;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: new Date('2026-12-02T00:30:00Z') });
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const address = rt.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    display = await logInStaff(rt, 'display');
    desk = await logInStaff(rt, 'desk');
    counter = await logInStaff(rt, 'counter');
  });
  afterAll(async () => {
    await rt.close();
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${base}${STATE_URL}`);
    expect(res.status).toBe(401);
  });

  it('sends the whole state on connect, then each call and the state after it', async () => {
    // Book on Tuesday for Wednesday, then come back to Wednesday morning.
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    const sessionId = avail.json().days[0].sessions[0].id;
    const made = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId, nik: nikFor(77) }) });
    const { code, queueNumber } = made.json().booking;
    rt.setNow(new Date('2026-12-02T00:45:00Z'));

    const stream = await openEventStream(`${base}${STATE_URL}`, { cookie: display.cookie });
    expect(stream.contentType).toContain('text/event-stream');
    const first = await stream.next((e) => e.event === 'state');
    expect((first.data as DisplayStateEvent).waiting).toBe(0);

    const staffHeaders = (who: StaffLogin) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });
    await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', payload: { code }, headers: staffHeaders(desk) });
    const waiting = await stream.next((e) => e.event === 'state' && (e.data as DisplayStateEvent).waiting === 1);
    expect(waiting).toBeTruthy();

    await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/counters/3/call-next', headers: staffHeaders(counter) });
    const call = await stream.next((e) => e.event === 'call');
    expect(call.data).toEqual({ queueNumber, counter: 3, recall: false, spoken: `Nomor antrean ${queueNumber.split('').join(' ')}, silakan menuju loket 3` });
    const after = await stream.next((e) => e.event === 'state' && (e.data as DisplayStateEvent).lastCalls.length > 0);
    expect((after.data as DisplayStateEvent).lastCalls[0]).toMatchObject({ queueNumber, counter: 3 });
    stream.close();
  });
});

describe.runIf(POSTGRES)('the display board across two server processes', () => {
  let servers: ServerProcess[] = [];
  let drop: () => Promise<void> = async () => undefined;
  let url = '';

  beforeAll(async () => {
    const database = await POSTGRES!.freshDatabase();
    drop = database.drop;
    url = database.url;
    const env = { DATABASE_URL: url, ANTREAN_ADMIN_PASSWORD: 'kata-sandi-admin-uji' };
    servers = [await startServerProcess(env), await startServerProcess(env)];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await drop();
  });

  it('shows a call made on one process on a display connected to the other within a second', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'kata-sandi-admin-uji' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    // A person already checked in today, by the servers' real clock, written as the desk would leave it.
    const storage = openStorage(url);
    try {
      const today = todayIn('Asia/Jakarta', new Date());
      const office = await storage.db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
      const session = await storage.db.selectFrom('sessions').select('id').where('letter', '=', 'A').executeTakeFirstOrThrow();
      const service = await storage.db.selectFrom('services').select('id').executeTakeFirstOrThrow();
      const at = instantOf(today, '07:45', 'Asia/Jakarta').toISOString();
      await storage.db.insertInto('bookings').values({
        code: 'KXT7P3MQR', office_id: office.id, service_id: service.id, session_id: session.id, date: today, queue_number: 'A042',
        status: 'checked_in', nik: nikFor(42), name: 'Warga Uji', phone: '6281234567890', channel: 'online', priority: null,
        checked_in_at: at, created_at: at, updated_at: at,
      }).execute();
    } finally {
      await storage.close();
    }

    const stream = await openEventStream(`${b.url}${STATE_URL}`, { cookie });
    await stream.next((e) => e.event === 'state');
    const started = Date.now();
    const called = await fetch(`${a.url}/api/v1/offices/kota-bogor/counters/2/call-next`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(called.status).toBe(200);
    const call = await stream.next((e) => e.event === 'call', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(call.data).toEqual({ queueNumber: 'A042', counter: 2, recall: false, spoken: 'Nomor antrean A 0 4 2, silakan menuju loket 2' });
    stream.close();
  });
});
