import { findOfficeBySlug } from '../db/repositories/offices.js';
import type { Executor } from '../db/repositories/offices.js';
import type { OfficeRow } from '../db/schema.js';
import { DomainError } from '../domain/errors.js';

/** The office with that slug, or NOT_FOUND. */
export async function requireOffice(db: Executor, slug: string): Promise<OfficeRow> {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new DomainError('NOT_FOUND', { what: 'office' });
  return office;
}
