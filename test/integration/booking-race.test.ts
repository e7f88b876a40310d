import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const REQUESTS = 500;

/** The first session a citizen could book right now, by the server's own clock. */
async function firstBookableSession(baseUrl: string): Promise<{ date: string; id: number; capacity: number }> {
  const res = await fetch(`${baseUrl}/api/v1/offices/kota-bogor/availability?days=30`);
  const { days } = (await res.json()) as { days: { date: string; sessions: { id: number; capacity: number; bookable: boolean }[] }[] };
  for (const day of days) {
    const s = day.sessions.find((x) => x.bookable);
    if (s) return { date: day.date, id: s.id, capacity: s.capacity };
  }
  throw new Error('no bookable session in the next 30 days');
}

/** A booking answer as far as this test reads it; an empty one when the body was not JSON. */
interface Answer {
  booking?: { queueNumber: string };
  error?: { code: string };
}

function parseAnswer(text: string): Answer {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return {};
  }
}

/** How many responses came back with each status and error code. */
function countOutcomes(responses: { status: string; body: Answer }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.body.error ? `${r.status} ${r.body.error.code}` : r.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each(DIALECTS)('the quota under a race on $name', (dialect) => {
  it(`accepts exactly the quota of ${REQUESTS} concurrent bookings for one session`, { timeout: 120_000 }, async () => {
    const database = await dialect.freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'antrean-race-'));
    const url = dialect.name === 'sqlite' ? `file:${join(dir, 'race.sqlite')}` : database.url;
    const env = { DATABASE_URL: url, BOOKING_RATE_LIMIT_PER_MINUTE: '100000', API_RATE_LIMIT_PER_MINUTE: '100000' };
    const servers: ServerProcess[] = [];
    try {
      // PostgreSQL is the multi-process engine: prove it with two processes sharing the database.
      servers.push(await startServerProcess(env));
      if (dialect.name === 'postgres') servers.push(await startServerProcess(env));
      const session = await firstBookableSession(servers[0]!.url);
      expect(session.capacity).toBe(40);

      const responses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const server = servers[i % servers.length]!;
          try {
            const res = await fetch(`${server.url}/api/v1/bookings`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              // One phone per citizen: the office's monthly limit per phone number (4) is not what is raced here.
              body: JSON.stringify(bookingBody({ date: session.date, sessionId: session.id, nik: nikFor(i), phone: `0813${String(10_000_000 + i)}` })),
            });
            const text = await res.text();
            return { status: String(res.status), body: parseAnswer(text) };
          } catch (error) {
            // A dropped connection is counted with the rest, so a failure shows every outcome.
            return { status: `no answer (${error instanceof Error ? error.message : String(error)})`, body: {} };
          }
        }),
      );

      // What came back, e.g. {"201": 40, "409 SESSION_FULL": 460}: the failure message of every check below.
      const outcomes = JSON.stringify(countOutcomes(responses));
      const accepted = responses.filter((r) => r.status === '201');
      const refused = responses.filter((r) => r.status === '409');
      expect(accepted, outcomes).toHaveLength(40);
      expect(refused, outcomes).toHaveLength(REQUESTS - 40);
      expect(refused.every((r) => r.body.error?.code === 'SESSION_FULL'), outcomes).toBe(true);
      // Every accepted booking got its own number.
      expect(new Set(accepted.map((r) => r.body.booking?.queueNumber)).size).toBe(40);

      const after = await fetch(`${servers[1 % servers.length]!.url}/api/v1/offices/kota-bogor/availability?from=${session.date}&days=1`);
      const day = ((await after.json()) as { days: { sessions: { id: number; remaining: number }[] }[] }).days[0]!;
      expect(day.sessions.find((s) => s.id === session.id)?.remaining).toBe(0);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
