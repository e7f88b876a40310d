import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './domain/staff-account.js';
import type { SqliteSynchronous } from './db/database.js';
import type { HttpOptions } from './http/build-app.js';
import type { NotifySettings } from './notify/transports.js';
import { parseDataKey } from './privacy/data-cipher.js';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `postgres://…` for PostgreSQL, `file:PATH` or nothing for SQLite at ./data/antrean.sqlite. */
  DATABASE_URL: z.string().default('file:./data/antrean.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Password of the first admin on a database without users; generated and printed once when unset. */
  ANTREAN_ADMIN_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH).optional(),
  /**
   * The reverse proxies in front: a hop count (`1` for one nginx) or a comma-separated list of
   * proxy addresses and CIDRs. Trusting every hop would let a client pick its own address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine((v) => parseTrustProxy(v) !== null, 'expected false, a hop count of 1 or more, or a comma-separated list of IP addresses or CIDRs'),
  /** Connections per process in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Booking requests per minute from one address: only an anomaly guard. Carrier-grade NAT puts
   * hundreds of honest phones behind one address at a release, so brokers are stopped by the
   * limits per NIK and phone and by the proof of work instead.
   */
  BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Leading zero bits of the proof of work an online booking carries (about 2^n hashes); 0 turns it off. */
  POW_DIFFICULTY: z.coerce.number().int().min(0).max(30).default(16),
  /** Seconds a booking form without JavaScript must have been open before it is accepted without a solved proof. */
  POW_WAIT_SECONDS: z.coerce.number().int().min(0).max(120).default(5),
  /** The address citizens reach the site by, for share links and calendar files; the Host header is not trusted for them. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#@]+(?:\/[^\s?#]*)?$/, 'must be an http(s) address such as https://antrean.example.go.id')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** API requests per minute from one address; high for the same reason as the booking limit (CGNAT at a release). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  /** Event streams one address may hold open; phones behind one CGNAT address share it, and fall back to polling. */
  STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  /** Public event streams per process; each holds a file descriptor (the start warns when the open-file limit is too low) and about 16 KB. */
  STREAMS_MAX_PUBLIC: z.coerce.number().int().min(1).default(2000),
  /** Staff event streams (boards, counters) per process, apart so a public flood cannot blank the boards. */
  STREAMS_MAX_STAFF: z.coerce.number().int().min(1).default(100),
  /** An event stream is ended after this long; browsers reconnect by themselves. */
  STREAM_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Time a client has to send a whole request, headers and body. */
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Time a client has to send the request headers. */
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(10),
  /** How long an idle keep-alive connection waits for its next request. */
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(5),
  /** A connection silent both ways this long is closed; above the streams' 25 s heartbeat. */
  HTTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(30).default(120),
  /** Time to open a PostgreSQL connection before the request is answered 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(5),
  /** Longest a PostgreSQL statement may run. */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(15),
  /** Staff login attempts per minute from one address (API and page together); each costs a password hash. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Booking lookups by code (ticket pages, calendar file, API) per minute from one address. */
  LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Lookups of unknown codes per minute, all addresses together (per process, or over all of them with REDIS_URL); past it every code lookup waits. */
  LOOKUP_MISS_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** The WhatsApp gateway's send endpoint; unset, WhatsApp messages are written to the log instead. */
  WHATSAPP_GATEWAY_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) address').optional(),
  /** Sent as the gateway's `Authorization` header. */
  WHATSAPP_GATEWAY_TOKEN: z.string().optional(),
  /** `json` posts `{ target, message }` as JSON; `form` posts the same fields form-encoded. */
  WHATSAPP_GATEWAY_FORMAT: z.enum(['json', 'form']).default('json'),
  /** No answer from the gateway within this long is a failed attempt. */
  WHATSAPP_GATEWAY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** The mail server, `smtp://user:pass@host:port` (`smtps://` for TLS from the start); unset, email is written to the log instead. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must look like smtp://user:pass@host:port').optional(),
  /** The From of every email, e.g. `Disdukcapil Kota Bogor <antrean@example.go.id>`; needed with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * The data key NIKs, phone numbers and email addresses are encrypted with: 32 bytes, base64.
   * Required with PostgreSQL (the start refuses without it; `user` commands do not need it);
   * for an SQLite file a key file beside it is made on first start.
   */
  ANTREAN_DATA_KEY: z
    .string()
    .trim()
    .refine((v) => isDataKey(v), 'must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`')
    .optional(),
  /** The key `rotate-key` moves the data to (32 bytes, base64); read by that command only. */
  ANTREAN_NEW_DATA_KEY: z
    .string()
    .trim()
    .refine((v) => isDataKey(v), 'must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`')
    .optional(),
  /** `on`: GET /metrics in the Prometheus text format (see METRICS_TOKEN for who may read it); `off`: no /metrics at all. */
  METRICS: z.enum(['on', 'off']).default('on'),
  /**
   * Set: /metrics answers anyone sending `Authorization: Bearer <token>` (for a Prometheus on
   * another machine); unset: only a scraper on this machine, connecting directly, not via nginx.
   */
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters, e.g. from `openssl rand -hex 32`').optional(),
  /** `redis://host:6379`: rate limits counted in Redis, shared by every process; unset: each process counts its own. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must look like redis://host:6379 (rediss:// for TLS)').optional(),
  /** Put before every rate-limit key in Redis, so several sites can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).default('antrean:rl:'),
  /**
   * When an SQLite commit is durable. `normal`: it survives the process being killed (a 201 is
   * never lost to a crash), but a power loss or kernel crash may lose the last commits; `full`:
   * it survives power loss too, flushing to the disk at every commit (slower bookings).
   */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  /** On SIGTERM, how long requests in flight get to finish before the process exits anyway. */
  DRAIN_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(10),
  /** Seconds between the outbox worker's passes when nothing was due. */
  OUTBOX_POLL_SECONDS: z.coerce.number().min(0.1).max(300).default(5),
});

