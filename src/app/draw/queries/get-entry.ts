import { findBookingById } from '../../../db/repositories/bookings.js';
import { findEntryById } from '../../../db/repositories/draws.js';
import { DomainError } from '../../../domain/errors.js';
import { bookablePlaces } from '../../../domain/next-open-day.js';
import { officeClock } from '../../../domain/office-clock.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import type { AppContext } from '../../shared/context.js';
import type { EntryState, EntryStatus } from '../read-models.js';

/** Days searched from today for places to offer an unplaced entrant. */
const NEXT_DAYS_SEARCHED = 30;
/** Days offered. */
const NEXT_DAYS_OFFERED = 3;

/** An entry by its id (its secret), with the booking it got or the next days with places; NOT_FOUND otherwise. */
export async function getEntry(ctx: AppContext, opts: { id: string }): Promise<EntryState> {
  const db = ctx.storage.db;
  const entry = await findEntryById(db, opts.id);
  if (!entry) throw new DomainError('NOT_FOUND', { what: 'entry' });
  // Read through the process's cache: every entrant's page asks every few seconds at a release.
  const office = await requireOffice(db, entry.office_slug);
  const state: EntryState = {
    id: entry.id,
    status: entry.status as EntryStatus,
    drawAt: new Date(entry.draw_at),
    officeSlug: entry.office_slug,
    officeTimezone: entry.office_timezone,
    date: entry.date,
    sessionId: Number(entry.session_id),
    serviceId: Number(entry.service_id),
    unplacedReason: entry.unplaced_reason,
    drawSeconds: releaseRulesOf(office).drawSeconds,
    officeName: entry.office_name,
    choice: { start: entry.session_start, end: entry.session_end, serviceName: entry.service_name, serviceNameEn: entry.service_name_en },
  };
  if (entry.status === 'booked' && entry.booking_id !== null) {
    const booking = await findBookingById(db, Number(entry.booking_id));
    if (booking) state.booking = booking;
  }
  if (entry.status === 'unplaced') {
    // Later days are mostly not released yet: the bookable days with places from today on are offered.
    const clock = officeClock(office, ctx.now());
    const days = await planOfficeDays(db, office, clock, clock.today, NEXT_DAYS_SEARCHED);
    state.nextDays = days.filter((d) => d.date !== entry.date && d.open && bookablePlaces(d) > 0).slice(0, NEXT_DAYS_OFFERED);
  }
  return state;
}
