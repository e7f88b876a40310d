import { listServices as listServiceRows } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import type { AppContext, OfficeOptions } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

/** The services an office offers today, in display order. */
export async function listServices(ctx: AppContext, { officeSlug }: OfficeOptions): Promise<ServiceRow[]> {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  return listServiceRows(ctx.storage.db, office.id);
}
