import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '../support/data-key.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/http/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { DIALECTS, POSTGRES } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { openEventStream } from '../support/sse.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING, withoutPersonLimits, TEST_PASSWORD_COST } from '../support/test-runtime.js';

const STATE_URL = '/api/v1/offices/kota-bogor/display/events';
/** Wednesday 2 December 2026, 07:45 WIB: the first session has begun. */
const WEDNESDAY_MORNING = new Date('2026-12-02T00:45:00Z');

interface DisplayStateEvent {
  waiting: number;
  lastCalls: { queueNumber: string; counter: number }[];
}

/** The board's changing parts as the server rendered them, with the clock they were read at. */
interface BoardEvent {
  date: string;
  time: string;
  parts: Record<string, string>;
}

/** The inside of the element marked `data-part="name"` on a board page. */
function partOf(page: string, name: string): string | undefined {
  return new RegExp(`<(\\w+)[^>]*\\bdata-part="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(page)?.[2];
}

const staffHeaders = (who: StaffLogin) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });

/** Books Wednesday's first session on Tuesday, as a citizen would, and comes back on Wednesday morning. */
async function bookForWednesday(rt: TestRuntime, serial: number): Promise<{ code: string; queueNumber: string }> {
  rt.setNow(TUESDAY_MORNING);
  const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
  const sessionId = avail.json().days[0].sessions[0].id;
  const made = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId, nik: nikFor(serial) }) });
  expect(made.statusCode, made.body).toBe(201);
  rt.setNow(WEDNESDAY_MORNING);
  return made.json().booking;
}

describe.each(DIALECTS)('the display board stream on $name', (dialect) => {
  let rt: TestRuntime;
  let base = '';
  let display: StaffLogin;
  let desk: StaffLogin;
  let counter: StaffLogin;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: WEDNESDAY_MORNING });
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
    const { code, queueNumber } = await bookForWednesday(rt, 77);

    const stream = await openEventStream(`${base}${STATE_URL}`, { cookie: display.cookie });
    expect(stream.contentType).toContain('text/event-stream');
    const first = await stream.next((e) => e.event === 'state');
    expect((first.data as DisplayStateEvent).waiting).toBe(0);

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

  it('sends the board its changing parts rendered exactly as the board page renders them', async () => {
    const { code, queueNumber } = await bookForWednesday(rt, 78);
    const boardPage = async () => (await rt.app.inject({ url: '/display/kota-bogor', headers: { cookie: display.cookie } })).body;

    const stream = await openEventStream(`${base}${STATE_URL}`, { cookie: display.cookie });
    const first = (await stream.next((e) => e.event === 'board')).data as BoardEvent;
    expect(first).toMatchObject({ date: '2026-12-02', time: '07:45' });
    const names = Object.keys(first.parts).sort();
    expect(names).toEqual(['counters', 'date', 'lines', 'now', 'recent', 'session', 'waiting']);
    const page = await boardPage();
    for (const name of names) expect(partOf(page, name), name).toBe(first.parts[name]);

    await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', payload: { code }, headers: staffHeaders(desk) });
    await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/counters/4/call-next', headers: staffHeaders(counter) });
    const called = (await stream.next((e) => e.event === 'board' && (e.data as BoardEvent).parts.now!.includes(queueNumber))).data as BoardEvent;
    expect(called.parts.now).toContain('Loket 4');
    const after = await boardPage();
    for (const name of names) expect(partOf(after, name), name).toBe(called.parts[name]);
    stream.close();
  });

  it('sends a board only its own office\'s calls', async () => {
    // The call that must not arrive is followed by one that must: the board's own event marks
    // the point by which the other office's would have come.
    const office = await rt.ctx.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
    const stream = await openEventStream(`${base}${STATE_URL}`, { cookie: display.cookie });
    await stream.next((e) => e.event === 'state');
    await rt.ctx.events.publish({ officeId: office.id + 1000, type: 'floor', payload: { kind: 'called', queueNumber: 'Z999', counter: 9 } });
    await rt.ctx.events.publish({ officeId: office.id, type: 'floor', payload: { kind: 'recalled', queueNumber: 'A001', counter: 1 } });
    const calls: unknown[] = [];
    const marker = await stream.next((e) => {
      if (e.event === 'call') calls.push(e.data);
      return e.event === 'call' && (e.data as { queueNumber: string }).queueNumber === 'A001';
    });
    expect(marker).toBeTruthy();
    expect(calls).toHaveLength(1);
    stream.close();
  });
});

describe.runIf(POSTGRES)('the display board across two server instances on one PostgreSQL database', () => {
  let now = TUESDAY_MORNING;
  const instances: Runtime[] = [];
  let drop: () => Promise<void> = async () => undefined;

  /** A server as `server.ts` builds it, on the shared database and the test's clock. */
  async function startInstance(url: string): Promise<Runtime> {
    const quiet = new Writable({ write: (_c, _e, done) => done() });
    const runtime = await startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST,
      databaseUrl: url,
      logger: createLogger('warn', quiet),
      now: () => now,
      announce: () => undefined,
      http: { bookingRateLimitPerMinute: 10_000, apiRateLimitPerMinute: 100_000, powDifficulty: 0 },
    });
    await withoutPersonLimits(runtime);
    await runtime.app.listen({ port: 0, host: '127.0.0.1' });
    return runtime;
  }
  const urlOf = (rt: Runtime) => `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;

  beforeAll(async () => {
    const database = await POSTGRES!.freshDatabase();
    drop = database.drop;
    instances.push(await startInstance(database.url));
    instances.push(await startInstance(database.url));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances.map((rt) => rt.close()));
    await drop();
  });

  it('shows a call made on one instance on a board connected to the other', async () => {
    const [a, b] = instances as [Runtime, Runtime];
    const avail = await a.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    const sessionId = avail.json().days[0].sessions[0].id;
    const made = await a.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId, nik: nikFor(42) }) });
    expect(made.statusCode, made.body).toBe(201);
    const { code, queueNumber } = made.json().booking as { code: string; queueNumber: string };
    now = WEDNESDAY_MORNING;
    const desk = await logInStaff(a, 'desk');
    const counter = await logInStaff(a, 'counter');
    const display = await logInStaff(b, 'display');
    const checked = await a.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', payload: { code }, headers: staffHeaders(desk) });
    expect(checked.statusCode, checked.body).toBe(200);

    const stream = await openEventStream(`${urlOf(b)}${STATE_URL}`, { cookie: display.cookie });
    await stream.next((e) => e.event === 'state');
    const called = await a.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/counters/2/call-next', headers: staffHeaders(counter) });
    expect(called.statusCode, called.body).toBe(200);
    const call = await stream.next((e) => e.event === 'call');
    expect(call.data).toEqual({ queueNumber, counter: 2, recall: false, spoken: `Nomor antrean ${queueNumber.split('').join(' ')}, silakan menuju loket 2` });
    stream.close();
  });
});
