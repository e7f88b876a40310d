import { recordAudit } from '../../../db/repositories/audit.js';
import { listServices, lockServices, updateService } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { normalizeServiceCode } from '../../../domain/service-settings.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';

export interface ReorderServicesOptions {
  officeSlug: string;
  actor: AdminActor;
  /** Every service code of the office, switched off ones included, each once, in the new order. */
  codes: readonly string[];
}

/**
 * Puts an office's services in a new order, the order citizens and the desk choose from. The
 * list must name every service exactly once (ORDER_MISMATCH otherwise), so a client working
 * from an old list cannot silently drop a service added meanwhile to the end.
 */
export async function reorderServices(ctx: AppContext, opts: ReorderServicesOptions): Promise<ServiceRow[]> {
  const codes = opts.codes.map(normalizeServiceCode);
  const at = ctx.now().toISOString();
  return ctx.storage.db.transaction().execute(async (trx) => {
    const office = await requireManagedOffice(trx, opts.officeSlug, opts.actor);
    await lockServices(trx, office.id);
    const services = await listServices(trx, office.id, { includeInactive: true });
    const known = new Set(services.map((s) => s.code));
    if (codes.length !== services.length || new Set(codes).size !== codes.length || codes.some((c) => !known.has(c))) {
      throw new InvalidInputError([{ field: 'codes', problem: 'ORDER_MISMATCH' }]);
    }
    const byCode = new Map(services.map((s) => [s.code, s]));
    for (const [i, code] of codes.entries()) {
      const s = byCode.get(code)!;
      if (s.sort_order !== i + 1) await updateService(trx, s.id, { sort_order: i + 1 });
    }
    const before = services.map((s) => s.code);
    if (before.join() !== codes.join()) {
      await recordAudit(trx, auditOf(opts.actor, at, { officeId: office.id, action: 'service.reorder', subject: office.slug, before: { order: before }, after: { order: codes } }));
    }
    return codes.map((code, i) => ({ ...byCode.get(code)!, sort_order: i + 1 }));
  });
}
