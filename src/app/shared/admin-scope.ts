import type { AuditEntry } from '../../db/repositories/audit.js';
import type { Executor } from '../../db/repositories/offices.js';
import type { OfficeRow } from '../../db/schema.js';
import { DomainError } from '../../domain/errors.js';
import { managesOffice, type StaffMember } from '../../domain/staff-account.js';
import { requireOffice } from '../office/queries/find-office.js';

/** The admin making a configuration change; null when it comes from the command line on the server. */
export type AdminActor = Pick<StaffMember, 'id' | 'username' | 'officeId'> | null;

/** The office with that slug when the actor may manage it: NOT_FOUND, or OTHER_OFFICE for an admin of another office. */
export async function requireManagedOffice(db: Executor, slug: string, actor: AdminActor): Promise<OfficeRow> {
  const office = await requireOffice(db, slug);
  if (actor && !managesOffice(actor, office.id)) throw new DomainError('OTHER_OFFICE');
  return office;
}

/** An audit entry of a change made by `actor` (who and when filled in). */
export function auditOf(
  actor: AdminActor,
  at: string,
  change: { officeId: number | null; action: string; subject: string; before: unknown; after: unknown },
): AuditEntry {
  return { at, userId: actor?.id ?? null, username: actor?.username ?? null, ...change };
}
