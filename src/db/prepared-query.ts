import { type CompiledQuery, createQueryId, type QueryResult, type RootOperationNode } from 'kysely';
import type { Executor } from './repositories/offices.js';

/** Stands for a value while the query is built; never reaches the database. */
const MARKER = '\u0000antrean-value:';

/** A query as Kysely compiled it, with the place of each value in its parameters. */
interface Template {
  sql: string;
  query: RootOperationNode;
  /** Per parameter: the key of the value that goes there, or null for a constant of the query. */
  slots: (string | null)[];
  constants: readonly unknown[];
}

/** A value a prepared query puts into its statement as it is. */
type Value = string | number | bigint | null;

/**
 * A query of fixed shape, built and compiled by Kysely once per database and then run with
 * new values. A booking runs the same ten statements every time, and building and compiling
 * them in Kysely took about as much CPU as SQLite took to run them.
 *
 * `build` gets markers in place of the values and must put each one into the query as a
 * value, untouched: no branching on a value, no arithmetic, no `sql.raw`, no list. A value
 * that is undefined is left out, as Kysely leaves out an undefined column of an insert; each
 * set of keys present gets a compiled form of its own. The database's plugins see every run
 * as they see a query built afresh (the write watch counts it).
 */
export function preparedQuery<P extends Record<string, Value | undefined>, R>(
  build: (db: Executor, values: P) => { compile(): CompiledQuery<R> },
): (db: Executor, values: P) => Promise<QueryResult<R>> {
  // Per database (its dialect's adapter, shared by its transactions), per set of keys.
  const templates = new WeakMap<object, Map<string, Template>>();
  return async (db, values) => {
    const executor = db.getExecutor();
    const keys = Object.keys(values)
      .filter((key) => values[key] !== undefined)
      .sort();
    const shape = keys.join(',');
    let byShape = templates.get(executor.adapter);
    if (!byShape) templates.set(executor.adapter, (byShape = new Map()));
    let template = byShape.get(shape);
    if (!template) byShape.set(shape, (template = compileTemplate(db, build, keys)));
    const parameters = template.slots.map((key, i) => (key === null ? template.constants[i] : values[key]));
    const queryId = createQueryId();
    executor.transformQuery(template.query, queryId);
    return db.executeQuery<R>({ sql: template.sql, parameters, query: template.query, queryId } as CompiledQuery<R>);
  };
}

function compileTemplate<P, R>(db: Executor, build: (db: Executor, values: P) => { compile(): CompiledQuery<R> }, keys: string[]): Template {
  const markers = Object.fromEntries(keys.map((key) => [key, MARKER + key])) as P;
  const compiled = build(db, markers).compile();
  const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? p.slice(MARKER.length) : null));
  const used = new Set(slots);
  const lost = keys.filter((key) => !used.has(key));
  // A value baked into the SQL text (or dropped) would silently be the marker's, or the first caller's, forever.
  if (lost.length > 0 || compiled.sql.includes(MARKER)) throw new Error(`a prepared query must put each value in as a parameter; not so: ${lost.join(', ') || 'a value in the SQL text'}`);
  return { sql: compiled.sql, query: compiled.query, slots, constants: compiled.parameters };
}
