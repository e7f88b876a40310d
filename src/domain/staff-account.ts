import type { FieldProblem } from './errors.js';
import { isRole, type Role } from './staff-role.js';

/** A logged-in staff member as the rest of the system sees them: never the password hash. */
export interface StaffMember {
  id: number;
  username: string;
  role: Role;
  /** The office they work at; null for staff of every office (the first admin). */
  officeId: number | null;
  /** An admin reset the password: nothing but changing it is allowed until they do. */
  mustChangePassword: boolean;
}

/** Shortest password accepted: long enough that the per-account attempt limit makes guessing hopeless. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted; bounds the hashing work one request can ask for. */
export const MAX_PASSWORD_LENGTH = 200;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** A username as stored: trimmed and lower-case, so `Budi` and `budi` are one account. */
export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The problem with a password to be set, as a field problem of `field`; null when it will do. */
export function passwordProblem(password: string, field = 'password'): FieldProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { field, problem: 'PASSWORD_TOO_SHORT' };
  if (password.length > MAX_PASSWORD_LENGTH) return { field, problem: 'TOO_LONG' };
  return null;
}

/**
 * Whether an admin may manage what belongs to an office (its services, counters, staff):
 * an admin of every office (no office of their own) anywhere, an office's admin only there.
 * `officeId` null is what belongs to every office, such as an unrestricted account.
 */
export function managesOffice(admin: Pick<StaffMember, 'officeId'>, officeId: number | null): boolean {
  return admin.officeId === null || admin.officeId === officeId;
}

/** Every problem with a new account's fields at once, as field problems; empty when all is well. */
export function newAccountProblems(input: { username: string; password: string; role: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!USERNAME.test(normalizeUsername(input.username))) problems.push({ field: 'username', problem: 'USERNAME_INVALID' });
  const password = passwordProblem(input.password);
  if (password) problems.push(password);
  if (!isRole(input.role)) problems.push({ field: 'role', problem: 'ROLE_INVALID' });
  return problems;
}
