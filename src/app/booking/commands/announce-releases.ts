import { listOffices } from '../../../db/repositories/offices.js';
import { releasesBetween } from '../../../domain/release-schedule.js';
import type { AppContext } from '../../shared/context.js';
import { loadSessionsByDate } from '../../office/queries/sessions-by-date.js';
import { releaseRulesOf } from '../../office/release-rules.js';

export interface AnnounceReleasesOptions {
  /** The end of the previous pass: waves at or before it were announced then. */
  after: Date;
  /** Now: waves up to this instant are announced. */
  upTo: Date;
}

/**
 * Tells open booking pages, through the event bus, that a release wave has come: an
 * `availability` event for every session of the day it released, as a booking would. Nothing
 * changes in storage; a wave's places open by the clock alone, so without this an open page
 * would learn of them only at its next poll. Returns how many waves were announced.
 */
export async function announceReleases(ctx: AppContext, opts: AnnounceReleasesOptions): Promise<number> {
  let announced = 0;
  for (const office of await listOffices(ctx.storage.db)) {
    for (const { date } of releasesBetween(releaseRulesOf(office), office.timezone, opts.after, opts.upTo)) {
      const sessionsOn = await loadSessionsByDate(ctx.storage.db, office.id, date, date);
      for (const s of sessionsOn(date)) await ctx.events.publish({ officeId: office.id, type: 'availability', payload: { date, sessionId: s.id } });
      announced++;
    }
  }
  return announced;
}
