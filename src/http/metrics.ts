import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../app/shared/context.js';
import type { MeteredChannel, UseCaseMeter } from '../app/shared/meter.js';
import { type LiveFigures, readLiveFigures, readPoolUse } from '../app/reports/queries/read-live-figures.js';
import type { DomainErrorCode } from '../domain/errors.js';
import { errorText } from '../texts/texts.js';
import { requestLang } from './i18n.js';
import type { StreamPolicy } from './stream-registry.js';

/** Who may read `/metrics`. */
export interface MetricsAccess {
  /** `off`: there is no /metrics at all. */
  mode: 'on' | 'off';
  /**
   * With a token, any address presenting `Authorization: Bearer <token>` reads the metrics.
   * Without one, only a scraper on this machine does (a loopback peer that no proxy forwarded).
   */
  token: string | undefined;
}

/** Offices read per scrape at most: each costs a few queries. */
const MAX_OFFICES = 100;
/** A scrape gives up on the database after this long and reports `antrean_live_figures_ok 0`. */
const FIGURES_TIMEOUT_MS = 3_000;

const CHANNELS: readonly MeteredChannel[] = ['online', 'desk', 'walk_in'];

/**
 * The Prometheus metrics of one process, in a registry of its own (tests run several apps in
 * one process; each scrape must see only its own). Several processes each serve their own
 * /metrics, and Prometheus sums them: the standard practice, no process speaks for another.
 */
let processRegistry: Registry | undefined;

