import type { Executor } from './offices.js';

/** One finished visit at the counter: its day, service, last call and finish. */
export interface FinishedVisitRow {
  date: string;
  serviceId: number;
  calledAt: string;
  doneAt: string;
}

/**
 * The visits of an office's dates `from`…`to` that a counter finished (not those the day-end
 * rule closed, which measure nothing), with their last call: the service times the wait
 * estimate stands on.
 */
export async function listFinishedVisits(db: Executor, officeId: number, from: string, to: string, excludeNote: string): Promise<FinishedVisitRow[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('booking_events as e', 'e.booking_id', 'bookings.id')
    .select(['bookings.date', 'bookings.service_id', 'bookings.called_at', 'e.at as done_at'])
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '>=', from)
    .where('bookings.date', '<=', to)
    .where('bookings.status', '=', 'done')
    .where('bookings.called_at', 'is not', null)
    .where('e.type', '=', 'done')
    .where((eb) => eb.or([eb('e.note', 'is', null), eb('e.note', '!=', excludeNote)]))
    .execute();
  return rows.map((r) => ({ date: r.date, serviceId: Number(r.service_id), calledAt: r.called_at ?? '', doneAt: r.done_at }));
}
