import { addDays, instantOf, todayIn } from '../local-date.js';
import type { TicketStatus } from '../ticket-status.js';
import { isQuietTime, QUIET_HOURS, type ReminderKind, type ReminderSettings, reminderDedupeKey, reminderWindows } from './reminder-schedule.js';
import { calledDedupeKey, turnNearDedupeKey } from './turn-near.js';

/** The failure reason of a reminder or turn message dropped before a retry because what it says no longer holds. */
export const NO_LONGER_DUE = 'no_longer_due';

/** The booking a queued message is about, as it stands just before an attempt. */
export interface MessageBookingState {
  id: number;
  status: TicketStatus;
  /** The booking's day now (it may have been moved since the message was queued). */
  date: string;
  /** Its session's start now, HH:MM on the office's clock. */
  sessionStart: string;
  /** When its latest call (`called` event) happened, ISO; null if never called. */
  lastCalledAt: string | null;
}

/** What to do with a claimed message just before trying it. */
export type DeliveryDecision = { action: 'send' } | { action: 'hold'; until: Date } | { action: 'drop'; reason: typeof NO_LONGER_DUE };

const REMINDER_KINDS: readonly string[] = ['reminder_evening', 'reminder_before'] satisfies ReminderKind[];
const CALLED_PREFIX = 'turn_near:called:';

/** Whether messages of this kind say something that can stop being true (and so are checked before each attempt). */
export function isTimelyKind(kind: string): boolean {
  return REMINDER_KINDS.includes(kind) || kind === 'turn_near';
}

/**
 * Whether a reminder or turn message may still go out now. Its first try may have failed and
 * the retry come hours later (backoff, a worker down), when what it says is no longer true:
 * - a reminder goes only while the booking is still booked on the day its key names, inside
 *   its reminder window (the evening one until 21.00 the evening before, the before one until
 *   the session starts), and never in quiet hours: then it waits until 06.00 and is checked
 *   again (by then its window has usually closed, and it is dropped);
 * - "your turn is coming soon" goes only while the person is still checked in and waiting
 *   on that day (once called, the call message says more);
 * - "go to counter n" goes only while that call stands: the ticket is still `called` and no
 *   later call replaced it (a skip undone at the same counter keeps it). Once the person is at
 *   the counter, done, skipped, put back in line or sent elsewhere, it would send them wrong.
 * Turn messages are not held for quiet hours: they follow the floor, which is open when they
 * are true. Other kinds (booked, moved, cancelled) always go: they record what happened.
 */
export function deliveryDecision(
  message: { kind: string; dedupeKey: string },
  booking: MessageBookingState | null,
  office: { zone: string; settings: ReminderSettings },
  now: Date,
): DeliveryDecision {
  if (!isTimelyKind(message.kind)) return { action: 'send' };
  const drop = { action: 'drop', reason: NO_LONGER_DUE } as const;
  if (!booking) return drop;

  if (message.kind === 'turn_near') {
    if (message.dedupeKey.startsWith(CALLED_PREFIX)) {
      const stands = booking.status === 'called' && booking.lastCalledAt !== null && calledDedupeKey(booking.id, booking.lastCalledAt) === message.dedupeKey;
      return stands ? { action: 'send' } : drop;
    }
    const waiting = booking.status === 'checked_in' && turnNearDedupeKey(booking.id, booking.date) === message.dedupeKey && todayIn(office.zone, now) === booking.date;
    return waiting ? { action: 'send' } : drop;
  }

  const kind = message.kind as ReminderKind;
  if (booking.status !== 'booked' || reminderDedupeKey(booking.id, kind, booking.date) !== message.dedupeKey) return drop;
  const window = reminderWindows(booking, office.zone, office.settings).find((w) => w.kind === kind);
  if (!window || now >= window.until) return drop;
  if (isQuietTime(office.zone, now)) return { action: 'hold', until: quietHoursEnd(office.zone, now) };
  return { action: 'send' };
}

/** The next 06.00 on the office's clock after an instant in quiet hours. */
export function quietHoursEnd(zone: string, now: Date): Date {
  const today = todayIn(zone, now);
  const morning = instantOf(today, QUIET_HOURS.until, zone);
  return morning > now ? morning : instantOf(addDays(today, 1), QUIET_HOURS.until, zone);
}
