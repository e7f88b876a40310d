import { findLiveSession, touchStaffSession } from '../../../db/repositories/staff.js';
import type { StaffMember } from '../../../domain/staff-account.js';
import { isRole } from '../../../domain/staff-role.js';
import type { AppContext } from '../../shared/context.js';
import { sessionIdOf } from '../session-token.js';

/** A live session: who it belongs to and the token its forms must carry. */
export interface StaffSession {
  staff: StaffMember;
  csrfToken: string;
}

/** Last-seen is written at most this often, so a busy screen does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface FindStaffSessionOptions {
  /** The session cookie's token as the browser sent it. */
  token: string;
}

/**
 * The staff member a session cookie token belongs to, or null when the token is unknown, has
 * expired or its account is disabled. Read from the database on every request, so a disabled
 * account or a logout takes effect at once in every process.
 */
export async function findStaffSession(ctx: AppContext, { token }: FindStaffSessionOptions): Promise<StaffSession | null> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const row = await findLiveSession(db, sessionIdOf(token), now.toISOString());
  if (!row || !isRole(row.role)) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) await touchStaffSession(db, row.session_id, now.toISOString());
  return {
    staff: { id: Number(row.user_id), username: row.username, role: row.role, officeId: row.office_id === null ? null : Number(row.office_id) },
    csrfToken: row.csrf_token,
  };
}
