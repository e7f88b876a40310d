import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext, OfficeOptions } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

/** The office with that slug; NOT_FOUND when there is none. */
export function getOffice(ctx: AppContext, { officeSlug }: OfficeOptions): Promise<OfficeRow> {
  return requireOffice(ctx.storage.db, officeSlug);
}
