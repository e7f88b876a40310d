import { recordAudit } from '../../../db/repositories/audit.js';
import { findAnyServiceByCode, insertService, lastServicePosition, UNIQUE_SERVICE_CODE } from '../../../db/repositories/catalogue.js';
import type { ServiceRow } from '../../../db/schema.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { cleanDocuments, normalizeServiceCode, serviceProblems } from '../../../domain/service-settings.js';
import type { AppContext } from '../../shared/context.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';
import { serviceSnapshot } from '../../shared/catalogue-snapshots.js';

export interface AddServiceOptions {
  officeSlug: string;
  actor: AdminActor;
  code: string;
  nameId: string;
  nameEn: string;
  documentsId?: readonly string[] | undefined;
  documentsEn?: readonly string[] | undefined;
  /** Who may use the service, a condition shown apart from the documents. */
  eligibilityId?: string | undefined;
  eligibilityEn?: string | undefined;
  /** Defaults to false: most services can be done by a family member. */
  needsPresence?: boolean | undefined;
  /** Defaults to true: bookable at once. */
  active?: boolean | undefined;
}

/** Adds a service at the end of an office's list; SERVICE_CODE_TAKEN when the office has that code, switched off or not. */
export async function addService(ctx: AppContext, opts: AddServiceOptions): Promise<ServiceRow> {
  const problems = serviceProblems(opts);
  if (problems.length) throw new InvalidInputError(problems);
  const code = normalizeServiceCode(opts.code);
  const at = ctx.now().toISOString();
  return ctx.storage.db.transaction().execute(async (trx) => {
    const office = await requireManagedOffice(trx, opts.officeSlug, opts.actor);
    if (await findAnyServiceByCode(trx, office.id, code)) throw new DomainError('SERVICE_CODE_TAKEN', { code });
    const position = (await lastServicePosition(trx, office.id)) + 1;
    try {
      await insertService(trx, {
        office_id: office.id,
        code,
        name: opts.nameId.trim(),
        name_en: opts.nameEn.trim(),
        documents: JSON.stringify(cleanDocuments(opts.documentsId ?? [])),
        documents_en: JSON.stringify(cleanDocuments(opts.documentsEn ?? [])),
        eligibility: (opts.eligibilityId ?? '').trim(),
        eligibility_en: (opts.eligibilityEn ?? '').trim(),
        needs_presence: opts.needsPresence ? 1 : 0,
        active: opts.active === false ? 0 : 1,
        sort_order: position,
      });
    } catch (error) {
      // Another admin added the same code in between.
      if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_SERVICE_CODE)) throw new DomainError('SERVICE_CODE_TAKEN', { code });
      throw error;
    }
    const row = await findAnyServiceByCode(trx, office.id, code);
    if (!row) throw new Error(`service ${code} vanished after insert`);
    await recordAudit(trx, auditOf(opts.actor, at, { officeId: office.id, action: 'service.create', subject: code, before: null, after: serviceSnapshot(row) }));
    return row;
  });
}
