import { releaseCountersOf } from '../../../db/repositories/counters.js';
import { deleteStaffSession } from '../../../db/repositories/staff.js';
import { announceFloor } from '../../floor/floor-events.js';
import type { AppContext } from '../../shared/context.js';
import { sessionIdOf } from '../session-token.js';

export interface LogOutOptions {
  /** The session token from the cookie. */
  token: string;
}

/**
 * Ends the session a token names and frees the counters its clerk holds, so a colleague can
 * take them without a take-over; an unknown token is already logged out, so it is no error.
 */
export async function logOut(ctx: AppContext, opts: LogOutOptions): Promise<void> {
  const released = await ctx.storage.db.transaction().execute(async (trx) => {
    const userId = await deleteStaffSession(trx, sessionIdOf(opts.token));
    return userId === null ? [] : releaseCountersOf(trx, userId);
  });
  for (const c of released) await announceFloor(ctx, c.officeId, { kind: 'counters_changed', counter: c.number });
}
