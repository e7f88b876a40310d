import { recordAudit } from '../../../db/repositories/audit.js';
import { counterServiceIds, findAnyCounter, setCounterServices, updateCounter as updateCounterRow } from '../../../db/repositories/counters.js';
import { listServices } from '../../../db/repositories/catalogue.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { counterProblems } from '../../../domain/counter-settings.js';
import type { AppContext } from '../../shared/context.js';
import { announceFloor } from '../../floor/floor-events.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';
import { counterSnapshot } from '../../shared/catalogue-snapshots.js';
import { type CounterSetting, resolveServiceCodes } from '../queries/list-office-counters.js';

export interface UpdateCounterOptions {
  officeSlug: string;
  actor: AdminActor;
  number: number;
  name?: string | undefined;
  /** Codes of the services it serves from now on; empty for every service; absent to keep them. */
  services?: readonly string[] | undefined;
  /** Off: it is no longer offered to the counter staff nor shown on the board. */
  active?: boolean | undefined;
}

/**
 * Renames a counter, changes what it serves or switches it on or off. Call-next reads the
 * counter's services from the database on every press, so the next call already follows them.
 */
export async function updateCounter(ctx: AppContext, opts: UpdateCounterOptions): Promise<CounterSetting> {
  const problems = counterProblems({ name: opts.name });
  if (problems.length) throw new InvalidInputError(problems);
  const at = ctx.now().toISOString();
  const result = await ctx.storage.db.transaction().execute(async (trx) => {
    const office = await requireManagedOffice(trx, opts.officeSlug, opts.actor);
    const counter = await findAnyCounter(trx, office.id, opts.number);
    if (!counter) throw new DomainError('NOT_FOUND', { what: 'counter' });
    const codeOf = new Map((await listServices(trx, office.id, { includeInactive: true })).map((s) => [Number(s.id), s.code]));
    const beforeCodes = (await counterServiceIds(trx, counter.id)).map((id) => codeOf.get(id) ?? String(id));
    const services = opts.services === undefined ? undefined : await resolveServiceCodes(trx, office.id, opts.services);
    const changes: { name?: string; active?: number } = {};
    if (opts.name !== undefined) changes.name = opts.name.trim();
    if (opts.active !== undefined) changes.active = opts.active ? 1 : 0;
    await updateCounterRow(trx, counter.id, changes);
    if (services) await setCounterServices(trx, counter.id, services.map((s) => s.id));
    const after = { ...counter, ...changes };
    const afterCodes = services ? services.map((s) => s.code) : beforeCodes;
    const [was, is] = [counterSnapshot(counter, beforeCodes), counterSnapshot(after, afterCodes)];
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      await recordAudit(trx, auditOf(opts.actor, at, { officeId: office.id, action: 'counter.update', subject: String(counter.number), before: was, after: is }));
    }
    return { officeId: office.id, counter: { number: after.number, name: after.name, active: after.active === 1, paused: after.paused === 1, services: afterCodes } };
  });
  await announceFloor(ctx, result.officeId, { kind: 'counters_changed', counter: opts.number });
  return result.counter;
}
