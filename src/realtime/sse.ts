import type { ServerResponse } from 'node:http';

/** An open Server-Sent Events stream to one browser. */
export interface SseStream {
  send(event: string, data: unknown): void;
  /** Writes events already put as text (`eventText`): one text made once for many streams. */
  sendText(text: string): void;
  /** Called once when the browser goes away or the stream is closed. */
  onClose(listener: () => void): void;
  close(): void;
}

export interface SseOptions {
  /** How long a browser waits before reconnecting after a drop (the `retry:` field). */
  retryMs?: number;
  /** A comment line this often keeps proxies and mobile networks from closing an idle stream. */
  heartbeatMs?: number;
  /**
   * The stream ends after about this long and the browser reconnects (after `retryMs`): a
   * stream held for days pins a connection, and a long-lived one outlasts a deploy's limits.
   */
  maxLifetimeMs?: number;
}

/**
 * One event as it goes on the wire. Events carry no `id:`: nothing is replayed to a page that
 * reconnects (it reads the current state afresh), and without a per-stream number the text of
 * a change is the same for every stream, so it is made once for all of them.
 */
export function eventText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Starts an event stream on a raw response. The caller must have taken the response over
 * from the framework (Fastify: `reply.hijack()`), since the stream outlives the handler.
 */
export function openSse(res: ServerResponse, opts: SseOptions = {}): SseStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream and the board would lag by minutes.
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${opts.retryMs ?? 2000}\n\n`);
  const listeners: (() => void)[] = [];
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs ?? 15_000);
  heartbeat.unref();
  // Up to a tenth shorter, so streams opened together (after a restart) do not all reconnect together.
  const lifetime = opts.maxLifetimeMs === undefined ? undefined : setTimeout(() => end(), opts.maxLifetimeMs * (1 - Math.random() / 10));
  lifetime?.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    for (const l of listeners) l();
  };
  res.on('close', finish);
  const end = () => {
    finish();
    res.end();
  };
  return {
    send(event, data) {
      if (!closed) res.write(eventText(event, data));
    },
    sendText(text) {
      if (!closed) res.write(text);
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
    close: end,
  };
}
