import { listWaiting } from '../../../db/repositories/floor.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { calledDedupeKey, ticketsNearTheirTurn, turnNearDedupeKey } from '../../../domain/messages/turn-near.js';
import { isPriorityGroup } from '../../../domain/queue-order.js';
import { enqueueMessage } from '../enqueue-message.js';

export interface AnnounceTurnsOptions {
  office: Pick<OfficeRow, 'id' | 'turn_near_ahead'>;
  /** The office's today. */
  date: string;
  /** When the floor change happened: the messages are due from then. */
  at: string;
  /** Someone just called: they are told which counter to go to. */
  called?: { bookingId: number; counterNumber: number } | undefined;
}

/**
 * Queues, in the floor change's own transaction, the "your turn is coming soon" message for
 * every checked-in person now within the office's number of their turn (once per ticket),
 * and the "go to counter n" message for someone just called. With the setting at 0 only the
 * call is told. Reads the waiting line inside the transaction, so it sees the change itself.
 */
export async function announceTurns(trx: Executor, opts: AnnounceTurnsOptions): Promise<void> {
  if (opts.called) {
    await enqueueMessage(trx, { bookingId: opts.called.bookingId, kind: 'turn_near', counterNumber: opts.called.counterNumber, dedupeKey: calledDedupeKey(opts.called.bookingId, opts.at), at: opts.at });
  }
  const ahead = Number(opts.office.turn_near_ahead);
  if (ahead <= 0) return;
  const waiting = await listWaiting(trx, opts.office.id, opts.date, null);
  const near = ticketsNearTheirTurn(
    waiting.map((w) => ({ id: Number(w.id), serviceId: Number(w.service_id), priority: w.priority && isPriorityGroup(w.priority) ? w.priority : null, sessionStart: w.session_start, checkedInAt: w.checked_in_at })),
    ahead,
  );
  // In one global order (booking id), so two counters calling at once never wait on each other's
  // outbox rows in opposite orders (a deadlock on PostgreSQL's unique index).
  for (const ticket of [...near].sort((x, y) => x.id - y.id)) {
    await enqueueMessage(trx, { bookingId: ticket.id, kind: 'turn_near', dedupeKey: turnNearDedupeKey(ticket.id, opts.date), at: opts.at });
  }
}
