import {
  type BookingChanges,
  type BookingConditions,
  type BookingView,
  changeBookingStatus,
  insertBooking,
  insertBookingEvent,
} from '../../db/repositories/bookings.js';
import { type Executor, findOfficeById } from '../../db/repositories/offices.js';
import type { NewBooking, OfficeRow, ServiceRow } from '../../db/schema.js';
import { type DomainErrorCode, DomainError } from '../../domain/errors.js';
import { todayIn } from '../../domain/local-date.js';
import { type ClosureCause, isAllowedMove, TICKET_MOVES, type TicketEvent, type TicketEventType, type TicketStatus } from '../../domain/ticket-status.js';
import type { FinishOutcome } from '../../domain/counter-work.js';
import type { AppContext } from './context.js';
import { cachedRead, WINDOW_TABLES } from './read-cache.js';
import { announceFloor, type FloorChange } from '../floor/floor-events.js';
import type { MessageKind } from '../notify/compose-message.js';
import { enqueueMessage } from '../notify/enqueue-message.js';

/** Who made a change on the floor, for the record. */
export interface Actor {
  userId: number;
}

/** A clerk as the audit log names them, for changes that are not status changes (priority, service). */
export interface NamedActor extends Actor {
  username: string;
}

interface StepBase {
  at: string;
  /** The staff member who acted; null for the citizen or the system. */
  actor: Actor | null;
  counterNumber?: number | null;
  note?: string | null;
}

/** A new booking: the only change that starts from no ticket at all. */
export interface CreateStep extends StepBase {
  type: 'booked';
  booking: Omit<NewBooking, 'status' | 'updated_at' | 'created_at'>;
  /**
   * The office, service and session the booking is made at, as the caller already read them:
   * the new booking's view and its message are made from them, with nothing read back.
   * Without them the message reads the booking back in the transaction.
   */
  facts?: BookingFacts;
}

/** What a new booking's view shows of its office, service and session. */
export interface BookingFacts {
  office: OfficeRow;
  service: ServiceRow;
  session: { letter: string; start: string; end: string };
}

/** A change of an existing ticket. */
export interface ChangeStep extends StepBase {
  type: Exclude<TicketEventType, 'booked'>;
  bookingId: number;
  /** The status the caller saw; the change happens only if the ticket still has it. */
  from: TicketStatus;
  /** Fields changed along with the status. */
  set?: BookingChanges;
  /** Conditions besides the status, such as the counter still holding the ticket. */
  where?: BookingConditions;
  /** For a reschedule or a move for a closure: where the booking was. */
  previous?: { date: string; sessionId: number; queueNumber: string };
  /** For a move or cancel for a closure: the closed date and the admin's reason, carried by the event. */
  closure?: ClosureCause;
  /** The error to raise when a racing change got there first (default INVALID_TRANSITION). */
  missed?: DomainErrorCode;
  /** For a finish: how the visit ended, recorded with the event. */
  outcome?: FinishOutcome;
}

export type LifecycleStep = CreateStep | ChangeStep;

/**
 * The one door for every status change of a ticket: checks the move against the domain's
 * table of allowed moves, changes the row only if it still has the status the caller saw,
 * records the event with actor and counter, queues the citizen's message for a booking, move
 * or cancel (the outbox), and returns the event. Run it inside the
 * caller's transaction; publish the event only after that transaction has committed, so
 * no screen ever hears of a change that was rolled back.
 */
export async function applyLifecycleStep(db: Executor, step: LifecycleStep): Promise<TicketEvent> {
  return (await applyStep(db, step)).event;
}

/**
 * Makes a booking through the same door as applyLifecycleStep, and returns with its event the
 * booking as stored, in the view every presentation takes, without reading it back.
 */
export async function createBooking(db: Executor, step: CreateStep & { facts: BookingFacts }): Promise<{ event: TicketEvent; booking: BookingView }> {
  const { event, booking } = await applyStep(db, step);
  if (!booking) throw new Error('a booked step makes a booking');
  return { event, booking };
}

