import type { BookingView } from '../../booking/read-models.js';
import { findServiceByCode } from '../../../db/repositories/catalogue.js';
import { transferTargets } from '../../../domain/counter-work.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { applyCounterAction, type CounterTicketAction } from './act-on-counter-ticket.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { counterReach } from '../counter-clerk.js';

/**
 * Sends the person being served to another service's line (say from KK to KTP-el) without
 * losing their place: they keep their arrival time, so they are called as if never gone. They
 * go to another counter serving that service (an admin sets which services each counter
 * serves); with none, the transfer is refused rather than sending them back to this counter.
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
    set: { service_id: service.id, counter_number: null, transferred_from_counter: opts.counterNumber },
    before: async (o, counter) => {
      const targets = transferTargets(await counterReach(ctx.storage.db, o, ctx.now()), Number(service.id), Number(counter.number));
      if (targets.length === 0) throw new DomainError('NO_COUNTER_FOR_SERVICE', { service: service.name, serviceCode: service.code });
    },
  });
}
