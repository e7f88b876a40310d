import compress from '@fastify/compress';
import { ENCODINGS, THRESHOLD_BYTES } from './precompressed.js';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { routePlugin } from './route-plugin.js';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppContext } from '../app/shared/context.js';
import type { Lifecycle } from '../app/shared/lifecycle.js';
import type { EventBus } from '../realtime/in-process-bus.js';
import { registerErrorHandling } from './errors.js';
import { registerApiDocs } from './openapi.js';
import { citizenPages } from './pages/citizen/index.js';
import { staffPages } from './pages/staff/index.js';
import { availabilityEventRoutes } from './routes/availability-events.js';
import { citizenApiRoutes } from './routes/citizen-api.js';
import { closuresApiRoutes } from './routes/closures-api.js';
import { outboxApiRoutes } from './routes/outbox-api.js';
import { healthRoutes } from './routes/health.js';
import { registerRouteLimits } from './route-limits.js';
import { AppMetrics, registerMetrics } from './metrics.js';
import { sharedLimitStore } from './shared-limits.js';
import { ticketEventRoutes } from './routes/ticket-events.js';
import { reportsApiRoutes } from './routes/reports-api.js';
import { registerStaticAssets } from './static-assets.js';
import { officeFloorApiRoutes } from './routes/office-floor-api.js';
import { releasesApiRoutes } from './routes/releases-api.js';
import { registerStaffAuth } from './plugins/staff-auth.js';
import { refuseUnstorableText } from './plugins/text-guard.js';
import { StreamGate, type StreamPolicy } from './stream-registry.js';
import { closeSpareConnectionsOnClose } from './spare-connections.js';
import { staffAuthRoutes } from './routes/staff-auth.js';
import { catalogueAdminApiRoutes } from './routes/catalogue-admin-api.js';
import { officeAdminApiRoutes } from './routes/office-admin-api.js';
import { messageTemplatesApiRoutes } from './routes/message-templates-api.js';