async function applyStep(db: Executor, step: LifecycleStep): Promise<{ event: TicketEvent; booking?: BookingView }> {
  const to: TicketStatus = TICKET_MOVES[step.type].to;
  const from = step.type === 'booked' ? null : step.from;
  if (!isAllowedMove(step.type, from, to)) throw new DomainError('INVALID_TRANSITION', { from, to });

  let row: { id: number; office_id: number; date: string; session_id: number; queue_number: string };
  let view: BookingView | undefined;
  if (step.type === 'booked') {
    const inserted = await insertBooking(db, { ...step.booking, status: 'booked', created_at: step.at, updated_at: step.at });
    view = step.facts ? viewOf(inserted, step.facts) : undefined;
    row = { id: inserted.id, office_id: step.booking.office_id, date: step.booking.date, session_id: step.booking.session_id, queue_number: step.booking.queue_number };
  } else {
    const changed = await changeBookingStatus(db, step.bookingId, { from: step.from, to, at: step.at, set: step.set, where: step.where });
    if (!changed) throw new DomainError(step.missed ?? 'INVALID_TRANSITION', { from: step.from, to, reason: 'changed_meanwhile' });
    row = { id: step.bookingId, ...changed };
  }

  const base = {
    bookingId: row.id,
    officeId: row.office_id,
    date: row.date,
    sessionId: Number(row.session_id),
    queueNumber: row.queue_number,
    at: step.at,
    actorUserId: step.actor?.userId ?? null,
    counterNumber: step.counterNumber ?? null,
    note: step.note ?? null,
  };
  await insertBookingEvent(db, {
    booking_id: base.bookingId,
    office_id: base.officeId,
    at: base.at,
    type: step.type,
    from_status: from,
    to_status: to,
    user_id: base.actorUserId,
    counter_number: base.counterNumber,
    note: base.note,
    ...(step.type === 'done' && step.outcome ? { outcome: step.outcome } : {}),
  });
  const kind = MESSAGE_OF[step.type];
  if (kind) {
    // The citizen hears of a booking, a move or a cancel from the same transaction that makes it.
    const dedupeKey = kind === 'moved' ? `moved:${row.id}:${row.date}:${row.session_id}:${row.queue_number}` : `${kind}:${row.id}`;
    // A new booking's message is composed from the booking just made: nothing can be queued under its key yet.
    const made = view && step.type === 'booked' && step.facts ? { booking: view, office: step.facts.office, fresh: true } : {};
    await enqueueMessage(db, { bookingId: row.id, kind, dedupeKey, at: step.at, ...made });
  }
  return { event: toEvent(step, base, from, to), ...(view ? { booking: view } : {}) };
}

/** A booking row (values in clear) with the facts of its office, service and session, as bookingViewQuery reads them. */
function viewOf(row: Awaited<ReturnType<typeof insertBooking>>, facts: BookingFacts): BookingView {
  return {
    ...row,
    office_slug: facts.office.slug,
    office_name: facts.office.name,
    office_timezone: facts.office.timezone,
    service_code: facts.service.code,
    service_name: facts.service.name,
    service_name_en: facts.service.name_en,
    service_documents: facts.service.documents,
    service_documents_en: facts.service.documents_en,
    service_eligibility: facts.service.eligibility,
    service_eligibility_en: facts.service.eligibility_en,
    session_letter: facts.session.letter,
    session_start: facts.session.start,
    session_end: facts.session.end,
  };
}

/** The changes the citizen is told about, by whoever made them (citizen, desk, a closed day). */
const MESSAGE_OF: Partial<Record<TicketEventType, MessageKind>> = {
  booked: 'booked',
  rescheduled: 'moved',
  moved_by_closure: 'moved',
  cancelled: 'cancelled',
  cancelled_by_closure: 'cancelled',
};

