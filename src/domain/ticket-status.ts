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

/** One allowed kind of change: the statuses it may start from (null: the ticket does not exist yet) and where it leads. */
interface Move {
  from: readonly (TicketStatus | null)[];
  to: TicketStatus;
}

/**
 * Every way a ticket's status may change, by the event that records it. This table is the
 * only way in: the lifecycle step refuses any change not listed here.
 */
export const TICKET_MOVES = {
  booked: { from: [null], to: 'booked' },
  // Same status, other date/session/number: the move itself is in the event.
  rescheduled: { from: ['booked'], to: 'booked' },
  cancelled: { from: ['booked'], to: 'cancelled' },
  checked_in: { from: ['booked'], to: 'checked_in' },
  called: { from: ['checked_in'], to: 'called' },
  // A recall announces the same ticket again at the same counter.
  recalled: { from: ['called'], to: 'called' },
  skipped: { from: ['called'], to: 'skipped' },
  serving: { from: ['called'], to: 'serving' },
  // Also the day-end rule for a ticket still being served (note `closed_at_day_end`).
  done: { from: ['serving'], to: 'done' },
  // A transfer sends the person back to the waiting line of another service, place kept.
  transferred: { from: ['serving'], to: 'checked_in' },
  requeued: { from: ['skipped'], to: 'checked_in' },
  // The counter pressed skip by mistake, or the person turned up a moment later: the call stands again (see undo-skip).
  skip_undone: { from: ['skipped'], to: 'called' },
  // Day close and expiry: whoever was still waiting or called when the day ended did not show.
  no_show: { from: ['booked', 'checked_in', 'called', 'skipped'], to: 'no_show' },
  // The office closed the booking's day: moved to another day, or cancelled when no day had room.
  // Only a booking not yet at the office moves; whoever is already on the floor is the staff's.
  moved_by_closure: { from: ['booked'], to: 'booked' },
  cancelled_by_closure: { from: ['booked'], to: 'cancelled' },
} as const satisfies Record<string, Move>;

/** The name of a kind of change, as booking_events.type records it. */
export type TicketEventType = keyof typeof TICKET_MOVES;
export const TICKET_EVENT_TYPES = Object.keys(TICKET_MOVES) as TicketEventType[];

/** The statuses an event of that type may start from. */
export type FromOf<T extends TicketEventType> = (typeof TICKET_MOVES)[T]['from'][number];
/** The status an event of that type leads to. */
export type ToOf<T extends TicketEventType> = (typeof TICKET_MOVES)[T]['to'];

/** Whether an event of that type may start from that status. */
export function isAllowedMove(type: TicketEventType, from: TicketStatus | null, to: TicketStatus): boolean {
  const move: Move = TICKET_MOVES[type];
  return move.to === to && move.from.includes(from);
}

/** Whether a ticket may move from one status to another by some allowed event. */
export function canTransition(from: TicketStatus | null, to: TicketStatus): boolean {
  return TICKET_EVENT_TYPES.some((type) => isAllowedMove(type, from, to));
}

/** Whether the status still holds a place in its session. */
export function isActive(status: TicketStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The note a ticket still being served at the end of its day is closed with. */
export const CLOSED_AT_DAY_END = 'closed_at_day_end';

/**
 * How a ticket still active when its day is over is closed: someone being served was
 * served (the counter forgot to press finish), anyone else did not show up.
 */
export function dayEndEvent(status: TicketStatus): { type: 'done' | 'no_show'; note: string | null } | null {
  if (status === 'serving') return { type: 'done', note: CLOSED_AT_DAY_END };
  if (isAllowedMove('no_show', status, 'no_show')) return { type: 'no_show', note: null };
  return null;
}

/** Where a rescheduled booking went from and to. */
export interface BookingMove {
  fromDate: string;
  fromSessionId: number;
  fromQueueNumber: string;
  toDate: string;
  toSessionId: number;
  toQueueNumber: string;
}

/** The office closure behind a move or cancel: the closed date and the reason the admin gave. */
export interface ClosureCause {
  date: string;
  reason: string;
}

interface TicketEventBase {
  bookingId: number;
  officeId: number;
  /** The booking's date and session after the change, and its queue number. */
  date: string;
  sessionId: number;
  queueNumber: string;
  at: string;
  /** The staff member who made the change; null for the citizen or the system. */
  actorUserId: number | null;
  counterNumber: number | null;
  note: string | null;
}

/** What the lifecycle records and hands back to publish after commit, one variant per kind of change. */
export type TicketEvent = {
  [T in TicketEventType]: TicketEventBase & { type: T; from: FromOf<T>; to: ToOf<T> } & (T extends 'rescheduled' | 'moved_by_closure' ? { move: BookingMove } : unknown) &
    (T extends 'moved_by_closure' | 'cancelled_by_closure' ? { closure: ClosureCause } : unknown);
}[TicketEventType];
