import { randomBytes } from 'node:crypto';
import { findActiveBookingByNik } from '../../../db/repositories/bookings.js';
import { findServiceByCode } from '../../../db/repositories/catalogue.js';
import { ensureDraw, findEntryByNik, insertEntry, UNIQUE_ENTRY_NIK, updateEntryChoice } from '../../../db/repositories/draws.js';
import type { OfficeRow } from '../../../db/schema.js';
import { assertBookable } from '../../../domain/availability.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import { parsePerson } from '../../../domain/person.js';
import type { Release } from '../../../domain/release-schedule.js';
import { alreadyBooked } from '../../booking/commands/book.js';
import { planOfficeSession } from '../../office/queries/plan-office-days.js';
import { DRAW_RETRY_AFTER_SECONDS } from '../queries/pending-draw.js';
import type { AppContext } from '../../shared/context.js';
import type { Entry } from '../read-models.js';

/** Random bytes of an entry id: 144 bits, as unguessable as a secret, since the id leads to the booking. */
const ENTRY_ID_BYTES = 18;

export interface EnterDrawOptions {
  office: OfficeRow;
  /** The wave whose draw is open. */
  release: Release;
  date: string;
  sessionId: number;
  serviceCode: string;
  nik: string;
  name: string;
  phone: string;
  email?: string | null;
  lang?: 'id' | 'en' | undefined;
}

/**
 * Enters a citizen in the open draw of a date instead of booking: validated exactly as a
 * booking (person, service, the session of that day, the NIK's active booking), then one entry
 * per NIK per draw. The same NIK entering again with the same WhatsApp number gets the same
 * entry back, its choice changed to the latest request; with another number it is refused
 * (ALREADY_ENTERED) without the entry, since anyone may type someone else's NIK and the entry
 * leads to the booking.
 */
export async function enterDraw(ctx: AppContext, opts: EnterDrawOptions): Promise<Entry> {
  const person = parsePerson(opts, { phoneOptional: false });
  const db = ctx.storage.db;
  const { office, release } = opts;
  const service = await findServiceByCode(db, office.id, opts.serviceCode);
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);
  const now = ctx.now();
  const at = now.toISOString();
  const clock = officeClock(office, now);
  const day = await planOfficeSession(ctx, office, opts.date, opts.sessionId, 'online');
  const session = assertBookable(day, opts.sessionId);
  const existing = await findActiveBookingByNik(db, office.id, person.nik);
  // A booking whose day is over but not yet closed does not count, as when booking.
  if (existing && existing.date >= clock.today) throw alreadyBooked();

  // The clock read again: a request held up past the window's close (a stalled client or disk)
  // neither makes the draw late nor joins it. From the close on, bookings of the date are taken
  // wherever no draw of it is known (a process looks again for 5 s only: drawsReadStillHold),
  // so a draw made later could place entrants in places already booked by later comers.
  if (ctx.now().getTime() >= release.drawAt.getTime()) throw new DomainError('DRAW_IN_PROGRESS', { retryAfterSeconds: DRAW_RETRY_AFTER_SECONDS });
  const draw = await ensureDraw(db, { officeId: office.id, date: opts.date, wave: release.wave, releaseAt: release.at.toISOString(), drawAt: release.drawAt.toISOString() });
  const entry = (id: string): Entry => ({
    id,
    status: 'entered',
    drawAt: new Date(draw.draw_at),
    officeSlug: office.slug,
    officeTimezone: office.timezone,
    date: opts.date,
    sessionId: session.id,
    serviceId: service.id,
    unplacedReason: null,
  });
  const choice = { person: { ...person, email: person.email ?? null }, serviceId: service.id, sessionId: session.id, lang: opts.lang ?? null, at };

  const again = async () => {
    const earlier = await findEntryByNik(db, draw.id, person.nik);
    if (!earlier) return undefined;
    if (earlier.phone !== person.phone) throw new DomainError('ALREADY_ENTERED');
    await updateEntryChoice(db, earlier.id, choice);
    return entry(earlier.id);
  };
  const found = await again();
  if (found) return found;
  const id = randomBytes(ENTRY_ID_BYTES).toString('base64url');
  try {
    await insertEntry(db, { id, drawId: draw.id, officeId: office.id, ...choice });
  } catch (error) {
    // The same NIK racing itself: the twin request's entry stands.
    if (!ctx.storage.engine.isUniqueViolation(error, UNIQUE_ENTRY_NIK)) throw error;
    const twin = await again();
    if (twin) return twin;
    throw error;
  }
  return entry(id);
}
