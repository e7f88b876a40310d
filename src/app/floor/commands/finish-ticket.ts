import type { BookingView } from '../../booking/read-models.js';
import type { AppContext } from '../../shared/context.js';
import { actOnCounterTicket, type CounterTicketAction } from '../act-on-counter-ticket.js';

/** Service at the counter is complete. */
export function finishTicket(ctx: AppContext, opts: CounterTicketAction): Promise<BookingView> {
  return actOnCounterTicket(ctx, opts, { from: ['serving'], type: 'done' });
}
