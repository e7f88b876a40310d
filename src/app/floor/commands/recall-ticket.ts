import type { BookingView } from '../../booking/read-models.js';
import type { AppContext } from '../../shared/context.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** Announces the counter's called ticket again: the person may not have heard it. */
export function recallTicket(ctx: AppContext, opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['called'], type: 'recalled' });
}
