/** Where a booking stands on its way from the phone to the counter. */
export const TICKET_STATUSES = [
  'booked',
  'checked_in',
  'called',
  'serving',
  'done',
  'skipped',
  'cancelled',
  'no_show',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Statuses that still hold a place and count against the one-active-booking-per-NIK rule.
 * `skipped` stays active because the desk may put the person back in line once that day.
 */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['booked', 'checked_in', 'called', 'serving', 'skipped'];

const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  booked: ['checked_in', 'cancelled', 'no_show'],
  // A checked-in person who leaves before being called is recorded as a no-show at day end.
  checked_in: ['called', 'no_show', 'cancelled'],
  // `called` → `called` is a recall: announced again, same counter.
  called: ['called', 'serving', 'skipped', 'no_show'],
  // A transfer sends the person back to the waiting line of another service, place kept.
  serving: ['done', 'checked_in'],
  skipped: ['checked_in', 'no_show'],
  done: [],
  cancelled: [],
  no_show: [],
};

/** Whether a ticket may move from one status to another. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether the status still holds a place in its session. */
export function isActive(status: TicketStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}