export interface HttpOptions {
  /** Largest request body accepted; larger ones get 413. */
  bodyLimitBytes: number;
  /** Requests per minute one address may make to the booking endpoints (brokers script them). */
  bookingRateLimitPerMinute: number;
  /** Requests per minute one address may make to the whole API. */
  apiRateLimitPerMinute: number;
  /** Staff login attempts per minute from one address, API and page together (each costs a password hash). */
  loginRateLimitPerMinute: number;
  /** Lookups of a booking by its code per minute from one address (codes are guessed this way). */
  lookupRateLimitPerMinute: number;
  /** Lookups of unknown codes per minute from all addresses together: in this process, or in every process with `redisUrl`. */
  lookupMissLimitPerMinute: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For, mark cookies Secure. */
  trustProxy: boolean;
  /**
   * Which proxies, when `trustProxy`: a hop count or proxy addresses and CIDRs. Only those hops
   * of X-Forwarded-For are believed; the client writes the rest, so trusting all would let it
   * pick its address and escape every per-address limit.
   */
  trustedProxies: number | string[];
  /** Public event streams one address may hold open. */
  streamsPerAddress: number;
  /** Public event streams this process holds open. */
  maxPublicStreams: number;
  /** Staff event streams (boards, counter pages) this process holds open. */
  maxStaffStreams: number;
  /** An event stream ends after this long; the browser reconnects. */
  streamLifetimeMs: number;
  /** Time a client has to send a whole request; a slow body is cut off with 408. */
  requestTimeoutMs: number;
  /** Time a client has to send the request headers. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection waits for its next request. */
  keepAliveTimeoutMs: number;
  /** A connection silent both ways this long is closed; must exceed the streams' heartbeat. */
  connectionTimeoutMs: number;
  /** Leading zero bits an online booking's proof of work must have (POW_DIFFICULTY); 0 turns the proof off. */
  powDifficulty: number;
  /** Seconds after a form's challenge was issued from which it is accepted without a nonce (no JavaScript). */
  powWaitSeconds: number;
  /** The site's public address (`https://antrean.example.go.id`) for links that leave the page; the Host header is not trusted. */
  publicUrl: string | undefined;
  /** `GET /metrics` served (`on`) or absent (`off`). */
  metrics: 'on' | 'off';
  /** Set: /metrics asks for `Authorization: Bearer <token>` from anywhere. Unset: only scrapers on this machine, not via a proxy. */
  metricsToken: string | undefined;
  /** Set: every rate limit is counted in this Redis, shared by all processes; unset or away: in each process. */
  redisUrl: string | undefined;
  /** Put before the rate-limit keys in Redis, so several sites can share one. */
  redisKeyPrefix: string;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  bodyLimitBytes: 16 * 1024,
  // An anomaly guard, not the brake on brokers (the limits per NIK and phone and the proof of work
  // are): a carrier-grade NAT puts hundreds of honest phones behind one address at a release.
  bookingRateLimitPerMinute: 600,
  // Likewise: every phone behind one address also fetches a challenge, availability and its ticket.
  apiRateLimitPerMinute: 3000,
  // Office PCs share one address behind the office's NAT; a whole shift logs in within minutes.
  loginRateLimitPerMinute: 30,
  // A citizen opens their ticket a few times; CGNAT puts many citizens behind one address.
  lookupRateLimitPerMinute: 120,
  // Honest mistypes are rare; 300 misses a minute leave 41.8-bit codes out of reach for centuries.
  lookupMissLimitPerMinute: 300,
  trustProxy: false,
  trustedProxies: 1,
  // Many phones share one carrier address (CGNAT), each page holding one stream.
  streamsPerAddress: 50,
  // About 16 KB of memory each (measured with 2,000); Node raises its open-file limit to the hard
  // limit at start, and the start warns when that is too low for these caps.
  maxPublicStreams: 2000,
  maxStaffStreams: 100,
  streamLifetimeMs: 15 * 60_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  connectionTimeoutMs: 120_000,
  publicUrl: undefined,
  metrics: 'on',
  metricsToken: undefined,
  redisUrl: undefined,
  redisKeyPrefix: 'antrean:rl:',
  // About 65,000 hashes: well under a second in a phone's browser, a real cost per request to a script.
  powDifficulty: 16,
  powWaitSeconds: 5,
};

export interface AppDeps {
  ctx: AppContext;
  bus: EventBus;
  logger: Logger;
  http?: Partial<HttpOptions>;
  /** The process's metrics, whose booking counts `ctx.meter` feeds; a fresh set when absent. */
  metrics?: AppMetrics;
  /** The process's draining flag, for the readiness probe; never draining when absent. */
  lifecycle?: Lifecycle;
}

/**
 * Fastify's own number option trusts no hop at all (it fails closed), so a hop count is a
 * function: the peer and the next `n - 1` addresses from the right of X-Forwarded-For are proxies.
 */
function trustFunction(proxies: number | string[]): string[] | ((address: string, hop: number) => boolean) {
  return typeof proxies === 'number' ? (_address, hop) => hop < proxies : proxies;
}

