import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';

/** The Redis the tests share with other test runs: each test keeps to its own key prefix and never flushes. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether the test Redis answers; tests that need it are skipped otherwise, unless REQUIRE_REDIS=1. */
export async function redisAvailable(): Promise<boolean> {
  const url = new URL(TEST_REDIS_URL);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname);
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (!ok && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but nothing answers at ${TEST_REDIS_URL}`);
  return ok;
}

/** A key prefix no other test (here or in another run) uses. */
export function uniqueKeyPrefix(): string {
  return `antrean-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** The keys under `prefix` with their values; `drop` deletes them. */
export async function keysUnder(prefix: string, opts: { drop?: boolean } = {}): Promise<Map<string, string | null>> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const values = keys.length ? await redis.mget(...keys) : [];
    if (opts.drop && keys.length) await redis.del(...keys);
    return new Map(keys.map((k, i) => [k, values[i] ?? null]));
  } finally {
    redis.disconnect();
  }
}

/** A TCP relay to the test Redis that a test can cut (every connection dropped, nothing listening) and restore. */
export interface CuttableRelay {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startRelay(): Promise<CuttableRelay> {
  const target = new URL(TEST_REDIS_URL);
  const sockets = new Set<Socket>();
  const makeServer = () =>
    createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  let server = makeServer();
  const port = await listen(server, 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: stop,
    async restore() {
      server = makeServer();
      await listen(server, port);
    },
    close: stop,
  };
}
