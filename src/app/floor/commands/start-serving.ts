import type { BookingView } from '../../booking/read-models.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** The called person arrived at the counter: service begins. */
export function startServing(ctx: Parameters<typeof actOnCounterTicket>[0], opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['called'], type: 'serving' });
}
