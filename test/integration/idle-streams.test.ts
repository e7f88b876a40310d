import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookableSessions, outcomes, rush } from '../support/rush.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

// A few hundred here, to stay light in `npm test`; `npm run bench -- --only=streams` holds 2,000.
const STREAMS = 300;
const EVENTS = '/api/v1/offices/kota-bogor/availability/events';

/** An availability stream on a raw socket: what it received so far, and whether it is still open. */
interface RawStream {
  socket: Socket;
  text: () => string;
}

async function openRawStream(base: string): Promise<RawStream> {
  const socket = connect(Number(new URL(base).port), '127.0.0.1');
  socket.setEncoding('utf8');
  let text = '';
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => undefined);
  socket.write(`GET ${EVENTS} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAccept-Language: en\r\n\r\n`);
  const deadline = Date.now() + 30_000;
  while (!text.includes('\r\n\r\n')) {
    if (Date.now() > deadline || socket.destroyed) throw new Error(`stream did not answer: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { socket, text: () => text };
}

describe('idle event streams', () => {
  it(`${STREAMS} open streams do not stop a booking rush, and the one past the cap is refused with 503 TOO_MANY_STREAMS`, { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antrean-streams-'));
    let server: ServerProcess | undefined;
    const streams: RawStream[] = [];
    try {
      server = await startServerProcess({
        DATABASE_URL: `file:${join(dir, 'streams.sqlite')}`,
        BOOKING_RATE_LIMIT_PER_MINUTE: '100000',
        API_RATE_LIMIT_PER_MINUTE: '100000',
        // All of them come from loopback: the per-address cap is lifted to reach the process's.
        STREAMS_PER_ADDRESS: '100000',
        STREAMS_MAX_PUBLIC: String(STREAMS),
      });
      const base = server.url;
      const sessions = await bookableSessions(base, 3);
      for (let i = 0; i < STREAMS; i += 50) streams.push(...(await Promise.all(Array.from({ length: 50 }, () => openRawStream(base)))));
      expect(streams.every((s) => s.text().startsWith('HTTP/1.1 200'))).toBe(true);

      const refused = await fetch(`${base}${EVENTS}`, { headers: { 'accept-language': 'en' } });
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_STREAMS');

      const attempts = await rush({ baseUrl: () => base, sessions, attempts: 200, concurrency: 20 });
      const places = sessions.reduce((n, s) => n + s.capacity, 0);
      expect(attempts.filter((a) => a.status === 201), outcomes(attempts)).toHaveLength(places);
      expect(attempts.every((a) => a.status === 201 || (a.status === 409 && a.code === 'SESSION_FULL')), outcomes(attempts)).toBe(true);

      // The streams are still open and were told of the changes.
      expect(streams.filter((s) => s.socket.destroyed)).toHaveLength(0);
      const deadline = Date.now() + 30_000;
      while (!streams.every((s) => s.text().includes('event: availability'))) {
        if (Date.now() > deadline) throw new Error('not every stream heard of the bookings');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      for (const s of streams) s.socket.destroy();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
