import type { Insertable } from 'kysely';
import type { LoginAttemptsTable, StaffSessionsTable, UserRow, UsersTable } from '../schema.js';
import type { Executor } from './offices.js';

/** The unique index on usernames, to recognise a taken name on either engine. */
export const UNIQUE_USERNAME = { name: 'users_username_unique', sqliteColumns: 'users.username' };

/** The account with that (normalised) username, disabled or not. */
export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Every account, oldest first; only those tied to `officeId` when given. */
export function listUsers(db: Executor, officeId?: number): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (officeId !== undefined) q = q.where('office_id', '=', officeId);
  return q.orderBy('id').execute();
}

/** How many accounts exist; zero means nobody could log in yet. */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Locks the rows of the enabled admins of every office (office_id null) until the transaction
 * ends and returns their ids. A no-op UPDATE rather than SELECT … FOR UPDATE so it works on both
 * engines: PostgreSQL locks the rows (and a waiter re-reads them, so an admin disabled meanwhile
 * drops out), SQLite takes its write lock. Two admins disabling or demoting each other at once
 * are then counted one after the other.
 */
export async function lockUnrestrictedAdmins(db: Executor): Promise<number[]> {
  const rows = await db
    .updateTable('users')
    .set((eb) => ({ disabled: eb.ref('disabled') }))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('office_id', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Adds an account and returns its id; fails on a taken username (UNIQUE_USERNAME). */
export async function insertUser(db: Executor, user: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The fields of an account an admin or its owner may change. */
export type UserChanges = Partial<Pick<UserRow, 'role' | 'office_id' | 'password_hash' | 'must_change_password'>> & { updated_at: string };

/** Changes an account's role, office or password. */
export async function updateUser(db: Executor, id: number, changes: UserChanges): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Disables or re-enables an account. */
export async function setUserDisabled(db: Executor, id: number, disabled: boolean, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: at }).where('id', '=', id).execute();
}

/** Adds a session. */
export async function insertStaffSession(db: Executor, session: Insertable<StaffSessionsTable>): Promise<void> {
  await db.insertInto('staff_sessions').values(session).execute();
}

/** A session that has not expired, with its account, provided the account is not disabled. */
export function findLiveSession(db: Executor, id: string, now: string) {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('users', 'users.id', 'staff_sessions.user_id')
    .select([
      'staff_sessions.id as session_id',
      'staff_sessions.csrf_token',
      'staff_sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.role',
      'users.office_id',
      'users.must_change_password',
    ])
    .where('staff_sessions.id', '=', id)
    .where('staff_sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

/** Records that a session was used. */
export async function touchStaffSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteStaffSession(db: Executor, id: string): Promise<number | null> {
  const row = await db.deleteFrom('staff_sessions').where('id', '=', id).returning('user_id').executeTakeFirst();
  return row ? Number(row.user_id) : null;
}

/** Ends every session of an account. */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

/** Ends every session of an account but one: the browser that changed the password stays logged in. */
export async function deleteOtherSessionsOfUser(db: Executor, userId: number, keepSessionId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).where('id', '<>', keepSessionId).execute();
}

/** Removes sessions that expired before `now`; they could no longer log anyone in anyway. */
export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
}

/**
 * Takes the login gate until the end of the transaction `db`: the row lock on PostgreSQL, the
 * write lock on SQLite (an UPDATE is the transaction's first statement), so that no other process
 * counts or records attempts in between. Call it first in the transaction.
 */
export async function passLoginGate(db: Executor, at: string): Promise<void> {
  await db.updateTable('login_gate').set({ passed_at: at }).where('id', '=', 1).execute();
}

/** Records one login attempt and returns its id; ids grow in the order attempts pass the gate. */
export async function insertLoginAttempt(db: Executor, attempt: Insertable<LoginAttemptsTable>): Promise<number> {
  const row = await db.insertInto('login_attempts').values(attempt).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Marks an attempt, recorded as failed before its password was checked, as a success. */
export async function markLoginAttemptSucceeded(db: Executor, id: number): Promise<void> {
  await db.updateTable('login_attempts').set({ success: 1 }).where('id', '=', id).execute();
}

/** Every attempt after `since` on a username or from an address, failed or not. */
export async function attemptsSince(db: Executor, by: { username: string; address: string }, since: string) {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['id', 'username', 'address', 'at', 'success'])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('username', '=', by.username), eb('address', '=', by.address)]))
    .execute();
  return rows.map((r) => ({ id: Number(r.id), username: r.username, address: r.address, at: r.at, success: r.success === 1 }));
}

/** Forgets attempts older than `before`; they no longer count against any limit. */
export async function deleteLoginAttemptsBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
