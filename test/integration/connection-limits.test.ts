import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { HttpOptions } from '../../src/http/build-app.js';
import { DIALECTS } from '../support/dialects.js';
import { logInStaff } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const AVAILABILITY_EVENTS = '/api/v1/offices/kota-bogor/availability/events';
const DISPLAY_EVENTS = '/api/v1/offices/kota-bogor/display/events';
const SQLITE = DIALECTS[0]!;

/** An app listening on 127.0.0.1 with these HTTP settings, and its base URL. */
async function listening(http: Partial<HttpOptions>): Promise<{ rt: TestRuntime; base: string }> {
  const rt = await startTestRuntime(SQLITE, { http });
  await rt.app.listen({ port: 0, host: '127.0.0.1' });
  const address = rt.app.server.address();
  return { rt, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** An open event stream: its answer, the text read so far, and a promise of its end. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  let text = '';
  const ended =
    res.ok && res.body
      ? (async () => {
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return 'ended' as const;
              text += value;
            }
          } catch {
            return 'aborted' as const;
          }
        })()
      : Promise.resolve('refused' as const);
  return { res, ended, text: () => text, close: () => controller.abort() };
}

/** Polls `check` until it holds or the deadline passes. */
async function eventually(check: () => Promise<boolean>, deadlineMs = 15_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('connection limits', () => {
  let rt: TestRuntime | undefined;
  const streams: { close(): void }[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await rt?.close();
    rt = undefined;
  });

  it('refuses an address its next availability stream past the per-address cap with 503, a code and Retry-After', async () => {
    const server = await listening({ streamsPerAddress: 2 });
    rt = server.rt;
    for (let i = 0; i < 2; i++) {
      const s = await openStream(`${server.base}${AVAILABILITY_EVENTS}`);
      streams.push(s);
      expect(s.res.status).toBe(200);
    }
    const refused = await fetch(`${server.base}${AVAILABILITY_EVENTS}`, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_MANY_STREAMS');
    expect(body.error.message).toBeTruthy();

    // A closed stream gives its place back.
    streams.pop()!.close();
    await eventually(async () => {
      const again = await openStream(`${server.base}${AVAILABILITY_EVENTS}`);
      streams.push(again);
      if (again.res.status !== 200) await again.res.body?.cancel();
      return again.res.status === 200;
    });
  });

  it('refuses streams past the per-process cap, and caps the staff display streams too', async () => {
    const server = await listening({ streamsPerAddress: 10, maxPublicStreams: 1, maxStaffStreams: 1 });
    rt = server.rt;
    const first = await openStream(`${server.base}${AVAILABILITY_EVENTS}`);
    streams.push(first);
    expect(first.res.status).toBe(200);
    expect((await fetch(`${server.base}${AVAILABILITY_EVENTS}`)).status).toBe(503);

    const display = await logInStaff(rt, 'display');
    const board = await openStream(`${server.base}${DISPLAY_EVENTS}`, { cookie: display.cookie });
    streams.push(board);
    expect(board.res.status).toBe(200);
    const second = await fetch(`${server.base}${DISPLAY_EVENTS}`, { headers: { cookie: display.cookie } });
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_STREAMS');
  });

  it('ends a stream after its lifetime, having told the browser when to reconnect', async () => {
    const server = await listening({ streamLifetimeMs: 200 });
    rt = server.rt;
    const s = await openStream(`${server.base}${AVAILABILITY_EVENTS}`);
    streams.push(s);
    expect(s.res.status).toBe(200);
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    expect(await Promise.race([s.ended, deadline])).toBe('ended');
    expect(s.text()).toMatch(/^retry: \d+$/m);
  });

  it('cuts off a request whose body never finishes arriving', async () => {
    const server = await listening({ requestTimeoutMs: 300, headersTimeoutMs: 200 });
    rt = server.rt;
    const { port } = new URL(server.base);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    socket.on('error', () => undefined);
    socket.write(
      'POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a',
    );
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    const outcome = await Promise.race([closed, deadline]);
    socket.destroy();
    expect(outcome).toBe('closed');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a request whose headers never finish arriving', async () => {
    const server = await listening({ requestTimeoutMs: 300, headersTimeoutMs: 200 });
    rt = server.rt;
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    // Read the answer, or the socket never sees the server's end.
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    const outcome = await Promise.race([closed, deadline]);
    socket.destroy();
    expect(outcome).toBe('closed');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('warns at start when the open-file limit cannot hold the event streams allowed', () => {
    expect(loadConfig({ STREAMS_MAX_PUBLIC: '2000' }).warnings.join(' ')).not.toMatch(/open-file limit/);
    const tooMany = loadConfig({ STREAMS_MAX_PUBLIC: '100000000' });
    if (process.platform === 'linux') expect(tooMany.warnings.join(' ')).toMatch(/open-file limit \(\d+\)/);
  });

  it('cuts off a client that sends its headers a byte at a time, however steadily (slowloris)', async () => {
    const server = await listening({ requestTimeoutMs: 400, headersTimeoutMs: 300 });
    rt = server.rt;
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.resume();
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    // A byte every few milliseconds: never silent long enough for an idle timeout to catch it.
    const drip = setInterval(() => socket.writable && socket.write('a'), 10);
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    const outcome = await Promise.race([closed, deadline]);
    clearInterval(drip);
    socket.destroy();
    expect(outcome).toBe('closed');
  });

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const server = await listening({ keepAliveTimeoutMs: 200 });
    rt = server.rt;
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    const outcome = await Promise.race([closed, deadline]);
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(outcome).toBe('closed');
  });

  it('closes a connection that never sends a request', async () => {
    const server = await listening({ requestTimeoutMs: 400, headersTimeoutMs: 300 });
    rt = server.rt;
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.resume();
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), 10_000).unref());
    const outcome = await Promise.race([closed, deadline]);
    socket.destroy();
    expect(outcome).toBe('closed');
  });
});

