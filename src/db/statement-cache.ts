import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * How many distinct statements one connection keeps prepared. The code has a few hundred
 * distinct queries; lists of varying length (`IN (?, ?, …)`) add some. Past the limit the
 * least recently used statement is dropped (better-sqlite3 finalises it when collected).
 */
const DEFAULT_CAPACITY = 1_000;

/**
 * The better-sqlite3 connection as Kysely sees it, with each statement prepared once per SQL
 * text and reused. Kysely's SqliteDialect prepares every query anew, which on a hot path costs
 * more than running it: a booking or an availability read runs the same dozen statements each
 * time. A statement is safe to reuse: better-sqlite3 runs synchronously on one thread, and
 * SQLite re-prepares a statement by itself when the schema changed (a migration).
 */
export function withStatementCache(connection: SqliteConnection, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      connection.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, statement);
        // A statement still being iterated (a streamed query) cannot run twice at once: use a fresh one.
        return statement.busy ? connection.prepare(sql) : statement;
      } else {
        statement = connection.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
        return statement;
      }
    },
  };
}
