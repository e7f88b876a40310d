import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Counts the writes made through one Kysely instance (its transactions included), per table,
 * so a read cache can tell in one comparison whether what it holds may have changed. A write
 * is counted when its statement is sent and again when it returns, so a read that overlapped
 * it (PostgreSQL runs them side by side) is never taken as newer than the write. Statements
 * whose table cannot be told (raw SQL that writes, schema changes) count against every table.
 */
export class WriteWatch implements KyselyPlugin {
  /** @param shared Whether other processes write the same database (PostgreSQL): their writes are not counted here. */
  constructor(readonly shared: boolean) {}

  private readonly perTable = new Map<string, number>();
  private everything = 0;
  private readonly pending = new WeakMap<object, string | null>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(args.node);
    if (table !== undefined) {
      this.pending.set(args.queryId, table);
      this.bump(table);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.pending.get(args.queryId);
    if (table !== undefined) this.bump(table);
    return args.result;
  }

  /** Marks a table changed from outside this process (an event of another server process). */
  bump(table: string | null): void {
    if (table === null) this.everything++;
    else this.perTable.set(table, (this.perTable.get(table) ?? 0) + 1);
  }

  /** A number that changes whenever any of the tables may have changed. */
  generation(tables: readonly string[]): number {
    let sum = this.everything;
    for (const t of tables) sum += this.perTable.get(t) ?? 0;
    return sum;
  }
}

const WRITING_SQL = /^\s*(with\b[\s\S]*\b)?(insert|update|delete|replace|create|alter|drop|vacuum)\b/i;

/** The table a statement writes: its name, null when it writes but the table is not known, undefined for a read. */
function writtenTable(node: RootOperationNode): string | null | undefined {
  switch (node.kind) {
    case 'InsertQueryNode':
      return tableName(node.into);
    case 'UpdateQueryNode':
      return tableName(node.table);
    case 'DeleteQueryNode':
      return node.from.froms.length === 1 ? tableName(node.from.froms[0]) : null;
    case 'SelectQueryNode':
      return undefined;
    case 'RawNode':
      return WRITING_SQL.test(node.sqlFragments.join('?')) ? null : undefined;
    default:
      // Schema changes (migrations) and anything else: assume everything changed.
      return null;
  }
}

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'TableNode') return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  return null;
}

const watches = new WeakMap<object, WriteWatch>();

/** Ties a watch to the Kysely instance it is installed on (openStorage does it). */
export function registerWriteWatch(db: object, watch: WriteWatch): void {
  watches.set(db, watch);
}

/** The write watch of a database opened by openStorage; none for a transaction or another instance. */
export function writeWatchOf(db: object): WriteWatch | undefined {
  return watches.get(db);
}