/** Every environment variable the configuration reads; `.env.example` documents each (a test checks). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

function isDataKey(value: string): boolean {
  try {
    parseDataKey(value, 'ANTREAN_DATA_KEY');
    return true;
  } catch {
    return false;
  }
}

/** The proxies Fastify trusts for the client address: a hop count, or proxy addresses and CIDRs. */
export type TrustedProxies = number | string[];

/** `false` or empty: no proxy; `N`: N hops; `a,b/24`: those proxies; null when unreadable. */
function parseTrustProxy(value: string): { proxies: TrustedProxies | false; legacy: boolean } | null {
  if (value === '' || value === 'false') return { proxies: false, legacy: false };
  // The old boolean: one nginx in front was what it was documented for.
  if (value === 'true') return { proxies: 1, legacy: true };
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 10 ? { proxies: Number(value), legacy: false } : null;
  const list = value.split(',').map((v) => v.trim());
  return list.every(isAddressOrCidr) ? { proxies: list, legacy: false } : null;
}

// proxy-addr's names for the private ranges, which Fastify understands too.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(v: string): boolean {
  if (NAMED_RANGES.has(v)) return true;
  const [address = '', bits, ...rest] = v.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

// Sockets of ordinary requests, the database pool, files and the process's own.
const FILES_BESIDE_STREAMS = 256;

