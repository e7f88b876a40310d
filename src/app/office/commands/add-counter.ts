import { recordAudit } from '../../../db/repositories/audit.js';
import { findAnyCounter, insertCounter, setCounterServices, UNIQUE_COUNTER_NUMBER } from '../../../db/repositories/counters.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { counterProblems } from '../../../domain/counter-settings.js';
import type { AppContext } from '../../shared/context.js';
import { announceFloor } from '../../floor/floor-events.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';
import { counterSnapshot } from '../../shared/catalogue-snapshots.js';
import { type CounterSetting, resolveServiceCodes } from '../queries/list-office-counters.js';

export interface AddCounterOptions {
  officeSlug: string;
  actor: AdminActor;
  number: number;
  name: string;
  /** Codes of the services it serves; empty or absent for every service. */
  services?: readonly string[] | undefined;
  /** Defaults to true. */
  active?: boolean | undefined;
}

/** Adds a counter (loket); COUNTER_NUMBER_TAKEN when the office has that number already. */
export async function addCounter(ctx: AppContext, opts: AddCounterOptions): Promise<CounterSetting> {
  const problems = counterProblems(opts);
  if (problems.length) throw new InvalidInputError(problems);
  const at = ctx.now().toISOString();
  const result = await ctx.storage.db.transaction().execute(async (trx) => {
    const office = await requireManagedOffice(trx, opts.officeSlug, opts.actor);
    const services = await resolveServiceCodes(trx, office.id, opts.services ?? []);
    if (await findAnyCounter(trx, office.id, opts.number)) throw new DomainError('COUNTER_NUMBER_TAKEN', { number: opts.number });
    const row = { office_id: office.id, number: opts.number, name: opts.name.trim(), active: opts.active === false ? 0 : 1 };
    let id: number;
    try {
      id = await insertCounter(trx, row);
    } catch (error) {
      if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_COUNTER_NUMBER)) throw new DomainError('COUNTER_NUMBER_TAKEN', { number: opts.number });
      throw error;
    }
    await setCounterServices(trx, id, services.map((s) => s.id));
    const codes = services.map((s) => s.code);
    await recordAudit(trx, auditOf(opts.actor, at, { officeId: office.id, action: 'counter.create', subject: String(opts.number), before: null, after: counterSnapshot(row, codes) }));
    return { officeId: office.id, counter: { number: row.number, name: row.name, active: row.active === 1, paused: false, services: codes } };
  });
  await announceFloor(ctx, result.officeId, { kind: 'counters_changed', counter: opts.number });
  return result.counter;
}
