import { listServices } from '../../../db/repositories/catalogue.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow, ServiceRow } from '../../../db/schema.js';
import type { DayAvailability } from '../../../domain/availability.js';
import { daysBetween, type LocalDate } from '../../../domain/local-date.js';
import type { AppContext, OfficeOptions } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock, type OfficeClock } from '../../../domain/office-clock.js';
import { type BookingChannel, planOfficeDays } from '../../office/queries/plan-office-days.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import { releaseAt } from '../../../domain/release-schedule.js';
import { cachedWindowAnswer } from '../../shared/read-cache.js';

/** What a booking form offers: the office, its services, and every day a citizen may book now. */
export interface BookingChoices {
  office: OfficeRow;
  services: ServiceRow[];
  /** Each date of the booking window in order, closed and full ones included, so the form can say why; online, the next day to open after it. */
  days: DayAvailability[];
  today: LocalDate;
}

/**
 * The days of the office's booking window with live remaining places; none when the window is
 * empty. Online, once the window's last day has been released the next day to open follows it
 * (not bookable, with its `opensAt`), so a citizen sees when more days come.
 */
export async function planBookingWindow(db: Executor, office: OfficeRow, clock: OfficeClock, channel: BookingChannel = 'online'): Promise<DayAvailability[]> {
  const nextToOpen = channel === 'online' && releaseAt(clock.window.last, releaseRulesOf(office), office.timezone, clock.now) !== null;
  const count = daysBetween(clock.window.first, clock.window.last) + 1;
  return count > 0 ? planOfficeDays(db, office, clock, clock.window.first, count + (nextToOpen ? 1 : 0), channel) : [];
}

/** Everything the booking form of an office shows, read at one instant; the desk's channels see the places held for them. */
export async function getBookingChoices(ctx: AppContext, opts: OfficeOptions & { channel?: BookingChannel }): Promise<BookingChoices> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const clock = officeClock(office, ctx.now());
  const [services, days] = await Promise.all([listServices(db, office.id), planBookingWindow(db, office, clock, opts.channel)]);
  return { office, services, days, today: clock.today };
}

export interface BookingChoicesAnswerOptions<T> extends OfficeOptions {
  /** What else the answer depends on besides the office (its language): part of the cache key. */
  variant: string;
  /** Makes the answer (the form's rendered day picker, say) from the choices. */
  render: (choices: BookingChoices) => T;
}

/**
 * The online booking choices as `render` makes them, kept per process and made again on any
 * booking, schedule or calendar change, a new minute or at 750 ms of age (see
 * cachedWindowAnswer), like the availability answer: at a release every visitor opens the same
 * form, and planning and rendering its fortnight of sessions is most of the page's cost.
 */
export async function getBookingChoicesAnswer<T>(ctx: AppContext, opts: BookingChoicesAnswerOptions<T>): Promise<T> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  return cachedWindowAnswer(ctx, office.id, `booking-choices|${opts.variant}`, async () => opts.render(await getBookingChoices(ctx, { officeSlug: opts.officeSlug })));
}
