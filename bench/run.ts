/**
 * `npm run bench`: Antrean under load beside bare floors measured in the same run, printed as
 * one table of figures and ratios, so a noisy (shared) machine moves both sides alike. Every
 * server runs in its own process on loopback; every load is bounded in time or count.
 *
 *   npm run bench                          everything (a few minutes)
 *   npm run bench -- --only=booking,rush   a subset: floors are measured when a ratio needs them
 *
 * Scenarios: floors (hello-world, bare booking on better-sqlite3 and pg), booking (distinct
 * citizens over many sessions), availability (quiet and during a booking rush), rush (20,000
 * attempts at 200 places: exactly 200 accepted), pages (ticket page, booking form page),
 * growth (1,000,000 earlier bookings, with the query plans of the hot queries), streams (bookings
 * beside 2,000 open availability streams that hear them, against none), pg (two processes on one
 * PostgreSQL database).
 *
 * Environment: BENCH_SECONDS (per measurement, default 5), BENCH_CONNECTIONS (default 50),
 * BENCH_STREAMS (the streams scenario's open streams, default 2,000),
 * BENCH_SERVER_NODE_OPTIONS (NODE_OPTIONS of the Antrean servers, e.g. `--max-old-space-size=256`;
 * Node refuses `--cpu-prof` there: to profile, start `node --cpu-prof dist/server.js` by hand with
 * SERVER_ENV of bench/bench-office.ts and load it with autocannon, then stop it with SIGTERM so the profile is written),
 * BENCH_PG_URL (an admin connection to PostgreSQL, default postgres://postgres@127.0.0.1:5432/postgres;
 * the pg scenario makes its own database and drops it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildIfStale } from '../scripts/build.mjs';
import { ACTIVE_STATUSES } from '../src/domain/ticket-status.js';
import { availableDays, bookableSlots, configureOffice, nikFor, OFFICE, phoneFor, RUSH_PLACES, type Slot, startAntrean } from './bench-office.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUSH_ATTEMPTS = 20_000;
const GROWTH_ROWS = 1_000_000;
/** What a phone's browser sends: every real availability request asks for a compressed answer. */
const PHONE_ACCEPT_ENCODING = 'gzip, deflate, br';

