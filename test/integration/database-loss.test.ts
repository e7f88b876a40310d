import { describe, expect, it } from 'vitest';
import { POSTGRES } from '../support/dialects.js';
import { type Attempt, bookableSessions, bookingsInDatabase, outcomes, rush } from '../support/rush.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { openEventStream } from '../support/sse.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

// Bookings acknowledged before the database goes, answers seen while it is gone, and bookings
// acknowledged after it is back: each phase is long enough to mean something, short enough to be quick.
const ACCEPTED_BEFORE = 20;
const REFUSED_WHILE_GONE = 40;
const ACCEPTED_AFTER = 10;

/** Resolves once `check` holds, polling until the deadline. */
async function until(what: string, check: () => boolean | Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not before the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!POSTGRES)('PostgreSQL going away under load and coming back', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while it is gone, recovers by itself, and loses nothing acknowledged', { timeout: 180_000 }, async () => {
    const database = await POSTGRES!.freshDatabase();
    const direct = new URL(database.url);
    // The server reaches PostgreSQL only through the relay, its LISTEN connection included.
    const proxy: TcpProxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const relayed = new URL(database.url);
    relayed.port = String(proxy.port);
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess({
        DATABASE_URL: relayed.toString(),
        // A request waiting for a connection during the outage gives up soon, as in production.
        DATABASE_CONNECT_TIMEOUT_SECONDS: '5',
        BOOKING_RATE_LIMIT_PER_MINUTE: '100000',
        API_RATE_LIMIT_PER_MINUTE: '100000',
      });
      const base = server.url;
      const sessions = await bookableSessions(base, 3);
      const stream = await openEventStream(`${base}/api/v1/offices/kota-bogor/availability/events`, {});

      let phase: 'up' | 'gone' | 'back' = 'up';
      let refusedWhileGone = 0;
      let acceptedAfter = 0;
      const goneAnswers: Attempt[] = [];
      const rushing = rush({
        baseUrl: () => base,
        sessions,
        attempts: 20_000,
        concurrency: 12,
        onAnswer: (done) => {
          const last = done[done.length - 1]!;
          if (phase === 'up' && done.filter((a) => a.status === 201).length >= ACCEPTED_BEFORE) {
            phase = 'gone';
            proxy.cut();
          } else if (phase === 'gone') {
            goneAnswers.push(last);
            if (last.status === 503) refusedWhileGone++;
          } else if (phase === 'back' && last.status === 201) acceptedAfter++;
        },
        stopWhen: () => phase === 'back' && acceptedAfter >= ACCEPTED_AFTER,
      });

      await until('refusals while the database is gone', () => refusedWhileGone >= REFUSED_WHILE_GONE).catch((error: unknown) => {
        // What came back and what the server said (a crash shows here) make the failure readable.
        throw new Error(`${String(error)}: ${outcomes(goneAnswers)}\n${server!.output().slice(-3000)}`);
      });
      // Every refusal is the clean one: a code, and when to try again.
      const refusals = goneAnswers.filter((a) => a.status === 503);
      expect(refusals.every((a) => a.code === 'DATABASE_UNAVAILABLE' && Number(a.retryAfter) > 0), outcomes(goneAnswers)).toBe(true);
      // Requests already past their last statement may still complete; none fails any other way.
      expect(goneAnswers.every((a) => a.status === 503 || a.status === 201 || a.status === 409), outcomes(goneAnswers)).toBe(true);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, reasons: ['DATABASE_UNAVAILABLE'] });
      expect((await fetch(`${base}/healthz`)).status).toBe(503);

      proxy.restore();
      phase = 'back';
      const attempts = await rushing;
      expect(acceptedAfter, outcomes(attempts)).toBeGreaterThanOrEqual(ACCEPTED_AFTER);
      expect(attempts.every((a) => a.status === 201 || a.status === 409 || a.status === 503), outcomes(attempts)).toBe(true);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      // Nothing acknowledged is lost, no session went over its quota, no number was given twice.
      const held = await bookingsInDatabase(database.url);
      const acknowledged = attempts.flatMap((a) => (a.status === 201 && a.bookingCode ? [a.bookingCode] : []));
      expect(acknowledged.filter((code) => !held.codes.has(code))).toEqual([]);
      for (const s of sessions) expect(held.perSession.get(`${s.date}/${s.id}`) ?? 0).toBeLessThanOrEqual(s.capacity);
      expect(held.repeatedNumbers).toEqual([]);

      // The live events came back too: the LISTEN connection was reopened by itself.
      let citizen = 100_000;
      await until(
        'a live availability event after the outage',
        async () => {
          await rush({ baseUrl: () => base, sessions, attempts: 1, concurrency: 1, firstCitizen: citizen++ });
          return stream.next((e) => e.event === 'availability', 1_000).then(
            () => true,
            () => false,
          );
        },
        30_000,
      );
      stream.close();
    } finally {
      await server?.stop();
      await proxy.close();
      await database.drop();
    }
  });
});