/** The whole HTTP surface as a Fastify instance that does not listen: `server.ts` does, tests inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const http = { ...DEFAULT_HTTP_OPTIONS, ...deps.http };
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: http.bodyLimitBytes,
    trustProxy: http.trustProxy ? trustFunction(http.trustedProxies) : false,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    connectionTimeout: http.connectionTimeoutMs,
    http: {
      headersTimeout: Math.min(http.headersTimeoutMs, http.requestTimeoutMs),
      // Node looks for overdue requests only this often (30 s by default), so a timeout is
      // enforced within a quarter of itself.
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.min(http.headersTimeoutMs, http.requestTimeoutMs) / 4)),
    },
    // Request ids in logs let staff trace a citizen's complaint without logging who they are.
    requestIdHeader: false,
    // Long path parameters reach the route and get a proper 422 instead of a bare 414.
    routerOptions: { maxParamLength: 1000 },
  });
  // Routes declare zod schemas for params, query, body and answers; the API document comes from them.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  refuseUnstorableText(app);
  closeSpareConnectionsOnClose(app);
  // While the process drains, each answer closes its connection: a shutdown need not wait out keep-alive.
  const lifecycle = deps.lifecycle ?? { draining: false };
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (lifecycle.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  const streams: StreamPolicy = {
    public: new StreamGate({ max: http.maxPublicStreams, perAddress: http.streamsPerAddress }),
    staff: new StreamGate({ max: http.maxStaffStreams, perAddress: null }),
    lifetimeMs: http.streamLifetimeMs,
  };
  // Security headers on every answer. Helmet's middleware is built once here: its Fastify plugin
  // built it anew for every request, parsing the whole policy each time.
  const securityHeaders = helmet({
    // Pages load only their own scripts and styles; no other host is ever needed.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: http.trustProxy,
  });
  // On the raw response, as the plugin did: streams that take over the reply carry them too.
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)));
  await app.register(cookie);
  registerStaffAuth(app, deps.ctx);
  await app.register(formbody, { bodyLimit: http.bodyLimitBytes });
  const metrics = deps.metrics ?? new AppMetrics();
  metrics.watch(deps.ctx, streams, (error) => deps.logger.warn({ err: error }, 'metrics: live figures not read'));
  registerMetrics(app, metrics, { mode: http.metrics, token: http.metricsToken });
  const shared = http.redisUrl
    ? sharedLimitStore({ url: http.redisUrl, keyPrefix: http.redisKeyPrefix, logger: deps.logger, onShared: (on) => metrics.setLimitsShared(on) })
    : undefined;
  if (shared) app.addHook('onClose', async () => shared.close());
  await app.register(rateLimit, { global: false, ...(shared ? { store: shared.store } : {}) });
  registerRouteLimits(app, http);

  // Pages, styles, scripts and JSON go out as brotli or gzip: a form page of 41 KB is about 10 KB
  // on slow mobile data. Before the static files (the plugin's rule). Event streams are left
  // alone: they are hijacked, and text/event-stream is outside the compressible types.
  await app.register(compress, { global: true, encodings: [...ENCODINGS], threshold: THRESHOLD_BYTES });

  // Before every route, so the document sees them all.
  await registerApiDocs(app);
  await app.register(healthRoutes(deps.ctx, lifecycle));
  await registerStaticAssets(app);
  await app.register(citizenPages(deps.ctx, http));
  await app.register(staffPages(deps.ctx, { trustProxy: http.trustProxy }));
  await app.register(
    routePlugin('apiRoutes', async (api: FastifyInstance) => {
      // Limits are attached per route (route-limits.ts); every API route also has the general one.
      await api.register(citizenApiRoutes(deps.ctx, { difficulty: http.powDifficulty, waitSeconds: http.powWaitSeconds }));
      await api.register(availabilityEventRoutes(deps.ctx, streams));
      await api.register(ticketEventRoutes(deps.ctx, streams));
      await api.register(staffAuthRoutes(deps.ctx, { trustProxy: http.trustProxy }));
      await api.register(officeFloorApiRoutes(deps.ctx, streams));
      await api.register(reportsApiRoutes(deps.ctx));
      await api.register(closuresApiRoutes(deps.ctx));
      await api.register(catalogueAdminApiRoutes(deps.ctx));
      await api.register(officeAdminApiRoutes(deps.ctx));
      await api.register(outboxApiRoutes(deps.ctx));
      await api.register(messageTemplatesApiRoutes(deps.ctx));
      await api.register(releasesApiRoutes(deps.ctx));
    }),
    { prefix: '/api/v1' },
  );
  return app;
}