describe('TRUST_PROXY', () => {
  let rt: TestRuntime | undefined;
  const streams: { close(): void }[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await rt?.close();
    rt = undefined;
  });

  it('with one trusted hop takes the address the proxy saw, not a spoofed leftmost X-Forwarded-For', async () => {
    const config = loadConfig({ TRUST_PROXY: '1' });
    expect(config.trustProxy).toBe(true);
    const server = await listening({ trustProxy: config.trustProxy, trustedProxies: config.trustedProxies, streamsPerAddress: 1 });
    rt = server.rt;
    const url = `${server.base}${AVAILABILITY_EVENTS}`;
    // nginx appends the address it saw; the client made up the one before it.
    const first = await openStream(url, { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    streams.push(first);
    expect(first.res.status).toBe(200);
    const spoofed = await fetch(url, { headers: { 'x-forwarded-for': '7.7.7.7, 203.0.113.9' } });
    expect(spoofed.status).toBe(503);
    const other = await openStream(url, { 'x-forwarded-for': '203.0.113.10' });
    streams.push(other);
    expect(other.res.status).toBe(200);
  });

  it('reads hop counts, address lists and the old true, and refuses nonsense', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' })).toMatchObject({ trustProxy: true, trustedProxies: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' })).toMatchObject({ trustProxy: true, trustedProxies: ['10.0.0.0/8', '127.0.0.1'] });
    expect(loadConfig({ TRUST_PROXY: 'loopback,::1/128' })).toMatchObject({ trustProxy: true, trustedProxies: ['loopback', '::1/128'] });
    const legacy = loadConfig({ TRUST_PROXY: 'true' });
    expect(legacy).toMatchObject({ trustProxy: true, trustedProxies: 1 });
    expect(legacy.warnings.join(' ')).toMatch(/TRUST_PROXY/);
    for (const bad of ['yes', '0', '10.0.0.0/99', 'example.com']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('marks session cookies Secure and sends HSTS whenever a proxy is trusted', async () => {
    const config = loadConfig({ TRUST_PROXY: '10.0.0.0/8' });
    rt = await startTestRuntime(SQLITE, { http: { trustProxy: config.trustProxy, trustedProxies: config.trustedProxies } });
    const res = await rt.app.inject({ url: '/staff/login', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.headers['strict-transport-security']).toBeTruthy();
    const lang = await rt.app.inject({ url: '/?lang=en', remoteAddress: '10.1.2.3' });
    expect(String(lang.headers['set-cookie'])).toMatch(/Secure/);
  });
});
