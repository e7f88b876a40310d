import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('the statement cache of a SQLite connection', () => {
  it('prepares a SQL text once and hands the same statement back', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    expect(db.prepare('SELECT 1')).toBe(db.prepare('SELECT 1'));
    expect(db.prepare('SELECT 2')).not.toBe(db.prepare('SELECT 1'));
    db.close();
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    const first = db.prepare('SELECT 1 UNION ALL SELECT 2');
    const rows = first.iterate([]);
    rows.next();
    const second = db.prepare('SELECT 1 UNION ALL SELECT 2');
    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(2);
    rows.return?.();
    db.close();
  });

  it('drops the least recently used statement past its capacity', () => {
    const db = withStatementCache(new SQLite(':memory:'), 2);
    const one = db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    db.prepare('SELECT 1');
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(one);
    db.close();
  });
});
