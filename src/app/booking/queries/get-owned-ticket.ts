import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { findOwnedBooking } from './find-owned-booking.js';
import type { Ticket } from './get-ticket.js';

export interface GetOwnedTicketOptions {
  code: string;
  /** The NIK the booking was made with: what shows the name and phone whole. */
  nik: string;
}

/** The ticket of a code for its owner, proven by the NIK; wrong NIKs count towards the code's lock. */
export async function getOwnedTicket(ctx: AppContext, opts: GetOwnedTicketOptions): Promise<Ticket> {
  const booking = await findOwnedBooking(ctx.storage.db, opts.code, opts.nik);
  const office = await requireOffice(ctx.storage.db, booking.office_slug);
  return { booking, office };
}
