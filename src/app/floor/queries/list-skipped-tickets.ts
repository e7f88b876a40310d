import type { BookingView } from '../../booking/read-models.js';
import { listTicketsInStatus } from '../../../db/repositories/floor.js';
import type { AppContext, OfficeOptions } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';

/**
 * Today's tickets skipped as no-shows at a counter, latest first: the people the desk may put
 * back in line when they turn up saying they missed their call.
 */
export async function listSkippedTickets(ctx: AppContext, { officeSlug }: OfficeOptions): Promise<BookingView[]> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, officeSlug);
  const { today } = officeClock(office, ctx.now());
  return listTicketsInStatus(db, office.id, today, 'skipped');
}
