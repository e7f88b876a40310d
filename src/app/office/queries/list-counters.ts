import { listCounters as listCounterRows } from '../../../db/repositories/counters.js';
import type { CounterRow } from '../../../db/schema.js';
import type { AppContext, OfficeOptions } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

/** An office's active counters. */
export async function listCounters(ctx: AppContext, { officeSlug }: OfficeOptions): Promise<CounterRow[]> {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  return listCounterRows(ctx.storage.db, office.id);
}