const SCENARIOS = ['booking', 'availability', 'rush', 'pages', 'growth', 'streams', 'pg'] as const;
type Scenario = (typeof SCENARIOS)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = new Set<Scenario>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Scenario[]) : SCENARIOS);
for (const s of only) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; one of ${SCENARIOS.join(', ')}`);

// ---------------------------------------------------------------------------------------------
// Load and measurement

interface Outcome {
  rps: number;
  p50: number;
  p99: number;
  /**
   * The p99 of the answers after each connection's first. A first answer includes the wait for
   * the server to accept the connection: libuv accepts one connection per turn of the event
   * loop, so autocannon's fifty new connections to a busy server wait seconds in the accept
   * queue, and the p99 reads that wait rather than the requests'.
   */
  p99Connected: number;
  total: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  /**
   * CPU time (user + system) the measured server processes spent per answer, in µs, when the
   * load was measured with `onServers`. Steadier than req/s on a noisy machine: the load
   * generator's share of the cores does not move it.
   */
  cpuPerAnswer?: number;
}

/** CPU time (user + system) of a process so far, in µs, from /proc (0 where there is none). */
function cpuOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces), from the state: utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every usual build. */
const CLOCK_TICKS = 100;

/** Runs a load and adds the CPU the given server processes spent per answer. */
async function onServers(pids: number[], run: () => Promise<Outcome>): Promise<Outcome> {
  const cpu = () => pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
  const before = cpu();
  const outcome = await run();
  const spent = cpu() - before;
  return spent > 0 && outcome.total > 0 ? { ...outcome, cpuPerAnswer: spent / outcome.total } : outcome;
}

async function load(opts: autocannon.Options): Promise<Outcome> {
  // A count-bounded load (the rush) runs until its requests are answered, with no time bound.
  const connected: number[] = [];
  const answered = new WeakSet<object>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts.amount ? { connections: CONNECTIONS, ...opts } : { connections: CONNECTIONS, duration: SECONDS, ...opts }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (client: object, _status: number, _bytes: number, responseTime: number) => {
      if (answered.has(client)) connected.push(responseTime);
      else answered.add(client);
    });
  });
  const statuses: Record<string, number> = {};
  for (const key of ['2xx', '3xx', '4xx', '5xx'] as const) if (result[key]) statuses[key] = result[key];
  if (result.errors) statuses.errors = result.errors;
  if (result.timeouts) statuses.timeouts = result.timeouts;
  const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  // autocannon averages whole seconds: 20,000 answers over 6.2 s would read 3,333 a second (over 6
  // buckets), so a load bounded by count is divided by its real duration.
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  connected.sort((a, b) => a - b);
  return {
    rps: opts.amount && seconds > 0 ? result.requests.total / seconds : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p99Connected: connected.length > 0 ? Math.round(connected[Math.min(connected.length - 1, Math.floor(connected.length * 0.99))]!) : result.latency.p99,
    total: result.requests.total,
    statuses,
    codes: Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, v.count])),
  };
}

/** POSTs JSON to `path`, the i-th request of the load carrying `bodyOf(i)`. */
function postLoad(urls: string | string[], path: string, bodyOf: (i: number) => object, opts: Partial<autocannon.Options> = {}): Promise<Outcome> {
  let i = 0;
  return load({
    url: urls as string,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ path, setupRequest: (req) => ({ ...req, body: JSON.stringify(bodyOf(i++)) }) }],
    ...opts,
  });
}

/** POSTs bookings of distinct citizens (from `nikBase`) round the slots. */
function bookingLoad(urls: string | string[], slots: Slot[], nikBase: number, opts: Partial<autocannon.Options> = {}): Promise<Outcome> {
  return postLoad(
    urls,
    '/api/v1/bookings',
    (i) => {
      const slot = slots[i % slots.length]!;
      return { office: OFFICE, date: slot.date, sessionId: slot.id, service: 'KK', nik: nikFor(nikBase + i), name: 'Warga Beban', phone: phoneFor(nikBase + i) };
    },
    opts,
  );
}

/** POSTs to a floor's /book, spread over its slots, each attempt a new NIK. */
function floorLoad(urls: string | string[], nikBase: number): Promise<Outcome> {
  return postLoad(urls, '/book', (i) => ({ slot: 1 + (i % 1000), nik: `${nikBase}-${i}` }));
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

interface Floor {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startFloor(kind: 'hello' | 'sqlite' | 'pg', database = ''): Promise<Floor> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', kind, database], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`floor ${kind} did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr?.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => reject(new Error(`floor ${kind} exited ${code}:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        // Ended already (by itself or by a signal, as after an earlier stop): 'exit' will not come again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The table

interface Row {
  path: string;
  figure: string;
  floor: string;
  ratio: string;
}
const rows: Row[] = [];
const notes: string[] = [];
let failed = false;

function fig(o: Outcome): string {
  const other = Object.entries(o.codes)
    .filter(([code]) => code !== '200' && code !== '201')
    .map(([code, n]) => `${n}×${code}`)
    .join(' ');
  // The p99 once connected is shown where the accept queue made a difference (see Outcome).
  const connectedP99 = o.p99 > 2 * o.p99Connected + 10 ? ` (${o.p99Connected} ms once connected)` : '';
  const cpu = o.cpuPerAnswer === undefined ? '' : `, ${o.cpuPerAnswer.toFixed(0)} µs of server CPU each`;
  return `${o.rps.toFixed(0)} req/s, p99 ${o.p99} ms${connectedP99}${other ? ` (${other})` : ''}${cpu}`;
}

function ratio(x: number, floor: number | undefined): string {
  return floor ? `**${(x / floor).toFixed(2)}×**` : '';
}

function check(what: string, ok: boolean): void {
  if (!ok) {
    failed = true;
    notes.push(`FAILED: ${what}`);
  }
}

function noServerErrors(what: string, o: Outcome): void {
  check(`${what}: no 5xx (${JSON.stringify(o.statuses)})`, !o.statuses['5xx'] && !o.statuses.errors);
}

// ---------------------------------------------------------------------------------------------
// Growth: a database with 1,000,000 earlier bookings, built once per schema and kept

function schemaVersion(): string {
  const names = readdirSync(join(ROOT, 'src/db/migrations')).sort().join(',');
  // The second part changes with how the database is built (now: without statistics).
  return createHash('sha256').update(`${names}|no-analyze`).digest('hex').slice(0, 12);
}

/**
 * A file database with GROWTH_ROWS finished bookings over the past two years, cached in the
 * temp dir by schema version. Made by the server itself (migrations, seed, one real booking
 * whose sealed NIK and phone the clones reuse), then filled by a direct bulk insert.
 */
async function growthDatabase(): Promise<string> {
  const cacheDir = join(tmpdir(), 'antrean-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `growth-${schemaVersion()}-${GROWTH_ROWS}.sqlite`);
  if (existsSync(file)) return file;
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const started = Date.now();
  const server = await startAntrean(`file:${building}`);
  try {
    const { rushDates } = await configureOffice(server.url);
    const [slot] = await bookableSlots(server.url, rushDates);
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ office: OFFICE, date: slot!.date, sessionId: slot!.id, service: 'KK', nik: nikFor(900_000_000), name: 'Warga Lama', phone: '081234567890' }),
    });
    if (res.status !== 201) throw new Error(`growth seed booking: ${res.status} ${await res.text()}`);
  } finally {
    await server.stop();
  }
  const db = new SQLite(building);
  db.pragma('journal_mode = WAL');
  const model = db.prepare('SELECT * FROM bookings LIMIT 1').get() as Record<string, unknown>;
  const columns = Object.keys(model).filter((c) => c !== 'id');
  const insert = db.prepare(`INSERT INTO bookings (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const today = Date.now();
  const statuses = ['done', 'done', 'done', 'no_show', 'cancelled'];
  db.transaction(() => {
    for (let i = 0; i < GROWTH_ROWS; i++) {
      const date = new Date(today - (2 + (i % 730)) * 86_400_000).toISOString().slice(0, 10);
      insert.run({
        ...model,
        code: `G${i.toString(36).toUpperCase().padStart(7, '0')}`,
        date,
        status: statuses[i % statuses.length],
        // Unique per office and date: the dates go round, the number grows once per round.
        queue_number: `A${String(1 + Math.floor(i / 730)).padStart(4, '0')}`,
        nik_hmac: createHash('sha256').update(`growth-${i}`).digest('hex'),
        created_at: `${date}T01:00:00.000Z`,
        updated_at: `${date}T09:00:00.000Z`,
        // Past the retention period, as the purger would have left them: nothing for it to do at start.
        personal_data_erased_at: `${date}T23:00:00.000Z`,
      });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  // No ANALYZE: Antrean never runs it, so SQLite plans its queries from the schema alone, and
  // the grown database must make it plan as a real office's database does.
  db.close();
  renameSync(building, file);
  notes.push(`growth database built in ${((Date.now() - started) / 1000).toFixed(0)} s (${file}, kept for later runs)`);
  return file;
}

/** EXPLAIN QUERY PLAN of the statements a booking, an availability read and the day closer run against bookings. */
function hotQueryPlans(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  // The statuses the app's queries count as active, so the plans printed are of the queries it runs.
  const active = `(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const queries: [string, string, unknown[]][] = [
    ['availability: active per session over the window', `SELECT date, session_id, count(*) FROM bookings WHERE office_id = ? AND date >= ? AND date <= ? AND status IN ${active} GROUP BY date, session_id`, [1, '2030-01-01', '2030-01-14']],
    ['booking: active in the session (quota)', `SELECT count(*) FROM bookings WHERE office_id = ? AND session_id = ? AND date = ? AND status IN ${active}`, [1, 1, '2030-01-01']],
    ['booking: the NIK already active', `SELECT id FROM bookings WHERE office_id = ? AND nik_hmac = ? AND status IN ${active}`, [1, 'x']],
    ['booking: the NIK stale', `SELECT id, status FROM bookings WHERE office_id = ? AND nik_hmac = ? AND date < ? AND status IN ${active}`, [1, 'x', '2030-01-01']],
    ['booking: code', `SELECT id FROM bookings WHERE code = ?`, ['X']],
    ['booking: the NIK\'s online bookings this month (limit)', `SELECT count(*) FROM bookings WHERE office_id = ? AND nik_hmac = ? AND channel = 'online' AND status != 'cancelled' AND created_at >= ? AND created_at < ?`, [1, 'x', '2030-01-01', '2030-02-01']],
    ['booking: the number\'s online bookings this month (limit)', `SELECT count(*) FROM bookings WHERE office_id = ? AND phone_hmac = ? AND channel = 'online' AND status != 'cancelled' AND created_at >= ? AND created_at < ?`, [1, 'x', '2030-01-01', '2030-02-01']],
    ['day closer: active bookings of past days', `SELECT id, status FROM bookings WHERE office_id = ? AND status IN ${active} AND date < ?`, [1, '2030-01-01']],
  ];
  const out: string[] = [];
  for (const [name, sql, params] of queries) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    out.push(`- ${name}: ${plan.map((p) => p.detail).join('; ')}`);
  }
  db.close();
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  // Antrean runs as `npm start` runs it: from dist/, built first when older than src/.
  await buildIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'antrean-bench-'));
  const stops: (() => Promise<void>)[] = [];
  const started = Date.now();
  try {
    const needSqlite = ['booking', 'availability', 'rush', 'pages', 'growth'].some((s) => only.has(s as Scenario));
    let hello: Outcome | undefined;
    if (needSqlite || only.has('pg')) {
      const floor = await startFloor('hello');
      hello = await onServers([floor.pid], () => load({ url: `${floor.url}/` }));
      await floor.stop();
      rows.push({ path: 'floor: Fastify hello-world', figure: fig(hello), floor: '', ratio: '' });
    }
    let sqliteFloor: Outcome | undefined;
    if (only.has('booking') || only.has('growth') || only.has('rush')) {
      const floor = await startFloor('sqlite', join(dir, 'floor.sqlite'));
      sqliteFloor = await onServers([floor.pid], () => floorLoad(floor.url, 0));
      await floor.stop();
      rows.push({ path: 'floor: Fastify + better-sqlite3, UPDATE … WHERE taken < places + INSERT in a transaction', figure: fig(sqliteFloor), floor: '', ratio: '' });
    }

    let emptyBooking: Outcome | undefined;
    let emptyAvailability: Outcome | undefined;
    if (needSqlite && (only.has('booking') || only.has('availability') || only.has('rush') || only.has('pages') || only.has('growth'))) {
      const server = await startAntrean(`file:${join(dir, 'antrean.sqlite')}`);
      stops.push(() => server.stop());
      const { rushDates } = await configureOffice(server.url);
      const slots = await bookableSlots(server.url, rushDates);
      const availabilityUrl = `${server.url}/api/v1/offices/${OFFICE}/availability?days=14`;
      const idleRss = rssOf(server.pid);

      if (only.has('availability') || only.has('growth')) {
        emptyAvailability = await onServers([server.pid], () => load({ url: availabilityUrl }));
        noServerErrors('availability', emptyAvailability);
        rows.push({ path: '`GET …/availability?days=14`, quiet', figure: fig(emptyAvailability), floor: 'hello-world', ratio: ratio(emptyAvailability.rps, hello?.rps) });
        // As a phone's browser asks: the answer comes compressed (8.8 KB of JSON).
        const compressed = await onServers([server.pid], () => load({ url: availabilityUrl, headers: { 'accept-encoding': PHONE_ACCEPT_ENCODING } }));
        noServerErrors('availability, compressed', compressed);
        rows.push({ path: `\`GET …/availability?days=14\`, quiet, \`Accept-Encoding: ${PHONE_ACCEPT_ENCODING}\``, figure: fig(compressed), floor: 'hello-world', ratio: ratio(compressed.rps, hello?.rps) });
      }
      if (only.has('booking') || only.has('growth')) {
        emptyBooking = await onServers([server.pid], () => bookingLoad(server.url, slots, 1_000_000));
        noServerErrors('booking', emptyBooking);
        rows.push({ path: `\`POST /api/v1/bookings\`, distinct citizens over ${slots.length} sessions`, figure: fig(emptyBooking), floor: 'bare better-sqlite3', ratio: ratio(emptyBooking.rps, sqliteFloor?.rps) });
      }
      if (only.has('rush')) {
        const rushSession = (await availableDays(server.url)).find((d) => d.date === rushDates[0])!.sessions[0]!;
        const rush = await onServers([server.pid], () => bookingLoad(server.url, [{ date: rushDates[0]!, id: rushSession.id }], 3_000_000, { amount: RUSH_ATTEMPTS }));
        const rss = rssOf(server.pid);
        const accepted = rush.codes['201'] ?? 0;
        const refused = rush.codes['409'] ?? 0;
        check(`rush: exactly ${RUSH_PLACES} accepted (got ${accepted})`, accepted === RUSH_PLACES);
        check(`rush: every other answer a 409 (got ${JSON.stringify(rush.codes)})`, accepted + refused === rush.total);
        noServerErrors('rush', rush);
        rows.push({
          path: `rush: ${RUSH_ATTEMPTS} attempts at ${RUSH_PLACES} places`,
          figure: `${fig(rush)}; ${accepted} accepted, ${refused} × 409; RSS after ${rss.toFixed(0)} MB (idle ${idleRss.toFixed(0)} MB)`,
          floor: 'bare better-sqlite3',
          ratio: ratio(rush.rps, sqliteFloor?.rps),
        });
        if (only.has('availability')) {
          // A second rush at the other date's 200 places, half the connections, availability on the other half.
          const otherSession = (await availableDays(server.url)).find((d) => d.date === rushDates[1])!.sessions[0]!;
          const half = Math.max(1, Math.floor(CONNECTIONS / 2));
          const [during, second] = await Promise.all([
            load({ url: availabilityUrl, connections: half, headers: { 'accept-encoding': PHONE_ACCEPT_ENCODING } }),
            bookingLoad(server.url, [{ date: rushDates[1]!, id: otherSession.id }], 4_000_000, { connections: half }),
          ]);
          noServerErrors('availability during a rush', during);
          // Bounded by time, not count: it may end before the places are gone, never past them.
          check(`second rush: at most ${RUSH_PLACES} accepted (got ${second.codes['201'] ?? 0})`, (second.codes['201'] ?? 0) <= RUSH_PLACES);
          noServerErrors('second rush', second);
          rows.push({
            path: `\`GET …/availability?days=14\` during a rush (${half} + ${half} connections)`,
            figure: `${fig(during)}; rush beside it ${second.rps.toFixed(0)} req/s, p99 ${second.p99} ms`,
            floor: 'hello-world',
            ratio: ratio(during.rps, hello?.rps),
          });
        }
      }
      if (only.has('pages')) {
        const res = await fetch(`${server.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ office: OFFICE, date: slots[0]!.date, sessionId: slots[0]!.id, service: 'KK', nik: nikFor(5_000_000), name: 'Warga Tiket', phone: '081234567890' }),
        });
        const code = ((await res.json()) as { booking?: { code: string } }).booking?.code;
        if (code) {
          const ticket = await onServers([server.pid], () => load({ url: `${server.url}/t/${code}` }));
          noServerErrors('ticket page', ticket);
          rows.push({ path: '`GET /t/:code` (ticket page)', figure: fig(ticket), floor: 'hello-world', ratio: ratio(ticket.rps, hello?.rps) });
        } else notes.push(`pages: could not book a ticket (${res.status})`);
        const form = await onServers([server.pid], () => load({ url: `${server.url}/o/${OFFICE}` }));
        noServerErrors('booking form page', form);
        rows.push({ path: '`GET /o/:slug` (booking form page)', figure: fig(form), floor: 'hello-world', ratio: ratio(form.rps, hello?.rps) });
      }
      rows.push({ path: 'RSS of the SQLite server', figure: `idle ${idleRss.toFixed(0)} MB, after all of the above ${rssOf(server.pid).toFixed(0)} MB`, floor: '', ratio: '' });
      await server.stop();
      stops.pop();
    }

    if (only.has('growth')) {
      const cached = await growthDatabase();
      const file = join(dir, 'growth.sqlite');
      copyFileSync(cached, file);
      const server = await startAntrean(`file:${file}`);
      stops.push(() => server.stop());
      const { rushDates } = await configureOffice(server.url);
      const slots = await bookableSlots(server.url, rushDates);
      const availability = await onServers([server.pid], () => load({ url: `${server.url}/api/v1/offices/${OFFICE}/availability?days=14` }));
      const booking = await onServers([server.pid], () => bookingLoad(server.url, slots, 6_000_000));
      noServerErrors('growth availability', availability);
      noServerErrors('growth booking', booking);
      rows.push({ path: `growth: availability with ${GROWTH_ROWS.toLocaleString('en')} earlier bookings`, figure: fig(availability), floor: 'same, empty database', ratio: ratio(availability.rps, emptyAvailability?.rps) });
      rows.push({ path: `growth: booking with ${GROWTH_ROWS.toLocaleString('en')} earlier bookings`, figure: fig(booking), floor: 'same, empty database', ratio: ratio(booking.rps, emptyBooking?.rps) });
      await server.stop();
      stops.pop();
      notes.push('query plans of the hot queries on the grown database:', ...hotQueryPlans(file));
    }

    if (only.has('streams')) await streamsScenario(dir);
    if (only.has('pg')) await postgresScenario(hello);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nAntrean bench: ${CONNECTIONS} connections, ${SECONDS} s per measurement, load generator in the same process tree; ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
  console.log('| path | Antrean | compared with (same run) | ratio |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.path} | ${r.figure} | ${r.floor} | ${r.ratio} |`);
  for (const n of notes) console.log(n);
  if (failed) process.exitCode = 1;
}

/** Open availability streams in the streams scenario, as many booking pages left open. */
const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);

/** A stream held open: its socket and the change events it has heard. */
interface Stream {
  socket: Socket;
  events: number;
}

/** Opens `count` availability streams over raw sockets, a hundred at a time as pages would arrive; resolves with the open ones. */
async function openStreams(base: string, count: number): Promise<Stream[]> {
  const { port } = new URL(base);
  const open: Stream[] = [];
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.setEncoding('utf8');
      socket.on('error', () => resolve());
      socket.once('data', (chunk: string) => {
        if (!chunk.startsWith('HTTP/1.1 200')) {
          socket.destroy();
          return resolve();
        }
        const stream = { socket, events: 0 };
        open.push(stream);
        // Events only, not the heartbeat comments: a chunk may hold several.
        socket.on('data', (more: string) => (stream.events += more.split('\nevent: ').length - 1));
        resolve();
      });
      socket.write(`GET /api/v1/offices/${OFFICE}/availability/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
    });
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, one));
  return open;
}

/**
 * Bookings beside STREAMS open availability streams, every one of which hears of them as a
 * phone's page would, against the same load on a like server with none (each a fresh SQLite
 * file made the bench office).
 */
async function streamsScenario(dir: string): Promise<void> {
  const measure = async (streams: number) => {
    const server = await startAntrean(`file:${join(dir, `streams-${streams}.sqlite`)}`, {
      // Every stream comes from loopback: the per-address cap would refuse all but the first few.
      STREAMS_PER_ADDRESS: String(Math.max(streams, 1)),
      STREAMS_MAX_PUBLIC: String(Math.max(streams, 1)),
    });
    const open: Stream[] = [];
    try {
      const { rushDates } = await configureOffice(server.url);
      const slots = await bookableSlots(server.url, rushDates);
      const idleRss = rssOf(server.pid);
      open.push(...(await openStreams(server.url, streams)));
      const streamsRss = rssOf(server.pid);
      const heardBefore = open.map((s) => s.events);
      const outcome = await onServers([server.pid], () => bookingLoad(server.url, slots, 7_000_000));
      // The last window's changes are written a quarter of a second after it opened.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const heard = open.filter((s, k) => s.events > heardBefore[k]!).length;
      const stillOpen = open.filter((s) => !s.socket.destroyed).length;
      return { outcome, opened: open.length, heard, stillOpen, streamMb: streamsRss - idleRss };
    } finally {
      for (const s of open) s.socket.destroy();
      await server.stop();
    }
  };
  const without = await measure(0);
  const beside = await measure(STREAMS);
  for (const [what, m] of [['streams: without', without], ['streams: beside them', beside]] as const) {
    noServerErrors(what, m.outcome);
    // A load of refusals (a limit reached, the office full) would measure the wrong thing.
    const booked = m.outcome.codes['201'] ?? 0;
    check(`${what}: at least 95% of the answers bookings (got ${booked} of ${m.outcome.total})`, booked >= 0.95 * m.outcome.total);
  }
  check(`streams: all ${STREAMS} opened (got ${beside.opened})`, beside.opened === STREAMS);
  check(`streams: every stream still open after the load (${beside.stillOpen} of ${beside.opened})`, beside.stillOpen === beside.opened);
  check(`streams: every stream heard of the bookings (${beside.heard} of ${beside.opened})`, beside.heard === beside.opened);
  rows.push({
    path: `\`POST /api/v1/bookings\` beside ${STREAMS} open availability streams`,
    figure: `${fig(beside.outcome)}; ${beside.heard} of ${beside.opened} streams heard the bookings; the streams took ${beside.streamMb.toFixed(0)} MB`,
    floor: `same, no streams: ${fig(without.outcome)}`,
    ratio: ratio(beside.outcome.rps, without.outcome.rps),
  });
}

/** Two Antrean processes on one PostgreSQL database beside two bare pg floors on another table. */
async function postgresScenario(hello: Outcome | undefined): Promise<void> {
  const name = `antrean_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    notes.push(`pg: skipped, no PostgreSQL at BENCH_PG_URL (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const floorA = await startFloor('pg', url.toString());
    servers.push(floorA);
    const floorB = await startFloor('pg', url.toString());
    servers.push(floorB);
    const floor = await onServers([floorA.pid, floorB.pid], () => floorLoad([floorA.url, floorB.url], 0));
    await floorA.stop();
    await floorB.stop();
    rows.push({ path: 'floor: 2 × Fastify + pg, UPDATE … WHERE taken < places + INSERT in a transaction', figure: fig(floor), floor: '', ratio: '' });

    const a = await startAntrean(url.toString());
    servers.push(a);
    const b = await startAntrean(url.toString());
    servers.push(b);
    const { rushDates } = await configureOffice(a.url);
    const slots = await bookableSlots(a.url, rushDates);
    const booking = await onServers([a.pid, b.pid], () => bookingLoad([a.url, b.url], slots, 7_000_000));
    noServerErrors('pg booking', booking);
    rows.push({ path: 'pg, 2 processes: `POST /api/v1/bookings`, distinct citizens', figure: fig(booking), floor: 'bare pg, 2 processes', ratio: ratio(booking.rps, floor.rps) });
    const availability = await onServers([a.pid, b.pid], () => load({ url: [`${a.url}/api/v1/offices/${OFFICE}/availability?days=14`, `${b.url}/api/v1/offices/${OFFICE}/availability?days=14`] as unknown as string }));
    noServerErrors('pg availability', availability);
    rows.push({ path: 'pg, 2 processes: `GET …/availability?days=14`', figure: fig(availability), floor: 'hello-world', ratio: ratio(availability.rps, hello?.rps) });
    const session = (await availableDays(a.url)).find((d) => d.date === rushDates[0])!.sessions[0]!;
    const rush = await onServers([a.pid, b.pid], () => bookingLoad([a.url, b.url], [{ date: rushDates[0]!, id: session.id }], 8_000_000, { amount: RUSH_ATTEMPTS }));
    const accepted = rush.codes['201'] ?? 0;
    check(`pg rush: exactly ${RUSH_PLACES} accepted (got ${accepted})`, accepted === RUSH_PLACES);
    check(`pg rush: every other answer a 409 (got ${JSON.stringify(rush.codes)})`, accepted + (rush.codes['409'] ?? 0) === rush.total);
    noServerErrors('pg rush', rush);
    rows.push({ path: `pg, 2 processes: rush ${RUSH_ATTEMPTS} at ${RUSH_PLACES} places`, figure: `${fig(rush)}; ${accepted} accepted; RSS after ${rssOf(a.pid).toFixed(0)} + ${rssOf(b.pid).toFixed(0)} MB`, floor: 'bare pg, 2 processes', ratio: ratio(rush.rps, floor.rps) });
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

await main();