/**
 * The process's own figures (event-loop lag, memory, GC), collected once per process however
 * many apps it builds: each collection keeps a timer and a GC observer running for good.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class AppMetrics implements UseCaseMeter {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'antrean_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern (never the raw URL) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'antrean_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly bookings = new Counter({
    name: 'antrean_bookings_total',
    help: 'Bookings made, by channel (online, desk, walk_in); idempotent replays are not counted again.',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'antrean_booking_refusals_total',
    help: 'Bookings refused by a rule, by channel and reason (the error code answered: SESSION_FULL, ALREADY_BOOKED, CLOSED, …).',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly sharedLimits = new Gauge({
    name: 'antrean_rate_limits_shared',
    help: '1 while rate limits are counted in Redis for every process, 0 while this process counts them alone (no REDIS_URL, or Redis away).',
    registers: [this.registry],
  });

  private reading: Promise<LiveFigures | null> | undefined;

  constructor() {
    // Present from the start, so a rate over them is defined before the first booking.
    for (const channel of CHANNELS) this.bookings.inc({ channel }, 0);
    this.sharedLimits.set(0);
  }

  bookingMade(channel: MeteredChannel): void {
    this.bookings.inc({ channel });
  }

  bookingRefused(channel: MeteredChannel, reason: DomainErrorCode): void {
    this.refusals.inc({ channel, reason });
  }

  /** Every metric in the Prometheus text format, the database read afresh. */
  async scrape(): Promise<string> {
    this.reading = undefined;
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }

  /** Whether rate limits are counted in Redis just now. */
  setLimitsShared(shared: boolean): void {
    this.sharedLimits.set(shared ? 1 : 0);
  }

  /**
   * Adds the gauges read at scrape time: places left, people waiting and the outbox backlog
   * from the database (one bounded reading shared by the gauges), open event streams, and the
   * database pool.
   */
  watch(ctx: AppContext, streams: StreamPolicy, onFailure: (error: unknown) => void): void {
    // The gauges of one scrape share one reading; `scrape` starts a new one.
    const figures = (): Promise<LiveFigures | null> => {
      this.reading ??= withTimeout(readLiveFigures(ctx, { maxOffices: MAX_OFFICES }), FIGURES_TIMEOUT_MS).catch((error: unknown) => {
        onFailure(error);
        return null;
      });
      return this.reading;
    };
    const registers = [this.registry];
    new Gauge({
      name: 'antrean_live_figures_ok',
      help: '1 when the last scrape read places, waiting people and the outbox from the database in time; 0 when it failed (those gauges are then empty).',
      registers,
      async collect() {
        this.set((await figures()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'antrean_places_left',
      help: `Places left to book online per office and session, today and tomorrow, as the booking page shows them (closed days have none). At most ${MAX_OFFICES} offices.`,
      labelNames: ['office', 'day', 'date', 'session', 'start'] as const,
      registers,
      async collect() {
        this.reset();
        for (const office of (await figures())?.offices ?? []) {
          for (const p of office.places) this.set({ office: office.slug, day: p.day, date: p.date, session: p.session, start: p.start }, p.remaining);
        }
      },
    });
    new Gauge({
      name: 'antrean_people_waiting',
      help: 'People checked in today and not called yet, per office and service code.',
      labelNames: ['office', 'service'] as const,
      registers,
      async collect() {
        this.reset();
        for (const office of (await figures())?.offices ?? []) {
          for (const w of office.waiting) this.set({ office: office.slug, service: w.serviceCode }, w.count);
        }
      },
    });
    new Gauge({
      name: 'antrean_offices_left_out',
      help: `Offices beyond the first ${MAX_OFFICES}, whose places and waiting people are not reported.`,
      registers,
      async collect() {
        this.set((await figures())?.officesLeftOut ?? 0);
      },
    });
    new Gauge({
      name: 'antrean_outbox_backlog',
      help: 'Messages waiting to be sent (waiting, claimed or being sent), per channel, over every office.',
      labelNames: ['channel'] as const,
      registers,
      async collect() {
        this.reset();
        for (const b of (await figures())?.outboxBacklog ?? []) this.set({ channel: b.channel }, b.count);
      },
    });
    new Gauge({
      name: 'antrean_sse_connections',
      help: 'Event streams open in this process: public (citizens\' availability and tickets) and staff (boards, counters).',
      labelNames: ['kind'] as const,
      registers,
      collect() {
        this.set({ kind: 'public' }, streams.public.open);
        this.set({ kind: 'staff' }, streams.staff.open);
      },
    });
    // SQLite has one synchronous connection and no pool: these stay absent there.
    const pool = readPoolUse(ctx);
    if (pool) {
      new Gauge({
        name: 'antrean_db_pool_connections',
        help: 'PostgreSQL connections of this process\'s pool: all of them (total) and those idle.',
        labelNames: ['state'] as const,
        registers,
        collect() {
          const now = readPoolUse(ctx);
          this.set({ state: 'total' }, now?.total ?? 0);
          this.set({ state: 'idle' }, now?.idle ?? 0);
        },
      });
      new Gauge({
        name: 'antrean_db_pool_waiting',
        help: 'Queries of this process waiting for a pooled PostgreSQL connection.',
        registers,
        collect() {
          this.set(readPoolUse(ctx)?.waiting ?? 0);
        },
      });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`live figures took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A peer on this machine: IPv4 loopback, IPv6 loopback, or IPv4 loopback mapped into IPv6. */
function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, even when nginx sits on this machine. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

function sameToken(given: string, expected: string): boolean {
  // Digests of equal length, compared in constant time: the token's length leaks nothing either.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Whether the request may read the metrics; answers the refusal itself when not. */
function allowed(req: FastifyRequest, reply: FastifyReply, access: MetricsAccess): boolean {
  const lang = requestLang(req);
  if (access.token !== undefined) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] && sameToken(match[1], access.token)) return true;
    void reply
      .status(401)
      .header('www-authenticate', 'Bearer realm="metrics"')
      .send({ error: { code: 'UNAUTHENTICATED', message: errorText(lang, 'UNAUTHENTICATED') } });
    return false;
  }
  // The socket's peer, not req.ip: behind a trusted proxy req.ip is the citizen's address.
  const local = isLoopback(req.socket.remoteAddress) && !FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
  if (local) return true;
  void reply.status(403).send({ error: { code: 'METRICS_LOCAL_ONLY', message: errorText(lang, 'METRICS_LOCAL_ONLY') } });
  return false;
}

/**
 * Times every request by its route pattern and serves `GET /metrics` in the Prometheus text
 * format, unless `access.mode` is off. Register on the root instance before the routes.
 */
export function registerMetrics(app: FastifyInstance, metrics: AppMetrics, access: MetricsAccess): void {
  if (access.mode === 'off') return;
  app.addHook('onResponse', async (req, reply) => {
    // The pattern (`/t/:code`), never the URL: codes and NIKs stay out, and the series stay few.
    const labels = { method: req.method, route: req.routeOptions.url ?? '(unmatched)', status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!allowed(req, reply, access)) return reply;
    const body = await metrics.scrape();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}
