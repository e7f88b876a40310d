import type { BookingView } from '../read-models.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { getBooking } from './get-booking.js';

/** A booking with its office's settings (address, check-in window), as its ticket shows them. */
export interface Ticket {
  booking: BookingView;
  office: OfficeRow;
}

export interface GetTicketOptions {
  /** The booking code as typed: any case, with or without separators. */
  code: string;
}

/** The ticket of a booking code, typed in any common way; NOT_FOUND when there is none. */
export async function getTicket(ctx: AppContext, { code }: GetTicketOptions): Promise<Ticket> {
  const booking = await getBooking(ctx, { code });
  const office = await requireOffice(ctx.storage.db, booking.office_slug);
  return { booking, office };
}
