import type { BookingView } from '../../booking/read-models.js';
import type { AppContext } from '../../shared/context.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** The called person arrived at the counter: service begins. */
export function startServing(ctx: AppContext, opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['called'], type: 'serving' });
}
