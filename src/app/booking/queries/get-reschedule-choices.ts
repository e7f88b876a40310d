import type { BookingView } from '../read-models.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { DayAvailability } from '../../../domain/availability.js';
import type { AppContext } from '../../shared/context.js';
import { planBookingWindow } from './get-booking-choices.js';
import { getTicket } from './get-ticket.js';
import { officeClock } from '../../../domain/office-clock.js';

/** A booking and the days it could move to. */
export interface RescheduleChoices {
  booking: BookingView;
  office: OfficeRow;
  days: DayAvailability[];
}

export interface GetRescheduleChoicesOptions {
  /** The booking code of the booking to move. */
  code: string;
}

/** What the "move my booking" form shows: the booking as it is and the office's bookable days. */
export async function getRescheduleChoices(ctx: AppContext, opts: GetRescheduleChoicesOptions): Promise<RescheduleChoices> {
  const { booking, office } = await getTicket(ctx, { code: opts.code });
  const days = await planBookingWindow(ctx.storage.db, office, officeClock(office, ctx.now()));
  return { booking, office, days };
}
