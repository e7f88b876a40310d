import { listServices } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

/** A service with its stored settings (names and documents in both languages, on/off, position). */
export type ServiceRecord = ServiceRow;

/** An office's services in display order: the bookable ones, or every one for the admin's list. */
export async function listOfficeServices(ctx: AppContext, opts: { officeSlug: string; includeInactive?: boolean }): Promise<ServiceRow[]> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  return listServices(ctx.storage.db, office.id, { includeInactive: opts.includeInactive ?? false });
}
