import { z } from 'zod';
import type { OfficeReport } from '../../app/reports/queries/office-summary.js';

const Durations = z
  .object({
    count: z.number().int().describe('Tickets measured'),
    medianSeconds: z.number().nullable().describe('Median in seconds; for an even count the mean of the two middle values'),
    p90Seconds: z.number().nullable().describe('Nearest-rank 90th percentile in seconds: the value at rank ⌈0.9 × count⌉'),
  })
  .meta({ id: 'ReportDurations' });

const Outcomes = {
  booked: z.number().int().describe('Every booking for a date in the range, whatever became of it'),
  bookedOnline: z.number().int(),
  bookedDesk: z.number().int().describe('Booked by the desk on behalf of someone without a phone'),
  bookedWalkIn: z.number().int(),
  checkedIn: z.number().int(),
  served: z.number().int().describe('Finished at a counter'),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  pending: z.number().int().describe('Still open (today or later): booked = served + noShow + cancelled + pending'),
};
const Fill = {
  capacity: z.number().int().describe('Places offered, from the day planner availability uses'),
  taken: z.number().int().describe('Bookings that held a place: every one but the cancelled'),
  fill: z.number().nullable().describe('taken / capacity; null without places'),
};
const Times = {
  waitingTime: Durations.describe('Check-in to first call'),
  serviceTime: Durations.describe('Last call to finish; tickets closed at day end are left out'),
};
const Work = {
  calls: z.number().int(),
  recalls: z.number().int(),
  skips: z.number().int(),
  transfers: z.number().int(),
  served: z.number().int(),
  serviceTime: Durations,
};

/** The office report as the API sends it. */
export const OfficeReportSchema = z
  .object({
    office: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
    from: z.string().describe('First date, on the office calendar'),
    to: z.string().describe('Last date, included'),
    generatedAt: z.string().describe('When the numbers were read (ISO instant)'),
    totals: z.object({ openDays: z.number().int(), ...Outcomes, ...Fill, ...Times }),
    days: z.array(z.object({ date: z.string(), open: z.boolean(), ...Outcomes, ...Fill, ...Times })),
    sessions: z.array(z.object({ sessionId: z.number().int(), letter: z.string(), start: z.string(), end: z.string(), openDays: z.number().int(), ...Fill })),
    services: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), ...Outcomes, ...Times })),
    counters: z.array(z.object({ counter: z.number().int(), name: z.string(), ...Work })),
    clerks: z.array(z.object({ username: z.string(), ...Work })),
    hours: z.array(z.object({ hour: z.number().int().describe('Hour of the day on the office clock, 0–23'), checkIns: z.number().int(), calls: z.number().int() })),
    finishOutcomes: z
      .object({
        served: z.number().int().describe('Finished as served'),
        documentsIncomplete: z.number().int().describe('Finished because documents were incomplete'),
        referred: z.number().int().describe('Finished by referring the person elsewhere'),
        unrecorded: z.number().int().describe('Finished without an outcome: before outcomes were asked, or closed at day end'),
      })
      .describe('How finished visits ended, from the outcome recorded with each finish'),
  })
  .meta({ id: 'OfficeReport' });

/** The report as it leaves the server: no internal ids of services or clerks. */
export function presentReport(r: OfficeReport): z.infer<typeof OfficeReportSchema> {
  const s = r.summary;
  return {
    office: r.office,
    from: r.from,
    to: r.to,
    generatedAt: r.generatedAt,
    totals: s.totals,
    days: s.days,
    sessions: s.sessions,
    services: s.services.map(({ serviceId: _id, ...rest }) => rest),
    counters: s.counters,
    clerks: s.clerks.map(({ userId: _id, ...rest }) => rest),
    hours: s.hours,
    finishOutcomes: {
      served: r.finishOutcomes.served,
      documentsIncomplete: r.finishOutcomes.documents_incomplete,
      referred: r.finishOutcomes.referred,
      unrecorded: r.finishOutcomes.unrecorded,
    },
  };
}
