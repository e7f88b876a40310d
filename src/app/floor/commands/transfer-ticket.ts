import type { BookingView } from '../../booking/read-models.js';
import { findServiceByCode } from '../../../db/repositories/catalogue.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { applyCounterAction, type CounterTicketAction } from './act-on-counter-ticket.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

/**
 * Sends the person being served to another service's line (say from KK to KTP-el) without
 * losing their place: they keep their arrival time, so they are called as if never gone.
 */
export interface TransferTicketOptions extends CounterTicketAction {
  /** The service whose line the person joins. */
  serviceCode: string;
}

export async function transferTicket(ctx: AppContext, opts: TransferTicketOptions): Promise<BookingView> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  const service = await findServiceByCode(ctx.storage.db, office.id, opts.serviceCode);
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);
  return applyCounterAction(ctx, opts, {
    from: ['serving'],
    type: 'transferred',
    note: `to ${service.code}`,
    // The counter lets go; the arrival time, and so the place in line, stays.
    set: { service_id: service.id, counter_number: null },
  });
}
