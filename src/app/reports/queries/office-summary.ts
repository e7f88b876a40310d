import { listCounters } from '../../../db/repositories/counters.js';
import { listServices } from '../../../db/repositories/catalogue.js';
import {
  countCheckInsAndCallsByUtcHour,
  countFinishOutcomes,
  countFloorEvents,
  countOutcomesByDate,
  countOutcomesByService,
  countTakenPlaces,
  listAllSessions,
  listVisitTimes,
} from '../../../db/repositories/reports.js';
import { type FinishOutcome, isFinishOutcome } from '../../../domain/counter-work.js';
import type { LocalDate } from '../../../domain/local-date.js';
import { buildOfficeSummary, measureVisit, type OfficeSummary } from '../../../domain/reports/office-summary.js';
import { checkReportRange } from '../../../domain/reports/report-range.js';
import { CLOSED_AT_DAY_END } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import { readByWeeks } from '../read-by-weeks.js';

export interface OfficeSummaryOptions {
  officeSlug: string;
  /** First date of the range, on the office's calendar. */
  from: LocalDate;
  /** Last date of the range, included. */
  to: LocalDate;
}

/** An office's report over a range of its dates. */
export interface OfficeReport {
  office: { slug: string; name: string; timezone: string };
  from: LocalDate;
  to: LocalDate;
  /** When the numbers were read: today's are still moving. */
  generatedAt: string;
  summary: OfficeSummary;
  /** Finished visits by how they ended; `unrecorded` were finished without an outcome (before outcomes were asked, or at day end). */
  finishOutcomes: Record<FinishOutcome | 'unrecorded', number>;
}

/**
 * The office's numbers for a range of dates: outcomes, fill, services, counters, clerks,
 * waiting and service times, busiest hours, day by day. Places come from the same day planner
 * availability uses, so the fill is measured against the places citizens were offered.
 */
export async function getOfficeSummary(ctx: AppContext, opts: OfficeSummaryOptions): Promise<OfficeReport> {
  const { days: dayCount } = checkReportRange(opts.from, opts.to);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const now = ctx.now();
  const { from, to } = opts;
  const [planned, services, sessions, counters] = await Promise.all([
    planOfficeDays(db, office, officeClock(office, now), from, dayCount),
    listServices(db, office.id, { includeInactive: true }),
    listAllSessions(db, office.id),
    listCounters(db, office.id),
  ]);
  // The bookings and their events, by weeks; every figure is a sum over rows, so the weeks' rows go together.
  const weeks = await readByWeeks(from, to, (weekFrom, weekTo) =>
    Promise.all([
      countOutcomesByDate(db, office.id, weekFrom, weekTo),
      countTakenPlaces(db, office.id, weekFrom, weekTo),
      countOutcomesByService(db, office.id, weekFrom, weekTo),
      listVisitTimes(db, office.id, weekFrom, weekTo).then((rows) => rows.map((v) => measureVisit({ ...v, closedAtDayEnd: v.doneNote === CLOSED_AT_DAY_END }))),
      countFloorEvents(db, office.id, weekFrom, weekTo),
      countCheckInsAndCallsByUtcHour(db, office.id, weekFrom, weekTo),
      countFinishOutcomes(db, office.id, weekFrom, weekTo),
    ]),
  );
  const byDay = weeks.flatMap((w) => w[0]);
  const taken = weeks.flatMap((w) => w[1]);
  const byService = weeks.flatMap((w) => w[2]);
  const visits = weeks.flatMap((w) => w[3]);
  const floorEvents = weeks.flatMap((w) => w[4]);
  const hours = weeks.flatMap((w) => w[5]);
  const outcomes = weeks.flatMap((w) => w[6]);
  const finishOutcomes: OfficeReport['finishOutcomes'] = { served: 0, documents_incomplete: 0, referred: 0, unrecorded: 0 };
  for (const o of outcomes) finishOutcomes[isFinishOutcome(o.outcome) ? o.outcome : 'unrecorded'] += o.count;
  const summary = buildOfficeSummary({
    zone: office.timezone,
    days: planned.map((d) => ({ date: d.date, open: d.open, sessions: d.sessions.map((s) => ({ id: s.id, capacity: s.capacity })) })),
    byDay,
    taken,
    byService,
    services: services.map((s) => ({ id: Number(s.id), code: s.code, name: s.name, nameEn: s.name_en, active: s.active === 1 })),
    sessions: sessions.map((s) => ({ id: Number(s.id), letter: s.letter, start: s.start_time, end: s.end_time })),
    counters: counters.map((c) => ({ number: Number(c.number), name: c.name })),
    visits,
    floorEvents,
    hours,
  });
  return { office: { slug: office.slug, name: office.name, timezone: office.timezone }, from, to, generatedAt: now.toISOString(), summary, finishOutcomes };
}
