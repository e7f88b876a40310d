import type { UserRow } from '../../db/schema.js';
import type { StaffMember } from '../../domain/staff-account.js';
import { isRole } from '../../domain/staff-role.js';

/** An account as use cases hand it out: no password hash. */
export interface StaffAccount extends StaffMember {
  disabled: boolean;
  createdAt: string;
}

/** The account of a stored row; a row with a role this version does not know is a bug, not input. */
export function toStaffAccount(row: UserRow): StaffAccount {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has unknown role ${row.role}`);
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role,
    officeId: row.office_id === null ? null : Number(row.office_id),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}
