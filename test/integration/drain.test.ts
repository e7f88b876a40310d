import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { startTestRuntime } from '../support/test-runtime.js';

/** The first session a citizen could book right now, by the server's own clock. */
async function firstBookableSession(baseUrl: string): Promise<{ date: string; id: number }> {
  const res = await fetch(`${baseUrl}/api/v1/offices/kota-bogor/availability?days=30`);
  const { days } = (await res.json()) as { days: { date: string; sessions: { id: number; bookable: boolean }[] }[] };
  for (const day of days) {
    const s = day.sessions.find((x) => x.bookable);
    if (s) return { date: day.date, id: s.id };
  }
  throw new Error('no bookable session in the next 30 days');
}

/** Resolves with what `check` returns once it is not undefined, polling until the deadline. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, deadlineMs = 20_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not before the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a stopped server', () => {
  let server: ServerProcess | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    server = undefined;
    dir = undefined;
  });

  it('on SIGTERM ends its event streams, stops taking connections, finishes the request in flight and exits 0', { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'antrean-drain-'));
    server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'drain.sqlite')}`, DRAIN_TIMEOUT_SECONDS: '60' });
    const { port } = new URL(server.url);
    const session = await firstBookableSession(server.url);

    // A browser holding a live stream: it must be ended, not waited for.
    const stream = await fetch(`${server.url}/api/v1/offices/kota-bogor/availability/events`, { headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const streamEnded = (async () => {
      const reader = stream.body!.getReader();
      for (;;) if ((await reader.read()).done) return true;
    })().catch(() => false);

    // A booking in flight: its headers are in (the server says "100 Continue"), its body not yet.
    const body = JSON.stringify(bookingBody({ date: session.date, sessionId: session.id, nik: nikFor(7) }));
    const socket = connect(Number(port), '127.0.0.1');
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    let answer = '';
    socket.on('data', (chunk: string) => (answer += chunk));
    const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST /api/v1/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await waitFor('100 Continue', () => (answer.includes('100 Continue') ? true : undefined));

    server.kill('SIGTERM');
    expect(await streamEnded).toBe(true);
    // New connections are no longer taken (or, on a connection kept open, refused with 503).
    await waitFor('refusing new requests', async () => {
      try {
        const res = await fetch(`${server!.url}/readyz`);
        await res.body?.cancel();
        return res.status === 503 ? true : undefined;
      } catch {
        return true;
      }
    });

    socket.write(body);
    await socketClosed;
    const final = answer.slice(answer.lastIndexOf('HTTP/1.1 '));
    expect(final).toMatch(/^HTTP\/1\.1 201/);
    // The answer closes its connection, so the drain does not wait out keep-alive.
    expect(final).toMatch(/^connection: close\r$/im);
    expect(await server.exited).toBe(0);
  });
});

describe('a closing server and a connection that has not asked for anything', () => {
  it('closes it rather than waiting out its idle timeout (a browser opens one spare ahead of need)', async () => {
    const rt = await startTestRuntime(DIALECTS.find((d) => d.name === 'sqlite')!);
    const address = await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const spare = connect(Number(new URL(address).port), '127.0.0.1');
    spare.on('error', () => undefined);
    const spareClosed = new Promise<void>((resolve) => spare.on('close', () => resolve()));
    await waitFor('the server holding the connection', () =>
      new Promise<true | undefined>((resolve) => rt.app.server.getConnections((_error, n) => resolve(n === 1 ? true : undefined))),
    );
    // Without the fix the close waits for the socket's two-minute idle timeout: past the test's own.
    await rt.close();
    await spareClosed;
    expect(spare.destroyed).toBe(true);
  });
});