/** The process's open-file limit where the system tells it (Linux), else undefined. */
function openFileLimit(): number | undefined {
  try {
    const line = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** What the process runs with: its own settings, and the HTTP options (documented there) taken from the environment. */
export type Config = Omit<HttpOptions, 'bodyLimitBytes'> & {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  adminPassword: string | undefined;
  /** ANTREAN_DATA_KEY (base64); undefined: the key file beside an SQLite database. */
  dataKey: string | undefined;
  /** ANTREAN_NEW_DATA_KEY: the key `rotate-key` moves to. */
  newDataKey: string | undefined;
  databasePoolSize: number;
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  /** Where messages go: the WhatsApp gateway and the mail server, each unset when not configured. */
  notify: NotifySettings;
  /** Pause of the outbox worker between passes. */
  outboxPollMs: number;
  /** SQLITE_SYNCHRONOUS. */
  sqliteSynchronous: SqliteSynchronous;
  /** DRAIN_TIMEOUT_SECONDS in milliseconds: the shutdown's hard deadline. */
  drainTimeoutMs: number;
  /** Things to tell the operator at start: settings that work but should change. */
  warnings: string[];
};

/** Reads the environment once, failing loudly on a bad value rather than running misconfigured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const trust = parseTrustProxy(e.TRUST_PROXY);
  if (!trust) throw new Error('Invalid configuration:\nTRUST_PROXY: unreadable');
  const warnings = trust.legacy
    ? ['TRUST_PROXY=true now trusts one proxy hop; set TRUST_PROXY=1 (or the proxy addresses) to say so.']
    : [];
  if (e.SMTP_URL && !e.MAIL_FROM) throw new Error('Invalid configuration:\nMAIL_FROM: needed with SMTP_URL, e.g. "Disdukcapil <antrean@example.go.id>"');
  if (!e.WHATSAPP_GATEWAY_URL) warnings.push('WHATSAPP_GATEWAY_URL is not set: WhatsApp messages are written to the log, not sent.');
  if (!e.SMTP_URL) warnings.push('SMTP_URL is not set: email messages are written to the log, not sent.');
  const fileLimit = openFileLimit();
  if (fileLimit !== undefined && fileLimit < e.STREAMS_MAX_PUBLIC + e.STREAMS_MAX_STAFF + FILES_BESIDE_STREAMS) {
    warnings.push(
      `The open-file limit (${fileLimit}) is below the event streams allowed (STREAMS_MAX_PUBLIC + STREAMS_MAX_STAFF = ${e.STREAMS_MAX_PUBLIC + e.STREAMS_MAX_STAFF}) plus ${FILES_BESIDE_STREAMS} for requests and the database: raise it (LimitNOFILE, ulimit -n) or lower the caps, or connections will fail when they fill.`,
    );
  }
  if (!e.PUBLIC_URL) warnings.push('PUBLIC_URL is not set: messages carry the ticket path (/t/CODE) instead of a full link.');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    adminPassword: e.ANTREAN_ADMIN_PASSWORD,
    dataKey: e.ANTREAN_DATA_KEY,
    newDataKey: e.ANTREAN_NEW_DATA_KEY,
    trustProxy: trust.proxies !== false,
    trustedProxies: trust.proxies === false ? 1 : trust.proxies,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    streamsPerAddress: e.STREAMS_PER_ADDRESS,
    maxPublicStreams: e.STREAMS_MAX_PUBLIC,
    maxStaffStreams: e.STREAMS_MAX_STAFF,
    streamLifetimeMs: e.STREAM_MAX_LIFETIME_SECONDS * 1000,
    requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
    keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    connectionTimeoutMs: e.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    bookingRateLimitPerMinute: e.BOOKING_RATE_LIMIT_PER_MINUTE,
    powDifficulty: e.POW_DIFFICULTY,
    powWaitSeconds: e.POW_WAIT_SECONDS,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    warnings,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lookupRateLimitPerMinute: e.LOOKUP_RATE_LIMIT_PER_MINUTE,
    lookupMissLimitPerMinute: e.LOOKUP_MISS_LIMIT_PER_MINUTE,
    publicUrl: e.PUBLIC_URL,
    metrics: e.METRICS,
    metricsToken: e.METRICS_TOKEN,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    notify: {
      whatsapp: e.WHATSAPP_GATEWAY_URL
        ? { url: e.WHATSAPP_GATEWAY_URL, token: e.WHATSAPP_GATEWAY_TOKEN, format: e.WHATSAPP_GATEWAY_FORMAT, timeoutMs: e.WHATSAPP_GATEWAY_TIMEOUT_SECONDS * 1000 }
        : undefined,
      email: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM, timeoutMs: 30_000 } : undefined,
    },
    outboxPollMs: e.OUTBOX_POLL_SECONDS * 1000,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    drainTimeoutMs: e.DRAIN_TIMEOUT_SECONDS * 1000,
  };
}
