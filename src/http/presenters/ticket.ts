import type { BookingView } from '../../db/repositories/bookings.js';
import type { Lang } from '../../domain/indonesian-format.js';
import { presentBooking } from './booking.js';

/** A booking as staff see it on the floor: the citizen's view plus where it stands today. */
export function presentTicket(b: BookingView, lang: Lang) {
  return {
    ...presentBooking(b, lang),
    counter: b.counter_number ?? null,
    checkedInAt: b.checked_in_at,
    calledAt: b.called_at,
    requeued: b.requeue_count > 0,
  };
}
