import { findOfficeBySlug } from '../../../db/repositories/offices.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import { cachedRead, WINDOW_TABLES } from '../../shared/read-cache.js';

/** The office with that slug, or NOT_FOUND. */
export async function requireOffice(db: Executor, slug: string): Promise<OfficeRow> {
  const office = await cachedRead(db, `office:${slug}`, WINDOW_TABLES.office, () => findOfficeBySlug(db, slug));
  if (!office) throw new DomainError('NOT_FOUND', { what: 'office' });
  return office;
}

export interface RequireStaffOfficeOptions {
  officeSlug: string;
  /** The office the staff member's account is tied to. */
  staffOfficeId: number;
}

/** The office, when a staff member tied to `staffOfficeId` may work there; OTHER_OFFICE otherwise. */
export async function requireStaffOffice(ctx: AppContext, { officeSlug, staffOfficeId }: RequireStaffOfficeOptions): Promise<OfficeRow> {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  if (office.id !== staffOfficeId) throw new DomainError('OTHER_OFFICE');
  return office;
}
