import { callingOrder, type WaitingTicket } from '../queue-order.js';

/** A waiting ticket with the service line it waits in. */
export interface LineTicket extends WaitingTicket {
  serviceId: number;
}

/**
 * The waiting tickets whose turn nears: at most `ahead` people before them in their own
 * service's line, in calling order (priority, session, arrival). `ahead` 0 means nobody is
 * told. Lines are per service because a counter calls for its services and the people of
 * another service's line do not stand before them.
 */
export function ticketsNearTheirTurn<T extends LineTicket>(waiting: readonly T[], ahead: number): T[] {
  if (ahead <= 0) return [];
  const lines = new Map<number, T[]>();
  for (const ticket of waiting) lines.set(ticket.serviceId, [...(lines.get(ticket.serviceId) ?? []), ticket]);
  const near: T[] = [];
  for (const line of lines.values()) near.push(...callingOrder(line).slice(0, ahead + 1));
  return near;
}

/** The key of a ticket's turn-near message: once per ticket and day. */
export function turnNearDedupeKey(bookingId: number, date: string): string {
  return `turn_near:${bookingId}:${date}`;
}

/** The key of a "go to counter n" message: once per call (a recall repeats the board's call, not the message). */
export function calledDedupeKey(bookingId: number, calledAt: string): string {
  return `turn_near:called:${bookingId}:${calledAt}`;
}
