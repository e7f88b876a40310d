import type { OfficeRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { openDraw } from '../../../domain/release-schedule.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import type { AppContext } from '../../shared/context.js';
import { DRAW_RETRY_AFTER_SECONDS, isDrawPending } from './pending-draw.js';

/**
 * Refuses (DRAW_IN_PROGRESS, with the seconds to wait) an online move into a date whose draw
 * window is open or whose draw has not been made yet: moving a booking held on another day
 * into a fresh release must not overtake the entrants.
 */
export async function assertNoDrawHolds(ctx: AppContext, office: OfficeRow, date: string, now: Date): Promise<void> {
  const open = openDraw(date, releaseRulesOf(office), office.timezone, now);
  if (open) {
    throw new DomainError('DRAW_IN_PROGRESS', { retryAfterSeconds: Math.ceil((open.drawAt.getTime() - now.getTime()) / 1000) + DRAW_RETRY_AFTER_SECONDS });
  }
  if (await isDrawPending(ctx, office, date, now)) throw new DomainError('DRAW_IN_PROGRESS', { retryAfterSeconds: DRAW_RETRY_AFTER_SECONDS });
}
