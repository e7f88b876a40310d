/** Priority groups served first by law (UU 25/2009 art. 29). */
export const PRIORITY_GROUPS = ['elderly', 'disability', 'pregnant', 'child'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** What the calling order looks at in a waiting ticket. */
export interface WaitingTicket {
  priority: PriorityGroup | null;
  sessionStart: string;
  /** ISO instant of check-in (or of the transfer that put the ticket back in line). */
  checkedInAt: string;
  /** Tie-breaker that never changes, so the order is total and stable. */
  id: number;
}

/**
 * The order of calling: priority groups first, then the earlier session, then who arrived
 * first. Someone who came early for a later session waits for the earlier session's people.
 */
export function compareWaiting(a: WaitingTicket, b: WaitingTicket): number {
  const pa = a.priority ? 0 : 1;
  const pb = b.priority ? 0 : 1;
  if (pa !== pb) return pa - pb;
  if (a.sessionStart !== b.sessionStart) return a.sessionStart < b.sessionStart ? -1 : 1;
  if (a.checkedInAt !== b.checkedInAt) return a.checkedInAt < b.checkedInAt ? -1 : 1;
  return a.id - b.id;
}

/** Waiting tickets in calling order, without changing the input. */
export function callingOrder<T extends WaitingTicket>(tickets: readonly T[]): T[] {
  return [...tickets].sort(compareWaiting);
}

/**
 * Whether a waiting ticket may be called at `nowTime` (`HH:MM`, office clock): someone checked
 * in early without a reason waits for their session's start (`callFrom`).
 */
export function isCallable(ticket: { callFrom: string | null }, nowTime: string): boolean {
  return ticket.callFrom === null || nowTime >= ticket.callFrom;
}

/** Whether a string names a priority group. */
export function isPriorityGroup(s: string): s is PriorityGroup {
  return (PRIORITY_GROUPS as readonly string[]).includes(s);
}
