import type { BookingView } from '../../app/booking/read-models.js';
import { z } from 'zod';
import { BookingSchema, presentBooking } from './booking.js';
import type { Lang } from '../../texts/lang.js';

/** A booking as staff see it on the floor. */
export const TicketSchema = BookingSchema.extend({
  counter: z.number().int().nullable().describe('The counter that called or serves it'),
  checkedInAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  requeued: z.boolean().describe('Put back in line once after a skip'),
  callFrom: z.string().nullable().describe("HH:MM on the office's clock: checked in early, not called before its session's start"),
}).meta({ id: 'Ticket' });

/** A booking as staff see it on the floor: the citizen's view plus where it stands today. */
export function presentTicket(b: BookingView, lang: Lang): z.infer<typeof TicketSchema> {
  return {
    ...presentBooking(b, lang),
    counter: b.counter_number ?? null,
    checkedInAt: b.checked_in_at,
    calledAt: b.called_at,
    requeued: b.requeue_count > 0,
    callFrom: b.call_from ?? null,
  };
}
