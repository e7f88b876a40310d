import type { BookingView } from '../../booking/read-models.js';
import { findBookingById } from '../../../db/repositories/bookings.js';
import { counterServiceIds } from '../../../db/repositories/counters.js';
import { listServices } from '../../../db/repositories/catalogue.js';
import { findCounterTicket, findLastSkip, listWaiting } from '../../../db/repositories/floor.js';
import type { CounterRow, OfficeRow } from '../../../db/schema.js';
import { mayUndoSkip, transferTargets, undoSkipUntil } from '../../../domain/counter-work.js';
import type { AppContext } from '../../shared/context.js';
import { type CounterOptions, requireCounter } from '../../office/queries/find-counter.js';
import { recordStaffReads, type StaffReader } from '../../privacy/staff-reads.js';
import { officeClock } from '../../../domain/office-clock.js';
import { counterReach } from '../counter-clerk.js';

/** What a counter's screen shows: the counter, the person it called or serves, and who waits for it. */
export interface CounterTicket {
  office: OfficeRow;
  counter: CounterRow;
  /** The ticket called to or served at the counter today; null when it is free. */
  ticket: BookingView | null;
  /** People checked in today for the services this counter handles. */
  waiting: number;
  /** The counter's latest skip while it may still be taken back: its number and until when (ISO instant). */
  undoableSkip: { queueNumber: string; until: string } | null;
  /** Codes of the services another counter serves, so a transfer there can be called elsewhere. */
  transferable: string[];
}

/** The counter's current ticket and its waiting line, read at one instant. */
export async function getCounterTicket(ctx: AppContext, opts: CounterOptions & { reader?: StaffReader }): Promise<CounterTicket> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  const { today } = officeClock(office, now);
  const services = await counterServiceIds(db, counter.id);
  const [ticket, waiting, skip, reach, offered] = await Promise.all([
    findCounterTicket(db, office.id, today, counter.number),
    listWaiting(db, office.id, today, services.length ? services : null),
    findLastSkip(db, office.id, today, counter.number),
    counterReach(db, office, now),
    listServices(db, office.id),
  ]);
  let undoableSkip: CounterTicket['undoableSkip'] = null;
  if (skip && mayUndoSkip(new Date(skip.at), now)) {
    const skipped = await findBookingById(db, skip.bookingId);
    if (skipped) undoableSkip = { queueNumber: skipped.queue_number, until: undoSkipUntil(new Date(skip.at)).toISOString() };
  }
  const transferable = offered.filter((s) => transferTargets(reach, Number(s.id), Number(counter.number)).length > 0).map((s) => s.code);
  if (ticket) await recordStaffReads(ctx, opts.reader, [ticket], 'counter_ticket');
  return { office, counter, ticket: ticket ?? null, waiting: waiting.length, undoableSkip, transferable };
}
