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

/** The unique index on an office's counter numbers, to recognise a taken number on either engine. */
export const UNIQUE_COUNTER_NUMBER = { name: 'counters_office_number_unique', sqliteColumns: 'counters.office_id, counters.number' };

/** Every counter of an office by number, switched off or not. */
export function listAllCounters(db: Executor, officeId: number): Promise<CounterRow[]> {
  return db.selectFrom('counters').selectAll().where('office_id', '=', officeId).orderBy('number').execute();
}

/** One counter of an office by its number, switched off or not. */
export function findAnyCounter(db: Executor, officeId: number, number: number): Promise<CounterRow | undefined> {
  return db.selectFrom('counters').selectAll().where('office_id', '=', officeId).where('number', '=', number).executeTakeFirst();
}

/** Adds one counter and returns its id. */
export async function insertCounter(db: Executor, row: { office_id: number; number: number; name: string; active: number }): Promise<number> {
  const inserted = await db.insertInto('counters').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Renames a counter or switches it on or off. */
export async function updateCounter(db: Executor, id: number, changes: Partial<Pick<CounterRow, 'name' | 'active'>>): Promise<void> {
  if (Object.keys(changes).length) await db.updateTable('counters').set(changes).where('id', '=', id).execute();
}

/** Limits a counter to these services; an empty list lets it serve every service. */
export async function setCounterServices(db: Executor, counterId: number, serviceIds: readonly number[]): Promise<void> {
  await db.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
  if (serviceIds.length) await db.insertInto('counter_services').values(serviceIds.map((service_id) => ({ counter_id: counterId, service_id }))).execute();
}

/** The service ids each counter of an office is limited to, by counter id; counters serving everything are absent. */
export async function counterServicesOfOffice(db: Executor, officeId: number): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select(['counter_services.counter_id', 'counter_services.service_id'])
    .where('counters.office_id', '=', officeId)
    .execute();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(Number(r.counter_id)) ?? [];
    list.push(Number(r.service_id));
    out.set(Number(r.counter_id), list);
  }
  return out;
}

/**
 * Makes the clerk the counter's holder from `at`, if the counter still has the holder the
 * caller saw (`expected`): two clerks taking a free counter at once cannot both win.
 */
export async function claimCounter(db: Executor, counterId: number, userId: number, at: string, expected: { userId: number | null; since: string | null }): Promise<boolean> {
  let q = db.updateTable('counters').set({ clerk_user_id: userId, clerk_since: at }).where('id', '=', counterId);
  q = expected.userId === null ? q.where('clerk_user_id', 'is', null) : q.where('clerk_user_id', '=', expected.userId);
  q = expected.since === null ? q.where('clerk_since', 'is', null) : q.where('clerk_since', '=', expected.since);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The username of a staff member, for saying who holds a counter. */
export async function staffUsername(db: Executor, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return row?.username ?? null;
}

/** Frees every counter a clerk holds (they logged out); returns which, for announcing. */
export async function releaseCountersOf(db: Executor, userId: number): Promise<{ officeId: number; number: number }[]> {
  const rows = await db
    .updateTable('counters')
    .set({ clerk_user_id: null, clerk_since: null })
    .where('clerk_user_id', '=', userId)
    .returning(['office_id', 'number'])
    .execute();
  return rows.map((r) => ({ officeId: Number(r.office_id), number: Number(r.number) }));
}
