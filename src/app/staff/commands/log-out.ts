import { deleteStaffSession } from '../../../db/repositories/staff.js';
import type { AppContext } from '../../shared/context.js';
import { sessionIdOf } from '../session-token.js';

export interface LogOutOptions {
  /** The session token from the cookie. */
  token: string;
}

/** Ends the session a token names; an unknown token is already logged out, so it is no error. */
export async function logOut(ctx: AppContext, opts: LogOutOptions): Promise<void> {
  await deleteStaffSession(ctx.storage.db, sessionIdOf(opts.token));
}
