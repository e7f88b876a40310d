import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies the write-ahead log back into the database file. */
const INTERVAL_MS = 100;

/**
 * SQLite pages a connection may leave in the write-ahead log before it checkpoints by itself,
 * in the request's commit. With the checkpointer running, a safety net only (about 40 MB).
 */
export const CHECKPOINTED_ELSEWHERE_PAGES = 10_000;

// Plain CommonJS, run as a worker from this text: it works the same from src/ (tests) and dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = ' + workerData.synchronous);
const pass = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint ran) or going away: the next pass tries again.
  }
};
const timer = setInterval(pass, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  pass();
  db.close();
  parentPort.close();
});
`;

/** A thread of its own that checkpoints an SQLite file in write-ahead-log mode. */
export interface Checkpointer {
  /** Runs a last pass, closes its connection and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the database at `path` every INTERVAL_MS from a worker thread with its own
 * connection, so commits on the server's thread no longer stop to copy pages back and flush
 * the file (half a booking's commit time). A PASSIVE checkpoint never blocks the writer; the
 * log's durability is the same, as the commits themselves are unchanged. The caller raises its
 * connection's own automatic checkpoint to CHECKPOINTED_ELSEWHERE_PAGES.
 */
export function startCheckpointer(path: string, synchronous: 'NORMAL' | 'FULL'): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, synchronous, intervalMs: INTERVAL_MS } });
  // It must never keep a process alive, nor take it down: a failing pass only leaves the work to the commits.
  worker.unref();
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      const deadline = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(deadline);
    },
  };
}
