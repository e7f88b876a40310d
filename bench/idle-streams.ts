/**
 * `npx tsx bench/idle-streams.ts`: do idle event streams stop bookings? Two servers on fresh
 * SQLite files, started alike and made the bench office of `npm run bench` (room for every
 * booking, the monthly limits per NIK and per number as a new office has them); one holds
 * STREAMS (2,000 by default) open availability streams from loopback, the other none. Each takes
 * the same booking load (distinct citizens, each with a number of their own, over the whole
 * window), so every stream hears of the bookings as a phone's page would. The table prints both,
 * their ratio, how many streams heard a change during the load and the memory the streams cost.
 * It exits non-zero if the load was not mostly bookings (a limit or a full office would measure
 * refusals instead) or any answer was a 5xx. Bounded: BENCH_SECONDS (5) of load per server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { bookableSlots, configureOffice, nikFor, OFFICE, phoneFor, type Slot, startAntrean } from './bench-office.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const STREAMS = Number(process.env.STREAMS ?? 2000);
const CONNECTIONS = 20;

function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** A stream held open: its socket and the change events it has heard. */
interface Stream {
  socket: Socket;
  events: number;
}

/** Opens `count` availability streams over raw sockets; resolves with the open ones and the number refused. */
async function openStreams(base: string, count: number): Promise<{ open: Stream[]; refused: number }> {
  const { port } = new URL(base);
  const open: Stream[] = [];
  let refused = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.setEncoding('utf8');
      socket.on('error', () => resolve());
      socket.once('data', (chunk: string) => {
        if (chunk.startsWith('HTTP/1.1 200')) {
          const stream = { socket, events: 0 };
          open.push(stream);
          // Events only, not the heartbeat comments: a chunk may hold several.
          socket.on('data', (more: string) => (stream.events += more.split('\nevent: ').length - 1));
        } else {
          refused++;
          socket.destroy();
        }
        resolve();
      });
      socket.write(`GET /api/v1/offices/${OFFICE}/availability/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
    });
  // In batches, as browsers would arrive, not all in one tick.
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, one));
  return { open, refused };
}

async function bookings(url: string, slots: Slot[]) {
  let i = 0;
  const result = await autocannon({
    url: `${url}/api/v1/bookings`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const slot = slots[i % slots.length]!;
          const body = JSON.stringify({ office: OFFICE, date: slot.date, sessionId: slot.id, service: 'KK', nik: nikFor(i), name: 'Warga Beban', phone: phoneFor(i) });
          i++;
          return { ...req, body };
        },
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total, s2xx: result['2xx'], s4xx: result['4xx'], s5xx: result['5xx'], errors: result.errors };
}

async function run(streams: number) {
  const dir = mkdtempSync(join(tmpdir(), 'antrean-bench-streams-'));
  const server = await startAntrean(`file:${join(dir, 'bench.sqlite')}`, {
    // Every stream comes from loopback: the per-address cap would refuse all but the first few.
    STREAMS_PER_ADDRESS: String(Math.max(streams, 1)),
    STREAMS_MAX_PUBLIC: process.env.STREAMS_MAX_PUBLIC ?? String(Math.max(streams, 1)),
  });
  try {
    const { rushDates } = await configureOffice(server.url);
    const slots = await bookableSlots(server.url, rushDates);
    const rssBefore = rssOf(server.pid);
    const { open, refused } = await openStreams(server.url, streams);
    const rssStreams = rssOf(server.pid);
    const heardBefore = open.map((s) => s.events);
    const load = await bookings(server.url, slots);
    // The last quarter second's changes are sent at the end of their batch.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heard = open.filter((s, k) => s.events > heardBefore[k]!).length;
    const stillOpen = open.filter((s) => !s.socket.destroyed).length;
    const rssAfter = rssOf(server.pid);
    for (const s of open) s.socket.destroy();
    return { streams: open.length, refused, stillOpen, heard, rssBefore, rssStreams, rssAfter, ...load };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const without = await run(0);
const withStreams = await run(STREAMS);
const f = (n: number) => n.toFixed(0);
console.log(`\nBookings with and without ${STREAMS} idle availability streams (SQLite, ${CONNECTIONS} connections, ${SECONDS} s each)\n`);
console.log('| server | streams open (refused) | bookings req/s | p99 ms | 2xx / 4xx / 5xx / errors | streams that heard the bookings | RSS idle → with streams → after load (MB) |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, r] of [['no streams', without], [`${STREAMS} streams`, withStreams]] as const) {
  console.log(
    `| ${name} | ${r.streams} (${r.refused}), ${r.stillOpen} still open after | ${f(r.rps)} | ${f(r.p99)} | ${r.s2xx} / ${r.s4xx} / ${r.s5xx} / ${r.errors} | ${r.heard} of ${r.streams} | ${f(r.rssBefore)} → ${f(r.rssStreams)} → ${f(r.rssAfter)} |`,
  );
}
console.log(`\nratio bookings with streams / without: ${(withStreams.rps / without.rps).toFixed(2)}×`);
// A load of refusals (a limit reached, the office full) or of errors would measure the wrong thing.
const problems = [without, withStreams].flatMap((r) => [
  ...(r.s2xx < 0.95 * r.total ? [`only ${r.s2xx} of ${r.total} answers were bookings`] : []),
  ...(r.s5xx > 0 || r.errors > 0 ? [`${r.s5xx} answers were 5xx and ${r.errors} requests failed`] : []),
  ...(r.streams > 0 && r.stillOpen < r.streams ? [`${r.streams - r.stillOpen} streams were closed during the load`] : []),
]);
for (const p of problems) console.error(`FAILED: ${p}`);
if (problems.length > 0) process.exitCode = 1;
