import { claimCounter, counterServicesOfOffice, findCounter, listCounters, staffUsername } from '../../db/repositories/counters.js';
import type { Executor } from '../../db/repositories/offices.js';
import type { CounterRow, OfficeRow } from '../../db/schema.js';
import { claimDecision, type CounterReach, currentClerk } from '../../domain/counter-work.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../shared/ticket-lifecycle.js';

/** Who else holds a counter today, by name, for the warning. */
export interface CounterHolder {
  userId: number;
  username: string;
  since: string;
}

/** The clerk holding the counter today other than `userId`, or null. */
export async function otherHolder(db: Executor, office: OfficeRow, counter: CounterRow, userId: number, now: Date): Promise<CounterHolder | null> {
  const claim = { userId: counter.clerk_user_id === null ? null : Number(counter.clerk_user_id), since: counter.clerk_since };
  if (claimDecision(claim, userId, office.timezone, now) !== 'held_by_other' || claim.userId === null || claim.since === null) return null;
  return { userId: claim.userId, username: (await staffUsername(db, claim.userId)) ?? '?', since: claim.since };
}

/**
 * Makes sure the acting clerk holds the counter: takes it when nobody holds it today, and
 * refuses with COUNTER_HELD (naming the holder) when another clerk does. One clerk per
 * counter keeps the record of who served whom true; taking over is a deliberate step.
 */
export async function holdCounter(db: Executor, office: OfficeRow, counter: CounterRow, actor: Actor, now: Date): Promise<void> {
  let row: CounterRow | undefined = counter;
  // Twice at most: a lost race to take a free counter is decided again on the winner's row.
  for (let attempt = 0; attempt < 2 && row; attempt++) {
    const claim = { userId: row.clerk_user_id === null ? null : Number(row.clerk_user_id), since: row.clerk_since };
    const decision = claimDecision(claim, actor.userId, office.timezone, now);
    if (decision === 'holds') return;
    if (decision === 'held_by_other') {
      const holder = await otherHolder(db, office, row, actor.userId, now);
      throw new DomainError('COUNTER_HELD', { counter: row.number, clerk: holder?.username ?? '?' });
    }
    if (await claimCounter(db, row.id, actor.userId, now.toISOString(), claim)) return;
    row = await findCounter(db, office.id, row.number);
  }
  throw new DomainError('NOT_FOUND', { what: 'counter' });
}

/** Every active counter of the office with its services, pause and whether a clerk holds it today. */
export async function counterReach(db: Executor, office: OfficeRow, now: Date): Promise<CounterReach[]> {
  const [counters, services] = await Promise.all([listCounters(db, office.id), counterServicesOfOffice(db, office.id)]);
  return counters.map((c) => ({
    number: Number(c.number),
    serviceIds: services.get(Number(c.id)) ?? [],
    paused: Number(c.paused) === 1,
    staffed: currentClerk({ userId: c.clerk_user_id === null ? null : Number(c.clerk_user_id), since: c.clerk_since }, office.timezone, now) !== null,
  }));
}
