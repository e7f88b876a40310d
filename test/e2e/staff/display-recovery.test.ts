import { TEST_PASSWORD_COST, withoutPersonLimits } from '../../support/test-runtime.js';
import { Writable } from 'node:stream';
import { TEST_DATA_KEY } from '../../support/data-key.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/http/logger.js';
import { type Runtime, startRuntime } from '../../../src/runtime.js';
import { saveScreenshot, useBrowser } from '../../support/browser.js';
import { DIALECTS } from '../../support/dialects.js';
import { parseMetrics, sampleValue } from '../../support/prometheus.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, TUESDAY, wednesdayAt } from './helpers.js';

/**
 * The board must come back by itself after the server restarts (an update, a crash) and show
 * what is true now, including calls made while it was away. One SQLite file outlives the
 * first server process so that a second one, on the same port, finds the same data.
 */
describe('the waiting-room board after the server goes away', () => {
  const browser = useBrowser();
  const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
  let database: { url: string; drop(): Promise<void> };
  let now = TUESDAY;
  let rt: Runtime & { setNow(d: Date): void };
  let port = 0;
  /** Whether a runtime is open that the test has not stopped. */
  let running = false;

  async function start(): Promise<void> {
    const quiet = new Writable({ write: (_c, _e, done) => done() });
    const runtime = await startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST,
      databaseUrl: database.url,
      logger: createLogger('warn', quiet),
      now: () => now,
      announce: () => undefined,
      http: { bookingRateLimitPerMinute: 10_000, apiRateLimitPerMinute: 100_000, powDifficulty: 0 },
    });
    await withoutPersonLimits(runtime);
    rt = { ...runtime, setNow: (d: Date) => (now = d) };
    running = true;
    await rt.app.listen({ port, host: '127.0.0.1' });
    port = (rt.app.server.address() as { port: number }).port;
  }

  /** Stops the server the hard way: open event streams are cut, as in a crash or a redeploy. */
  async function stop(): Promise<void> {
    running = false;
    const closing = rt.close();
    rt.app.server.closeAllConnections();
    await closing;
  }

  // Each test gets its own database file, server and port: neither test's calls are on the
  // other's board, whatever order they run in. Closing is a cleanup, which runs after every
  // afterEach: a failing test's screenshots are taken before the server goes.
  beforeEach(async () => {
    database = await sqlite.freshDatabase({ crossProcess: true });
    now = TUESDAY;
    port = 0;
    await start();
    return async () => {
      // A test that failed between a stop and a start has no server left to close.
      if (running) await stop();
      await database.drop();
    };
  });

  async function callNextAt(counter: number, who: { username: string; password: string }): Promise<string> {
    const login = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: who });
    const cookie = `antrean_session=${login.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    const res = await rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor/counters/${counter}/call-next`, headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().ticket.queueNumber as string;
  }

  /** Staff event streams the server holds open now, as its metrics count them. */
  async function openStaffStreams(): Promise<number | undefined> {
    const res = await rt.app.inject({ method: 'GET', url: '/metrics' });
    return sampleValue(parseMetrics(res.body), 'antrean_sse_connections', { kind: 'staff' });
  }

  it('shows that it is reconnecting, then the current state, after a restart on the same port', { timeout: 120_000 }, async () => {
    const first = await bookForWednesday(rt, 0, wednesdayAt('08:05'));
    const second = await bookForWednesday(rt, 0, wednesdayAt('08:05'));
    const desk = await addStaff(rt, 'desk');
    const counter = await addStaff(rt, 'counter');
    const display = await addStaff(rt, 'display');
    const deskLogin = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: desk });
    const deskCookie = `antrean_session=${deskLogin.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    for (const b of [first, second]) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', headers: { cookie: deskCookie, 'x-csrf-token': deskLogin.json().csrfToken }, payload: { code: b.code } });
      expect(res.statusCode, res.body).toBe(200);
    }

    const board = await browser.open({ viewport: FULL_HD });
    await logIn(board, `http://127.0.0.1:${port}`, display);
    await board.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    expect(await board.locator('[data-waiting]').textContent()).toBe('2');
    const before = await callNextAt(1, counter);
    await expect.poll(() => board.locator('[data-now-number]').textContent()).toBe(before);
    expect(await board.locator('[data-connection]').isHidden()).toBe(true);

    // The server goes away: after a moment the board says so, quietly, and keeps its last state.
    await stop();
    await expect.poll(() => board.locator('[data-connection]').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await board.locator('[data-connection]').textContent()).toBe('menyambung kembali…');
    expect(await board.locator('[data-now-number]').textContent()).toBe(before);
    await saveScreenshot(board, 'display-reconnecting');

    // A new process on the same port; someone is called before the board is back.
    await start();
    const during = await callNextAt(2, counter);
    await expect.poll(() => board.locator('[data-connection]').isHidden(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => board.locator('[data-now-number]').textContent()).toBe(during);
    expect(await board.locator('[data-now-counter]').textContent()).toBe('Loket 2');
    expect(await board.locator('[data-recent] li').first().textContent()).toContain(before);
    expect(await board.locator('[data-waiting]').textContent()).toBe('0');
    // All without a reload: the page recovered by itself.
    expect(await board.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // And it is live again: the next call arrives by the stream.
    const third = await bookForWednesday(rt, 0, wednesdayAt('08:20'));
    const checked = await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', headers: { cookie: deskCookie, 'x-csrf-token': deskLogin.json().csrfToken }, payload: { code: third.code } });
    expect(checked.statusCode, checked.body).toBe(200);
    const after = await callNextAt(3, counter);
    await expect.poll(() => board.locator('[data-now-number]').textContent(), { timeout: 15_000 }).toBe(after);
  });

  it('recovers from a dropped network link and shows what was called meanwhile', { timeout: 90_000 }, async () => {
    const desk = await addStaff(rt, 'desk');
    const counter = await addStaff(rt, 'counter');
    const display = await addStaff(rt, 'display');
    const waiting = await bookForWednesday(rt, 0, wednesdayAt('08:30'));
    const deskLogin = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: desk });
    const deskCookie = `antrean_session=${deskLogin.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', headers: { cookie: deskCookie, 'x-csrf-token': deskLogin.json().csrfToken }, payload: { code: waiting.code } });
    const board = await browser.open({ viewport: FULL_HD });
    await logIn(board, `http://127.0.0.1:${port}`, display);
    // The page has loaded, but its stream may still be on its way: cut before the server holds
    // it, the link would come up behind the emulated outage and the board never miss it.
    await expect.poll(openStaffStreams).toBe(1);

    // The office's network drops: the open stream is cut and nothing gets through for a while.
    const cdp = await board.context().newCDPSession(board);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    rt.app.server.closeAllConnections();
    await expect.poll(() => board.locator('[data-connection]').isVisible(), { timeout: 15_000 }).toBe(true);
    const meanwhile = await callNextAt(4, counter);

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect.poll(() => board.locator('[data-connection]').isHidden(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => board.locator('[data-now-number]').textContent()).toBe(meanwhile);
    expect(await board.locator('[data-now-counter]').textContent()).toBe('Loket 4');
  });
});
