import { listDayTickets } from '../../../db/repositories/floor.js';
import type { BookingView } from '../../booking/read-models.js';
import { type DayCounts, dayCounts, type DayGroup, dayGroupOf } from '../../../domain/day-list.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { TicketStatus } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

export interface ListTodayOptions {
  officeSlug: string;
  /** Only this group; all of the day when absent. */
  group?: DayGroup | undefined;
}

/** The day at the desk: today's date, every booking of it but the cancelled, and the counts per group. */
export interface TodayList {
  today: string;
  tickets: BookingView[];
  counts: DayCounts;
}

/** Today's bookings of an office, in session and number order, with how many stand where. */
export async function listToday(ctx: AppContext, opts: ListTodayOptions): Promise<TodayList> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const { today } = officeClock(office, ctx.now());
  const all = await listDayTickets(db, office.id, today);
  const counts = dayCounts(all.map((b) => b.status as TicketStatus));
  const tickets = opts.group ? all.filter((b) => dayGroupOf(b.status as TicketStatus) === opts.group) : all;
  return { today, tickets, counts };
}
