import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What a route is limited as. Limits are attached to routes (their `config.limit`), never to
 * URL prefixes: the router decodes `%62ookings` to `bookings`, a prefix check does not.
 */
export interface RouteLimit {
  /**
   * `booking`: book, cancel, move (per address). `login`: staff logins (per address, API and page
   * share it). `lookup`: reading a booking by its code (per address). None: reading by a secret
   * no one guesses (a draw entry's 144-bit id), bounded by the miss budget of `byCode` alone. At a
   * release every entrant behind a carrier's shared address polls their entry at once, and a
   * per-address budget answered their own waiting page 429.
   */
  bucket?: 'booking' | 'login' | 'lookup';
  /**
   * The route finds a booking by the code in its path (or by NIK and phone, `/bookings/recover`):
   * every 404 counts against the miss budget (per process, or shared through Redis), so guessing from many addresses is bounded too.
   */
  byCode?: boolean;
  /**
   * Checked once the body is read (preHandler) instead of on arrival: a citizen form's refusal
   * page gives back what was typed. Costs reading a body of at most the body limit.
   */
  afterBody?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's request limit; routes without one only have the API's general limit, if under it. */
    limit?: RouteLimit;
  }
}

/** The numbers of every limit, per minute. */
export interface RouteLimitOptions {
  bookingRateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  lookupRateLimitPerMinute: number;
  lookupMissLimitPerMinute: number;
  apiRateLimitPerMinute: number;
}

/** The prefix of the JSON API, whose routes all share the general per-address limit. */
const API_PREFIX = '/api/v1/';

/**
 * Installs one onRequest hook that applies every limit a route has. The plugin's own hooks let
 * a request pass only one limiter, so this hook calls the plugin's limiters itself
 * (`createRateLimit` does not mark the request) and may apply two: the route's and the API's.
 * Must be called on the root instance (after registering `@fastify/rate-limit`) before any route.
 */
export function registerRouteLimits(app: FastifyInstance, opts: RouteLimitOptions): void {
  const window = { timeWindow: '1 minute' };
  const perAddress = {
    booking: app.createRateLimit({ ...window, max: opts.bookingRateLimitPerMinute, keyGenerator: (req) => `book:${req.ip}` }),
    login: app.createRateLimit({ ...window, max: opts.loginRateLimitPerMinute, keyGenerator: (req) => `login:${req.ip}` }),
    lookup: app.createRateLimit({ ...window, max: opts.lookupRateLimitPerMinute, keyGenerator: (req) => `lookup:${req.ip}` }),
  };
  // Office PCs share one address behind the office's NAT, so staff are counted per account.
  const api = app.createRateLimit({
    ...window,
    max: opts.apiRateLimitPerMinute,
    keyGenerator: (req) => (req.staff ? `staff:${req.staff.id}` : `api:${req.ip}`),
  });
  // One key for every address (and, with Redis, every process): guessing from many addresses still draws on one budget.
  const misses = app.createRateLimit({ ...window, max: opts.lookupMissLimitPerMinute, keyGenerator: () => 'lookup-misses' });

  const check = async (req: FastifyRequest, reply: FastifyReply) => {
    const limit = req.routeOptions.config?.limit;
    if (limit?.bucket) await enforce(perAddress[limit.bucket], req, reply);
    if (limit?.byCode) {
      // Reading only: a lookup is counted as a miss once it turns out to be one (onResponse).
      // While the budget is spent, known codes are refused too, or the refusal itself would tell them apart.
      await enforce(misses, req, reply, { increment: false });
    }
    if (req.routeOptions.url?.startsWith(API_PREFIX)) await enforce(api, req, reply);
  };
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config?.limit?.afterBody) await check(req, reply);
  });
  app.addHook('preHandler', async (req, reply) => {
    if (req.routeOptions.config?.limit?.afterBody) await check(req, reply);
  });

  app.addHook('onResponse', async (req, reply) => {
    if (req.routeOptions.config?.limit?.byCode && reply.statusCode === 404) await misses(req);
  });
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Throws a 429 (with Retry-After) when the limiter's budget is spent. */
async function enforce(limiter: Limiter, req: FastifyRequest, reply: FastifyReply, callOptions?: { increment: boolean }): Promise<void> {
  const result = await limiter(req, callOptions);
  if (result.isAllowed) return;
  // Reading without incrementing compares with `>`; the last allowed request already made it `max`.
  const spent = callOptions?.increment === false ? result.remaining === 0 : result.isExceeded;
  if (!spent) return;
  reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)));
  throw Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
}
