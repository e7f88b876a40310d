import type { FastifyInstance } from 'fastify';
import type { SseStream } from '../realtime/sse.js';
import { ServiceUnavailableError } from './errors.js';

/**
 * Tracks a route group's open event streams and ends them when the server closes: phones and
 * TVs keep streams open for hours, and a shutdown must not wait for them. Returns the function
 * that registers a new stream.
 */
export function closeStreamsOnShutdown(app: FastifyInstance): (stream: SseStream) => void {
  const open = new Set<SseStream>();
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    for (const stream of open) stream.close();
  });
  return (stream) => {
    // Its request was routed before the close began and opened the stream after (the route reads
    // the current state first): left open, it would hold the close for the stream's lifetime.
    if (closing) return stream.close();
    open.add(stream);
    stream.onClose(() => open.delete(stream));
  };
}

/** A place taken for one stream; give it back when the stream ends. */
export type StreamPlace = () => void;

/** How many event streams a group of routes may hold open. */
export interface StreamQuota {
  /** Streams in this process; each holds a connection and a file descriptor. */
  max: number;
  /** Streams from one client address; null when accounts, not addresses, are the unit (staff). */
  perAddress: number | null;
}

// What a refused browser is told: long enough for a stream to end somewhere, short enough to matter.
const RETRY_AFTER_SECONDS = 30;

/**
 * Counts open streams against a quota. `take` refuses with 503 TOO_MANY_STREAMS past it: a few
 * addresses holding hundreds of streams used to exhaust the process's file descriptors.
 */
export class StreamGate {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly quota: StreamQuota) {}

  /** Streams open now, for the metrics. */
  get open(): number {
    return this.total;
  }

  /** Takes a place for one more stream from `address`, or throws ServiceUnavailableError. */
  take(address: string): StreamPlace {
    const mine = this.byAddress.get(address) ?? 0;
    if (this.total >= this.quota.max || (this.quota.perAddress !== null && mine >= this.quota.perAddress)) {
      throw new ServiceUnavailableError('TOO_MANY_STREAMS', RETRY_AFTER_SECONDS);
    }
    this.total += 1;
    this.byAddress.set(address, mine + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total -= 1;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
  }
}

/** The stream rules of one process, handed to the routes that open streams. */
export interface StreamPolicy {
  /** Citizens' availability streams: capped per address and per process. */
  public: StreamGate;
  /** Staff screens' streams: capped per process. */
  staff: StreamGate;
  /** Each stream ends after this long; the browser reconnects. */
  lifetimeMs: number;
}
