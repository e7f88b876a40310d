import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './domain/staff-account.js';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `postgres://…` for PostgreSQL, `file:PATH` or nothing for SQLite at ./data/antrean.sqlite. */
  DATABASE_URL: z.string().default('file:./data/antrean.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Password of the first admin on a database without users; generated and printed once when unset. */
  ANTREAN_ADMIN_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH).optional(),
  /** Set behind HTTPS so session cookies are marked Secure. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Connections per process in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Booking requests per minute from one address; brokers script them, but CGNAT shares addresses. */
  BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** The address citizens reach the site by, for share links and calendar files; the Host header is not trusted for them. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#@]+(?:\/[^\s?#]*)?$/, 'must be an http(s) address such as https://antrean.example.go.id')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** API requests per minute from one address. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Staff login attempts per minute from one address (API and page together); each costs a password hash. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Booking lookups by code (ticket pages, calendar file, API) per minute from one address. */
  LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Lookups of unknown codes per minute per process, all addresses together; past it every code lookup waits. */
  LOOKUP_MISS_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  adminPassword: string | undefined;
  trustProxy: boolean;
  databasePoolSize: number;
  bookingRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  lookupRateLimitPerMinute: number;
  lookupMissLimitPerMinute: number;
  publicUrl: string | undefined;
};

/** Reads the environment once, failing loudly on a bad value rather than running misconfigured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    adminPassword: e.ANTREAN_ADMIN_PASSWORD,
    trustProxy: e.TRUST_PROXY === 'true',
    databasePoolSize: e.DATABASE_POOL_SIZE,
    bookingRateLimitPerMinute: e.BOOKING_RATE_LIMIT_PER_MINUTE,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lookupRateLimitPerMinute: e.LOOKUP_RATE_LIMIT_PER_MINUTE,
    lookupMissLimitPerMinute: e.LOOKUP_MISS_LIMIT_PER_MINUTE,
    publicUrl: e.PUBLIC_URL,
  };
}
