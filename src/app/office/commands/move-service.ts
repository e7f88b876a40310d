import { listServices } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { moveInOrder, normalizeServiceCode } from '../../../domain/service-settings.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import type { AdminActor } from '../../shared/admin-scope.js';
import { reorderServices } from './reorder-services.js';

export interface MoveServiceOptions {
  officeSlug: string;
  actor: AdminActor;
  code: string;
  direction: 'up' | 'down';
}

/** Moves one service a place up or down the list: the admin page's arrows, which work without scripts. */
export async function moveService(ctx: AppContext, opts: MoveServiceOptions): Promise<ServiceRow[]> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  const codes = (await listServices(ctx.storage.db, office.id, { includeInactive: true })).map((s) => s.code);
  const code = normalizeServiceCode(opts.code);
  if (!codes.includes(code)) throw new DomainError('NOT_FOUND', { what: 'service' });
  return reorderServices(ctx, { officeSlug: opts.officeSlug, actor: opts.actor, codes: moveInOrder(codes, code, opts.direction) });
}
