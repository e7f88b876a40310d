import { listOffices as listOfficeRows } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';

/** Every office people can book at. */
export function listOffices(ctx: AppContext): Promise<OfficeRow[]> {
  return listOfficeRows(ctx.storage.db);
}
