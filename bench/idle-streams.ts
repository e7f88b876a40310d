/**
 * `npx tsx bench/idle-streams.ts`: do idle event streams stop bookings? Two servers on fresh
 * SQLite files, started alike; one holds STREAMS (2,000 by default) open availability streams
 * from loopback, the other none. Each takes the same booking load (distinct citizens over the
 * whole window); the table prints both, their ratio, and the memory the streams cost. Bounded:
 * BENCH_SECONDS (5) of load per server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { nikFor } from '../test/support/factories.js';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const STREAMS = Number(process.env.STREAMS ?? 2000);
const CONNECTIONS = 20;

function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Opens `count` availability streams over raw sockets; resolves with the open ones and the number refused. */
async function openStreams(base: string, count: number): Promise<{ open: Socket[]; refused: number }> {
  const { port } = new URL(base);
  const open: Socket[] = [];
  let refused = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.setEncoding('utf8');
      socket.on('error', () => resolve());
      socket.once('data', (chunk: string) => {
        if (chunk.startsWith('HTTP/1.1 200')) open.push(socket);
        else {
          refused++;
          socket.destroy();
        }
        resolve();
      });
      socket.write('GET /api/v1/offices/kota-bogor/availability/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
    });
  // In batches, as browsers would arrive, not all in one tick.
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, one));
  return { open, refused };
}

async function bookings(server: ServerProcess) {
  const slots = ((await (await fetch(`${server.url}/api/v1/offices/kota-bogor/availability?days=30`)).json()) as {
    days: { date: string; sessions: { id: number; bookable: boolean }[] }[];
  }).days.flatMap((d) => d.sessions.filter((s) => s.bookable).map((s) => ({ date: d.date, id: s.id })));
  let i = 0;
  const result = await autocannon({
    url: `${server.url}/api/v1/bookings`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const slot = slots[i % slots.length]!;
          const body = JSON.stringify({ office: 'kota-bogor', date: slot.date, sessionId: slot.id, service: 'KK', nik: nikFor(i), name: 'Warga Beban', phone: '081234567890' });
          i++;
          return { ...req, body };
        },
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, s2xx: result['2xx'], s4xx: result['4xx'], s5xx: result['5xx'], errors: result.errors };
}

async function run(streams: number) {
  const dir = mkdtempSync(join(tmpdir(), 'antrean-bench-streams-'));
  const server = await startServerProcess({
    DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
    BOOKING_RATE_LIMIT_PER_MINUTE: '10000000',
    API_RATE_LIMIT_PER_MINUTE: '10000000',
    // Every stream comes from loopback: the per-address cap would refuse all but the first few.
    STREAMS_PER_ADDRESS: String(Math.max(streams, 1)),
    STREAMS_MAX_PUBLIC: process.env.STREAMS_MAX_PUBLIC ?? String(Math.max(streams, 1)),
  });
  try {
    const rssBefore = rssOf(server.pid);
    const { open, refused } = await openStreams(server.url, streams);
    const rssStreams = rssOf(server.pid);
    const load = await bookings(server);
    const stillOpen = open.filter((s) => !s.destroyed).length;
    const rssAfter = rssOf(server.pid);
    for (const s of open) s.destroy();
    return { streams: open.length, refused, stillOpen, rssBefore, rssStreams, rssAfter, ...load };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const without = await run(0);
const withStreams = await run(STREAMS);
const f = (n: number) => n.toFixed(0);
console.log(`\nBookings with and without ${STREAMS} idle availability streams (SQLite, ${CONNECTIONS} connections, ${SECONDS} s each)\n`);
console.log('| server | streams open (refused) | bookings req/s | p99 ms | 2xx / 4xx / 5xx / errors | RSS idle → with streams → after load (MB) |');
console.log('|---|---|---|---|---|---|');
for (const [name, r] of [['no streams', without], [`${STREAMS} streams`, withStreams]] as const) {
  console.log(
    `| ${name} | ${r.streams} (${r.refused}), ${r.stillOpen} still open after | ${f(r.rps)} | ${f(r.p99)} | ${r.s2xx} / ${r.s4xx} / ${r.s5xx} / ${r.errors} | ${f(r.rssBefore)} → ${f(r.rssStreams)} → ${f(r.rssAfter)} |`,
  );
}
console.log(`\nratio bookings with streams / without: ${(withStreams.rps / without.rps).toFixed(2)}×`);
