import type { CounterRow } from '../schema.js';
import type { Executor } from './offices.js';

/** An office's active counters by number. */
export function listCounters(db: Executor, officeId: number): Promise<CounterRow[]> {
  return db.selectFrom('counters').selectAll().where('office_id', '=', officeId).where('active', '=', 1).orderBy('number').execute();
}

/** One active counter of an office by its number. */
export function findCounter(db: Executor, officeId: number, number: number): Promise<CounterRow | undefined> {
  return db
    .selectFrom('counters')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('number', '=', number)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Adds counters 1…n to an office, each serving every service. */
export async function insertCounters(db: Executor, officeId: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({ office_id: officeId, number: i + 1, name: `Loket ${i + 1}` }));
  if (rows.length) await db.insertInto('counters').values(rows).execute();
}

/** The services a counter is limited to; empty means every service. */
export async function counterServiceIds(db: Executor, counterId: number): Promise<number[]> {
  const rows = await db.selectFrom('counter_services').select('service_id').where('counter_id', '=', counterId).execute();
  return rows.map((r) => Number(r.service_id));
}

/** Pauses or resumes a counter. */
export async function setCounterPaused(db: Executor, counterId: number, paused: boolean): Promise<void> {
  await db.updateTable('counters').set({ paused: paused ? 1 : 0 }).where('id', '=', counterId).execute();
}

/**
 * Takes the counter's row lock until the transaction ends (a no-op UPDATE: PostgreSQL locks
 * the row, SQLite takes its write lock) and returns whether the counter is paused. Two
 * call-next presses at one counter queue here, so "is it free" and "claim" are one step.
 */
export async function lockCounter(db: Executor, counterId: number): Promise<{ paused: boolean }> {
  const row = await db.updateTable('counters').set((eb) => ({ paused: eb.ref('paused') })).where('id', '=', counterId).returning('paused').executeTakeFirstOrThrow();
  return { paused: Number(row.paused) === 1 };
}
