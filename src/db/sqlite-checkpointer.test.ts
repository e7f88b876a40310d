import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINTED_ELSEWHERE_PAGES, startCheckpointer } from './sqlite-checkpointer.js';

describe('the checkpointer thread of a SQLite file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies commits into the database file while the writer never checkpoints, and stops', async () => {
    dir = mkdtempSync(join(tmpdir(), 'antrean-checkpointer-'));
    const path = join(dir, 'db.sqlite');
    const db = new SQLite(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`wal_autocheckpoint = ${CHECKPOINTED_ELSEWHERE_PAGES}`);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const before = statSync(path).size;
    const checkpointer = startCheckpointer(path, 'NORMAL');
    try {
      // About 200 pages: far below the writer's own threshold, so only the thread moves them.
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(4000));
      await expect.poll(() => statSync(path).size, { timeout: 15_000, interval: 20 }).toBeGreaterThan(before + 100 * 4096);
    } finally {
      await checkpointer.stop();
    }
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    db.close();
  });
});
