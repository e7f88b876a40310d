import { deleteIdempotencyKeysBefore } from '../../../db/repositories/bookings.js';
import type { AppContext } from '../../shared/context.js';

/** A retry comes within seconds or minutes; a day is far beyond any client's retry window. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Forgets idempotency keys older than a day, so the table stays small. */
export function forgetIdempotencyKeys(ctx: AppContext): Promise<number> {
  return deleteIdempotencyKeysBefore(ctx.storage.db, new Date(ctx.now().getTime() - KEEP_MS).toISOString());
}
