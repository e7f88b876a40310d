import { createServer, type Socket, connect } from 'node:net';

/** A TCP relay to a server that a test can cut off and bring back, as a network or database outage would. */
export interface TcpProxy {
  port: number;
  /** Resets every relayed connection and resets new ones at once, until `restore`. */
  cut(): void;
  /** Relays again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port and relays each connection to `target`. A shared server (the
 * machine's PostgreSQL) cannot be stopped for a test; cutting the relay looks the same to the
 * client: its connections drop and new ones fail.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    client.on('error', () => undefined);
    if (down) return client.resetAndDestroy();
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    cut() {
      down = true;
      for (const s of open) s.resetAndDestroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
