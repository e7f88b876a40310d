/** What a staff member may do; routes list the roles they allow, admin included only when named. */
export const ROLES = ['admin', 'desk', 'counter', 'display'] as const;

/** A staff member's role. */
export type Role = (typeof ROLES)[number];

/** Whether a string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a login lasts. A working day for people at a desk; a month for the display, because
 * the waiting-room screen is an unattended TV that nobody is around to log back in.
 */
export function sessionLifetimeMs(role: Role): number {
  return role === 'display' ? 30 * 24 * HOUR_MS : 12 * HOUR_MS;
}
