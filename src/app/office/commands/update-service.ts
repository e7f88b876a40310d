import { recordAudit } from '../../../db/repositories/audit.js';
import { findAnyServiceByCode, type ServiceChanges, updateService as updateServiceRow } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { cleanDocuments, normalizeServiceCode, serviceProblems } from '../../../domain/service-settings.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';
import { serviceSnapshot } from '../../shared/catalogue-snapshots.js';

export interface UpdateServiceOptions {
  officeSlug: string;
  actor: AdminActor;
  code: string;
  nameId?: string | undefined;
  nameEn?: string | undefined;
  documentsId?: readonly string[] | undefined;
  documentsEn?: readonly string[] | undefined;
  /** Who may use the service, a condition shown apart from the documents; empty removes it. */
  eligibilityId?: string | undefined;
  eligibilityEn?: string | undefined;
  needsPresence?: boolean | undefined;
  /** Off: nobody can book it any more; bookings already made stay valid and are served. */
  active?: boolean | undefined;
}

/**
 * Changes a service's names, documents, presence rule or on/off; absent fields stay. The code
 * does not change: clients book by it and past bookings are reported by it.
 */
export async function updateService(ctx: AppContext, opts: UpdateServiceOptions): Promise<ServiceRow> {
  const problems = serviceProblems({ ...opts, code: undefined });
  if (problems.length) throw new InvalidInputError(problems);
  const code = normalizeServiceCode(opts.code);
  const at = ctx.now().toISOString();
  return ctx.storage.db.transaction().execute(async (trx) => {
    const office = await requireManagedOffice(trx, opts.officeSlug, opts.actor);
    const before = await findAnyServiceByCode(trx, office.id, code);
    if (!before) throw new DomainError('NOT_FOUND', { what: 'service' });
    const changes: ServiceChanges = {};
    if (opts.nameId !== undefined) changes.name = opts.nameId.trim();
    if (opts.nameEn !== undefined) changes.name_en = opts.nameEn.trim();
    if (opts.documentsId !== undefined) changes.documents = JSON.stringify(cleanDocuments(opts.documentsId));
    if (opts.documentsEn !== undefined) changes.documents_en = JSON.stringify(cleanDocuments(opts.documentsEn));
    if (opts.eligibilityId !== undefined) changes.eligibility = opts.eligibilityId.trim();
    if (opts.eligibilityEn !== undefined) changes.eligibility_en = opts.eligibilityEn.trim();
    if (opts.needsPresence !== undefined) changes.needs_presence = opts.needsPresence ? 1 : 0;
    if (opts.active !== undefined) changes.active = opts.active ? 1 : 0;
    await updateServiceRow(trx, before.id, changes);
    const after = { ...before, ...changes };
    const [was, is] = [serviceSnapshot(before), serviceSnapshot(after)];
    // A form saved without changes is no configuration change.
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      await recordAudit(trx, auditOf(opts.actor, at, { officeId: office.id, action: 'service.update', subject: code, before: was, after: is }));
    }
    return after;
  });
}
