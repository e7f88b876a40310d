import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** A count of requests in a window, as the rate-limit plugin's stores report it. */
export interface LimitCount {
  current: number;
  ttl: number;
}

type Counted = (error: Error | null, result?: LimitCount) => void;

/** The plugin's store contract (its own type lacks `read`, which `{ increment: false }` needs). */
export interface LimitStore {
  incr(key: string, done: Counted, timeWindow: number, max: number): void;
  read(key: string, done: Counted, timeWindow: number, max: number): void;
  child(routeOptions: LimiterParams): LimitStore;
}

/** The merged limiter settings the plugin hands a store. */
interface LimiterParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
}

export interface SharedLimitsOptions {
  /** `redis://[:password@]host:port[/db]`. */
  url: string;
  /** Put before every key, so several sites (or tests) can share one Redis. */
  keyPrefix: string;
  logger: Logger;
  /** Told whenever counting moves between Redis and this process. */
  onShared?: (shared: boolean) => void;
}

/** A Redis that does not answer within this long is treated as down for that request. */
const COMMAND_TIMEOUT_MS = 1_000;
/** While Redis answers connections but not commands, it is asked this often whether it is back. */
const PROBE_EVERY_MS = 1_000;

/** The Redis connection's health as the limits see it: up, or down since a warning was logged. */
class RedisLink {
  readonly client: Redis;
  private down = false;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: SharedLimitsOptions) {
    this.client = new Redis(opts.url, {
      // A command while disconnected fails at once instead of waiting in a queue: the request
      // is counted in this process and goes on.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      // Reconnects forever, at most every 2 s: Redis coming back is picked up by itself.
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    });
    this.client.on('ready', () => this.markUp());
    // ioredis emits an error per failed reconnection; only the first of an outage is logged.
    this.client.on('error', (error: Error) => this.markDown(error));
    this.client.on('close', () => this.markDown(new Error('connection to Redis closed')));
  }

  /** Whether counting in Redis is worth trying for this request. */
  usable(): boolean {
    return !this.down && this.client.status === 'ready';
  }

  markDown(error: Error): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.opts.logger.warn({ err: error }, 'Redis unavailable: rate limits are counted per process until it is back');
    this.opts.onShared?.(false);
    // A connection that stays open while commands time out gives no `ready` to come back on.
    this.probe = setInterval(() => {
      if (this.client.status !== 'ready') return;
      this.client.ping().then(
        () => this.markUp(),
        () => undefined,
      );
    }, PROBE_EVERY_MS);
    this.probe.unref();
  }

  private markUp(): void {
    clearInterval(this.probe);
    this.probe = undefined;
    if (this.down) this.opts.logger.info('Redis is back: rate limits are shared by every process again');
    this.down = false;
    this.opts.onShared?.(true);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.probe);
    this.client.disconnect();
  }
}

/**
 * A rate-limit store that counts in Redis, shared by every process, and in this process's
 * memory while Redis is away: limits then hold per process, and no request fails or waits
 * because of Redis. (The plugin's `skipOnError` would drop limiting altogether instead.)
 */
function fallbackStore(link: RedisLink, keyPrefix: string): FastifyRateLimitStoreCtor {
  class FallbackStore implements LimitStore {
    private readonly shared: LimitStore;
    private readonly local: LimitStore;

    constructor(params: LimiterParams) {
      const continueExceeding = params.continueExceeding ?? false;
      const exponentialBackoff = params.exponentialBackoff ?? false;
      // Keys are the limiters' own (`book:ADDRESS`, `lookup-misses`, …), already apart from each other.
      this.shared = new RedisStore(continueExceeding, exponentialBackoff, link.client, keyPrefix);
      this.local = new LocalStore(continueExceeding, exponentialBackoff, params.cache);
    }

    incr(key: string, done: Counted, timeWindow: number, max: number): void {
      this.count('incr', key, done, timeWindow, max);
    }

    read(key: string, done: Counted, timeWindow: number, max: number): void {
      this.count('read', key, done, timeWindow, max);
    }

    private count(method: 'incr' | 'read', key: string, done: Counted, timeWindow: number, max: number): void {
      if (!link.usable()) return this.local[method](key, done, timeWindow, max);
      this.shared[method](
        key,
        (error, result) => {
          if (!error) return done(null, result);
          link.markDown(error);
          this.local[method](key, done, timeWindow, max);
        },
        timeWindow,
        max,
      );
    }

    child(params: LimiterParams): LimitStore {
      return new FallbackStore(params);
    }
  }
  return FallbackStore as unknown as FastifyRateLimitStoreCtor;
}

/** The store for `@fastify/rate-limit` when REDIS_URL is set, and the function that closes its connection. */
export function sharedLimitStore(opts: SharedLimitsOptions): { store: FastifyRateLimitStoreCtor; close: () => void } {
  const link = new RedisLink(opts);
  return { store: fallbackStore(link, opts.keyPrefix), close: () => link.close() };
}
