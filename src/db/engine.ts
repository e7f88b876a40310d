import type { ColumnDataType } from 'kysely';

/** Which storage engine a database runs on. */
export type EngineName = 'sqlite' | 'postgres';

/**
 * Everything that differs between SQLite and PostgreSQL, named as capabilities, so that
 * repositories and migrations ask "what is a unique violation here" instead of `if (postgres)`.
 */
export interface EngineCapabilities {
  name: EngineName;
  /** Column type of an auto-incrementing integer primary key. */
  autoIdType: ColumnDataType;
  /** Whether this engine's error is a violation of the named unique index. */
  isUniqueViolation(error: unknown, index: UniqueIndex): boolean;
  /** Whether live events can cross processes through the database (LISTEN/NOTIFY). */
  crossProcessEvents: boolean;
}

/** A unique index by its PostgreSQL name and the `table.column` list SQLite reports instead. */
export interface UniqueIndex {
  name: string;
  sqliteColumns: string;
}

function hasField(error: unknown, field: string): error is Record<string, unknown> {
  return typeof error === 'object' && error !== null && field in error;
}

export const sqliteCapabilities: EngineCapabilities = {
  name: 'sqlite',
  autoIdType: 'integer',
  // SQLite names the columns, not the index: "UNIQUE constraint failed: bookings.office_id, bookings.nik".
  isUniqueViolation: (error, index) =>
    hasField(error, 'code') &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
    String(error.message).includes(index.sqliteColumns),
  crossProcessEvents: false,
};

export const postgresCapabilities: EngineCapabilities = {
  name: 'postgres',
  autoIdType: 'serial',
  isUniqueViolation: (error, index) =>
    hasField(error, 'code') && error.code === '23505' && error.constraint === index.name,
  crossProcessEvents: true,
};
