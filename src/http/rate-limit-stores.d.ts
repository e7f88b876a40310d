// The stores @fastify/rate-limit ships but does not type; shared-limits.ts wraps them.
declare module '@fastify/rate-limit/store/RedisStore.js' {
  import type { LimitStore } from './shared-limits.js';
  const RedisStore: new (continueExceeding: boolean, exponentialBackoff: boolean, redis: unknown, key?: string) => LimitStore;
  export default RedisStore;
}
declare module '@fastify/rate-limit/store/LocalStore.js' {
  import type { LimitStore } from './shared-limits.js';
  const LocalStore: new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => LimitStore;
  export default LocalStore;
}
