/**
 * `npm run bench`: load scenarios against a real server process on loopback, each printed as a
 * ratio to a baseline measured in the same run (GET /healthz on the same server), so a noisy
 * machine moves both sides alike. Bounded: a few seconds per scenario, loopback only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { nikFor } from '../test/support/factories.js';
import { startServerProcess } from '../test/support/server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

interface Outcome {
  rps: number;
  p99: number;
  statuses: Record<string, number>;
}

async function load(opts: autocannon.Options): Promise<Outcome> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  const statuses: Record<string, number> = {};
  for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx'] as const) statuses[key] = result[key];
  return { rps: result.requests.average, p99: result.latency.p99, statuses };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'antrean-bench-'));
  const server = await startServerProcess({
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${join(dir, 'bench.sqlite')}`,
    BOOKING_RATE_LIMIT_PER_MINUTE: '10000000',
    API_RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
  });
  try {
    const idleRss = rssOf(server.pid);
    const baseline = await load({ url: `${server.url}/healthz` });
    const availability = await load({ url: `${server.url}/api/v1/offices/kota-bogor/availability?days=14` });

    const days = ((await (await fetch(`${server.url}/api/v1/offices/kota-bogor/availability?days=30`)).json()) as {
      days: { date: string; sessions: { id: number; bookable: boolean }[] }[];
    }).days.flatMap((d) => d.sessions.filter((s) => s.bookable).map((s) => ({ date: d.date, id: s.id })));
    let i = 0;
    const booking = await load({
      url: `${server.url}/api/v1/bookings`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            const slot = days[i % days.length]!;
            const body = JSON.stringify({ office: 'kota-bogor', date: slot.date, sessionId: slot.id, service: 'KK', nik: nikFor(i), name: 'Warga Beban', phone: '081234567890' });
            i++;
            return { ...req, body };
          },
        },
      ],
    });
    const loadedRss = rssOf(server.pid);

    const ratio = (x: number) => (x / baseline.rps).toFixed(3);
    console.log(`baseline GET /healthz: ${baseline.rps.toFixed(0)} req/s (p99 ${baseline.p99} ms), ${CONNECTIONS} connections, ${SECONDS} s`);
    console.log(`availability (14 days) / baseline: ${ratio(availability.rps)}  (p99 ${availability.p99} ms, ${JSON.stringify(availability.statuses)})`);
    console.log(`booking POST / baseline:           ${ratio(booking.rps)}  (p99 ${booking.p99} ms, ${JSON.stringify(booking.statuses)}; 4xx are full sessions once the quota is gone)`);
    console.log(`memory: RSS idle ${idleRss.toFixed(0)} MiB, after load ${loadedRss.toFixed(0)} MiB, ratio ${(loadedRss / idleRss).toFixed(2)}`);
    if (availability.statuses['5xx'] || booking.statuses['5xx'] || baseline.statuses['5xx']) {
      console.error('server errors under load');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
