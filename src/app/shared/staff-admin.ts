import { lockUnrestrictedAdmins } from '../../db/repositories/staff.js';
import type { Executor } from '../../db/repositories/offices.js';
import type { UserRow } from '../../db/schema.js';
import { DomainError, InvalidInputError } from '../../domain/errors.js';
import { managesOffice } from '../../domain/staff-account.js';
import { findOfficeBySlug } from '../../db/repositories/offices.js';
import type { AdminActor } from './admin-scope.js';

/** An account as the audit log keeps it: never its password hash. */
export function accountSnapshot(u: Pick<UserRow, 'username' | 'role' | 'office_id' | 'disabled' | 'must_change_password'>): Record<string, unknown> {
  return { username: u.username, role: u.role, officeId: u.office_id, disabled: u.disabled === 1, mustChangePassword: u.must_change_password === 1 };
}

/** OTHER_OFFICE unless the actor manages the account's office (an unrestricted account only an unrestricted admin does). */
export function requireManagedAccount(actor: AdminActor, user: Pick<UserRow, 'office_id'>): void {
  if (actor && !managesOffice(actor, user.office_id === null ? null : Number(user.office_id))) throw new DomainError('OTHER_OFFICE');
}

/**
 * The office id an account is to be tied to: the named office (OFFICE_UNKNOWN on the `office`
 * field when there is none), null for every office. An admin of one office may only tie
 * accounts to it, and leaving the office out means theirs: they cannot make an unrestricted one.
 */
export async function officeIdFor(db: Executor, actor: AdminActor, slug: string | null | undefined): Promise<number | null> {
  if (slug === undefined && actor?.officeId != null) return actor.officeId;
  if (slug === null || slug === undefined) {
    if (actor && actor.officeId !== null) throw new DomainError('OTHER_OFFICE');
    return null;
  }
  const office = await findOfficeBySlug(db, slug.trim());
  if (!office) throw new InvalidInputError([{ field: 'office', problem: 'OFFICE_UNKNOWN' }]);
  if (actor && !managesOffice(actor, office.id)) throw new DomainError('OTHER_OFFICE');
  return office.id;
}

/**
 * LAST_ADMIN when the change would leave no enabled admin of every office, the one account that
 * can reach everything (every office, every account). Counted under those admins' row locks,
 * so two admins demoting or disabling each other at once cannot both pass.
 */
export async function keepAnUnrestrictedAdmin(trx: Executor, user: Pick<UserRow, 'id'>, stillUnrestrictedAdmin: boolean): Promise<void> {
  if (stillUnrestrictedAdmin) return;
  const admins = await lockUnrestrictedAdmins(trx);
  if (admins.includes(Number(user.id)) && admins.length <= 1) throw new DomainError('LAST_ADMIN');
}
