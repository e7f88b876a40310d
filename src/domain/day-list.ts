import type { TicketStatus } from './ticket-status.js';

/**
 * The desk's list of today, by where each person stands: not come yet, waiting, at a counter,
 * served, or gone (skipped when called, or never came).
 */
export const DAY_GROUPS = ['expected', 'waiting', 'at_counter', 'served', 'no_show'] as const;
export type DayGroup = (typeof DAY_GROUPS)[number];

/** The group of a status; cancelled bookings are not on the day's list. */
export function dayGroupOf(status: TicketStatus): DayGroup | null {
  switch (status) {
    case 'booked':
      return 'expected';
    case 'checked_in':
      return 'waiting';
    case 'called':
    case 'serving':
      return 'at_counter';
    case 'done':
      return 'served';
    case 'skipped':
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      return null;
  }
}

/** How many are in each group, and how many have checked in at all (waiting, at a counter or served). */
export type DayCounts = Record<DayGroup | 'checked_in', number>;

/** The counts of a day's statuses. */
export function dayCounts(statuses: readonly TicketStatus[]): DayCounts {
  const counts: DayCounts = { expected: 0, waiting: 0, at_counter: 0, served: 0, no_show: 0, checked_in: 0 };
  for (const s of statuses) {
    const g = dayGroupOf(s);
    if (g) counts[g] += 1;
  }
  counts.checked_in = counts.waiting + counts.at_counter + counts.served;
  return counts;
}
