import { findAnyServiceByCode, listServices } from '../../../db/repositories/catalogue.js';
import { counterServicesOfOffice, listAllCounters, listCounters } from '../../../db/repositories/counters.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { ServiceRow } from '../../../db/schema.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { normalizeServiceCode } from '../../../domain/service-settings.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from './find-office.js';

/** A counter's settings: what it is called, whether it is in use, and the services it serves (none listed: every one). */
export interface CounterSetting {
  number: number;
  name: string;
  active: boolean;
  paused: boolean;
  services: string[];
}

/** An office's counters by number with the services each serves: the ones in use, or every one for the admin. */
export async function listOfficeCounters(ctx: AppContext, opts: { officeSlug: string; includeInactive?: boolean }): Promise<CounterSetting[]> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const counters = opts.includeInactive ? await listAllCounters(db, office.id) : await listCounters(db, office.id);
  const limits = await counterServicesOfOffice(db, office.id);
  const services = await listServices(db, office.id, { includeInactive: true });
  const position = new Map(services.map((s, i) => [Number(s.id), i]));
  const codeOf = new Map(services.map((s) => [Number(s.id), s.code]));
  return counters.map((c) => ({
    number: c.number,
    name: c.name,
    active: c.active === 1,
    paused: c.paused === 1,
    services: (limits.get(Number(c.id)) ?? [])
      .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .map((id) => codeOf.get(id) ?? String(id)),
  }));
}

/** The office's services named by these codes, each once; UNKNOWN_SERVICE on the `services` field for a code it lacks. */
export async function resolveServiceCodes(db: Executor, officeId: number, codes: readonly string[]): Promise<ServiceRow[]> {
  const out: ServiceRow[] = [];
  for (const code of new Set(codes.map(normalizeServiceCode))) {
    const service = await findAnyServiceByCode(db, officeId, code);
    if (!service) throw new InvalidInputError([{ field: 'services', problem: 'UNKNOWN_SERVICE' }]);
    out.push(service);
  }
  return out;
}
