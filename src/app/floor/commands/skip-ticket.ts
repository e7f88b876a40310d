import type { BookingView } from '../../booking/read-models.js';
import type { AppContext } from '../../shared/context.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** Marks the called person as not there (no-show at the counter); the desk may put them back in line once. */
export function skipTicket(ctx: AppContext, opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['called'], type: 'skipped' });
}
