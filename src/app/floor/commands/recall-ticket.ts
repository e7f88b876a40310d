import type { BookingView } from '../../booking/read-models.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** Announces the counter's called ticket again: the person may not have heard it. */
export function recallTicket(ctx: Parameters<typeof actOnCounterTicket>[0], opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['called'], type: 'recalled' });
}
