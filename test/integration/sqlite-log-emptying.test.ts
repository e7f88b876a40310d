import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/database.js';
import { emptySqliteLog } from '../../src/db/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'antrean-sqlite-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Another connection to the file checkpointing without pause, as the server's checkpointer
 * thread does every 100 ms: here so often that nearly every checkpoint of ours meets one.
 */
function busyCheckpointer(path: string): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Worker(
    `const { workerData } = require('node:worker_threads');
     const db = new (require(workerData.driver))(workerData.path);
     const pass = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} setImmediate(pass); };
     pass();`,
    { eval: true, workerData: { driver, path } },
  );
}

describe("emptying SQLite's write-ahead log", () => {
  it('leaves the log empty every time, though another connection keeps checkpointing', async () => {
    const path = join(dir, 'busy.sqlite');
    const storage = openStorage(`file:${path}`);
    await sql`CREATE TABLE notes (body TEXT)`.execute(storage.db);
    const other = busyCheckpointer(path);
    try {
      for (let round = 0; round < 40; round++) {
        await sql`INSERT INTO notes (body) VALUES (${`Purnama Sejati ${round}`})`.execute(storage.db);
        await sql`DELETE FROM notes`.execute(storage.db);
        await emptySqliteLog(storage.db);
        // The old frames held the deleted text: none may be left.
        expect(statSync(`${path}-wal`).size, `round ${round}`).toBe(0);
      }
    } finally {
      await other.terminate();
      await storage.close();
    }
  });
});
