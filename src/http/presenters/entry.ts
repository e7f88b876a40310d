import { z } from 'zod';
import type { Entry, EntryState } from '../../app/draw/read-models.js';
import type { Lang } from '../../texts/lang.js';
import { DaySchema, presentDays } from './availability.js';
import { BookingSchema, presentBooking } from './booking.js';

/** An entry in a release's draw as the API shows it; no personal data but, once booked, the booking. */
export const EntrySchema = z
  .object({
    id: z.string().describe('The entry\'s secret id: it leads to the booking, keep it like a booking code'),
    status: z.enum(['entered', 'booked', 'unplaced']).describe('entered: waiting for the draw; booked: the draw gave a place; unplaced: no place that day'),
    drawAt: z.string().describe('When the draw window closes and the draw is made (ISO 8601)'),
    office: z.string(),
    date: z.string().describe('The date asked for, YYYY-MM-DD in the office\'s zone'),
    booking: BookingSchema.optional().describe('The booking the draw made, once booked'),
    nextDays: z.array(DaySchema).optional().describe('When unplaced: the next days after the date with places to book'),
  })
  .meta({ id: 'Entry' });

/** An entry as it leaves the server. */
export function presentEntry(e: Entry & Partial<Pick<EntryState, 'booking' | 'nextDays'>>, lang: Lang): z.infer<typeof EntrySchema> {
  return {
    id: e.id,
    status: e.status,
    drawAt: e.drawAt.toISOString(),
    office: e.officeSlug,
    date: e.date,
    ...(e.booking ? { booking: presentBooking(e.booking, lang) } : {}),
    ...(e.nextDays ? { nextDays: presentDays(e.nextDays, lang, e.officeTimezone) } : {}),
  };
}
