import { findBookingById } from '../../../db/repositories/bookings.js';
import { readWaitingLine, type WaitingLine } from '../../floor/queries/read-waiting-line.js';
import type { AppContext, OfficeEvent } from '../../shared/context.js';
import type { BookingView } from '../read-models.js';
import { getBooking } from './get-booking.js';
import { getTicketProgress, type TicketProgress } from './get-ticket-progress.js';

/** A ticket as its open page follows it: the booking now and its progress. */
export interface TicketMoment {
  booking: BookingView;
  progress: TicketProgress;
}

export interface WatchTicketOptions {
  /** The booking code as typed. */
  code: string;
  on: {
    onTicket(moment: TicketMoment): void;
    onError(error: unknown): void;
  };
}

/** A call and a start come in bursts; one fresh reading per burst is enough. */
const COALESCE_MS = 100;

/**
 * Many phones follow one office's line: every open ticket hears each floor change, and the line
 * is read once per change and shared (the bus hands the same event object to every listener).
 */
const linesByEvent = new WeakMap<OfficeEvent, Promise<WaitingLine>>();

function lineAfter(ctx: AppContext, event: OfficeEvent, office: { id: number; timezone: string }): Promise<WaitingLine> {
  let line = linesByEvent.get(event);
  if (!line) {
    line = readWaitingLine(ctx, office);
    linesByEvent.set(event, line);
  }
  return line;
}

/**
 * Feeds an open ticket page: the ticket and its place at start and after every floor change of
 * its office (a check-in, a call, a finish elsewhere moves the line). Resolves the booking first,
 * so an unknown code fails before anything is streamed.
 */
export async function watchTicket(ctx: AppContext, { code, on }: WatchTicketOptions) {
  const first = await getBooking(ctx, { code });
  const office = { id: first.office_id, timezone: first.office_timezone };
  let pending: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  const send = async (event?: OfficeEvent) => {
    const booking = await findBookingById(ctx.storage.db, first.id);
    if (!booking || stopped) return;
    const shared = event && booking.status === 'checked_in' ? await lineAfter(ctx, event, office) : undefined;
    const progress = await getTicketProgress(ctx, booking, shared);
    if (!stopped) on.onTicket({ booking, progress });
  };
  return {
    start() {
      unsubscribe = ctx.events.subscribe(office.id, (event) => {
        if (event.type !== 'floor') return;
        clearTimeout(pending);
        pending = setTimeout(() => send(event).catch(on.onError), COALESCE_MS);
      });
      // Subscribed first, then read: a change in between is in this reading or triggers another.
      void send().catch(on.onError);
    },
    stop() {
      stopped = true;
      clearTimeout(pending);
      unsubscribe?.();
    },
  };
}