function toEvent(step: LifecycleStep, base: Omit<TicketEvent, 'type' | 'from' | 'to' | 'move'>, from: TicketStatus | null, to: TicketStatus): TicketEvent {
  if (step.type === 'rescheduled' || step.type === 'moved_by_closure') {
    if (!step.previous) throw new Error(`a ${step.type} step needs the place it moves from`);
    const move = {
      fromDate: step.previous.date,
      fromSessionId: step.previous.sessionId,
      fromQueueNumber: step.previous.queueNumber,
      toDate: base.date,
      toSessionId: base.sessionId,
      toQueueNumber: base.queueNumber,
    };
    if (step.type === 'rescheduled') return { ...base, type: 'rescheduled', from: 'booked', to: 'booked', move };
    return { ...base, type: 'moved_by_closure', from: 'booked', to: 'booked', move, closure: closureOf(step) };
  }
  if (step.type === 'cancelled_by_closure') return { ...base, type: 'cancelled_by_closure', from: 'booked', to: 'cancelled', closure: closureOf(step) };
  // The table check above holds `from` and `to` to this type's move; the compiler cannot see it.
  return { ...base, type: step.type, from, to } as TicketEvent;
}

function closureOf(step: LifecycleStep): ClosureCause {
  if (step.type === 'booked' || !step.closure) throw new Error(`a ${step.type} step needs the closure behind it`);
  return step.closure;
}

const FLOOR_KINDS: Partial<Record<TicketEventType, FloorChange['kind']>> = {
  checked_in: 'checked_in',
  called: 'called',
  recalled: 'recalled',
  skipped: 'skipped',
  serving: 'serving',
  done: 'done',
  transferred: 'transferred',
  requeued: 'requeued',
  skip_undone: 'skip_undone',
};

/** The days a booking change touches that are not floor moves: booked, cancelled or moved from or to. */
function bookingDaysOf(event: TicketEvent): string[] {
  if (event.type === 'booked' || event.type === 'cancelled' || event.type === 'cancelled_by_closure') return [event.date];
  if (event.type === 'rescheduled' || event.type === 'moved_by_closure') return [event.move.fromDate, event.move.toDate];
  return [];
}

/**
 * Tells the floor's live pages (the desk's list of today, the counters, the board) that a
 * booking of today changed outside the floor: made, cancelled, moved to or from today, or
 * given another service. Changes of other days are no news for them. Call after commit.
 */
export async function announceBookingChange(ctx: AppContext, change: { officeId: number; dates: readonly string[]; queueNumber: string }): Promise<void> {
  if (change.dates.length === 0) return;
  const db = ctx.storage.db;
  const office = await cachedRead(db, `office#${change.officeId}`, WINDOW_TABLES.office, () => findOfficeById(db, change.officeId));
  if (!office || !change.dates.includes(todayIn(office.timezone, ctx.now()))) return;
  await announceFloor(ctx, change.officeId, { kind: 'ticket_changed', queueNumber: change.queueNumber });
}

/**
 * Tells live pages about committed changes: places freed or taken for availability pages,
 * floor changes for the desk, counters and the waiting-room board (a booking of today made,
 * cancelled or moved counts: the desk's list of today shows who is expected).
 */
export async function publishTicketEvents(ctx: AppContext, events: readonly TicketEvent[]): Promise<void> {
  for (const event of events) {
    await announceBookingChange(ctx, { officeId: event.officeId, dates: bookingDaysOf(event), queueNumber: event.queueNumber });
    const availability = (date: string, sessionId: number) => ctx.events.publish({ officeId: event.officeId, type: 'availability', payload: { date, sessionId } });
    if (event.type === 'booked' || event.type === 'cancelled' || event.type === 'cancelled_by_closure') await availability(event.date, event.sessionId);
    if (event.type === 'rescheduled' || event.type === 'moved_by_closure') {
      await availability(event.move.fromDate, event.move.fromSessionId);
      await availability(event.move.toDate, event.move.toSessionId);
    }
    const kind = FLOOR_KINDS[event.type];
    // A ticket closed at day end is no news for the board: the day closer announces once.
    if (kind && event.note !== 'closed_at_day_end') {
      await announceFloor(ctx, event.officeId, { kind, queueNumber: event.queueNumber, ...(event.counterNumber !== null ? { counter: event.counterNumber } : {}) });
    }
  }
}
