import { findCounter } from '../../../db/repositories/counters.js';
import type { CounterRow, OfficeRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

export interface CounterOptions {
  officeSlug: string;
  /** The counter's number at that office, as on its sign. */
  counterNumber: number;
}

/** The office and one of its counters, or NOT_FOUND. */
export async function requireCounter(ctx: AppContext, { officeSlug, counterNumber }: CounterOptions): Promise<{ office: OfficeRow; counter: CounterRow }> {
  const office = await requireOffice(ctx.storage.db, officeSlug);
  const counter = await findCounter(ctx.storage.db, office.id, counterNumber);
  if (!counter) throw new DomainError('NOT_FOUND', { what: 'counter' });
  return { office, counter };
}
