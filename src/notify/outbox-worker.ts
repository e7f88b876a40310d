import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { MessageTransports } from '../app/notify/channels.js';
import { sendDueMessages, type SendPassSummary } from '../app/notify/commands/send-due-messages.js';
import type { AppContext } from '../app/shared/context.js';

/** The background sender of the outbox. */
export interface OutboxWorker {
  /** This worker's name in claims and attempts. */
  readonly id: string;
  /** One pass now: what tests call, on their own clock. */
  runOnce(): Promise<SendPassSummary>;
  /** Runs passes every `pollMs` (at once again after a full batch) until stopped. */
  start(): void;
  /** Stops after the message in hand is sent and recorded; unstarted claims go back to the queue. */
  stop(): Promise<void>;
}

export interface OutboxWorkerOptions {
  transports: MessageTransports;
  logger: Logger;
  /** Pause between passes when nothing was due. */
  pollMs: number;
  batchSize?: number;
  leaseMs?: number;
  /** Defaults to host, process id and a random part, unique per run. */
  workerId?: string;
}

/** A worker over the app's storage and clock; nothing runs until `start` or `runOnce`. */
export function createOutboxWorker(ctx: AppContext, opts: OutboxWorkerOptions): OutboxWorker {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | undefined;

  const runOnce = () =>
    sendDueMessages(ctx, {
      workerId: id,
      transports: opts.transports,
      batchSize: opts.batchSize,
      leaseMs: opts.leaseMs,
      stopping: () => stopping,
    });

  const loop = async (): Promise<void> => {
    timer = undefined;
    if (stopping) return;
    let again = false;
    try {
      const pass = runOnce();
      current = pass;
      const summary = await pass;
      if (summary.sent || summary.failed || summary.settledUnknown || summary.dropped || summary.held) opts.logger.info({ outbox: summary }, 'outbox pass');
      again = summary.claimed >= (opts.batchSize ?? 20);
    } catch (error) {
      // The database away for a moment: the next pass tries again, nothing is lost.
      opts.logger.warn({ err: error }, 'outbox pass failed');
    } finally {
      current = undefined;
    }
    if (!stopping) {
      timer = setTimeout(() => void loop(), again ? 0 : opts.pollMs);
      timer.unref();
    }
  };

  return {
    id,
    runOnce,
    start() {
      if (timer || current || stopping) return;
      timer = setTimeout(() => void loop(), 0);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
}
