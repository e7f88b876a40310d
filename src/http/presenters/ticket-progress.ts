import { z } from 'zod';
import type { BookingView } from '../../app/booking/read-models.js';
import type { TicketProgress } from '../../app/booking/queries/get-ticket-progress.js';
import { timeIn } from '../../domain/local-date.js';
import { isSurveyOpen } from '../../domain/satisfaction.js';
import { formatTime, zoneAbbreviation } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';
import { BookingSchema } from './booking.js';

/** What `GET /bookings/:code` adds to a booking: where it stands today. */
export const BookingPlaceFields = {
  position: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('Place in the line of its service once checked in today: 1 = called next, so position − 1 people are ahead. Null when not waiting (not checked in yet, called, served, another day)'),
  estimatedCallAt: z
    .string()
    .nullable()
    .describe('ISO instant the person is expected to be called, the middle of a range that is shown as "sekitar 10.20–10.40". An estimate from the median service time of today (or of the last open days early in the morning) and the counters calling the service. Null when position is null, or when it cannot be estimated honestly (too few measured visits, no counter for the service)'),
  counter: z.number().int().nullable().describe('The counter (loket) calling or serving the person; null otherwise'),
  surveyOpen: z.boolean().describe('Whether the satisfaction survey (POST /bookings/{code}/survey) may be answered now: the visit is finished and the survey not answered yet'),
};

/** A booking with its place in today's line, as `GET /bookings/:code` answers. */
export const BookingWithPlaceSchema = BookingSchema.extend(BookingPlaceFields).meta({ id: 'BookingWithPlace' });

/** The place fields of a booking. */
export function presentPlace(booking: BookingView, progress: TicketProgress) {
  const place = progress.place;
  return {
    position: place ? place.position : null,
    estimatedCallAt: place?.estimate ? place.estimate.at.toISOString() : null,
    counter: booking.status === 'called' || booking.status === 'serving' ? booking.counter_number : null,
    surveyOpen: isSurveyOpen({ status: booking.status, surveyAnswered: Number(booking.survey_answered) === 1 }),
  };
}

/** A ticket's progress in words and clock times, as the ticket page shows it. */
export interface TicketProgressView {
  /** The page follows the ticket live (today's, still active). */
  live: boolean;
  status: BookingView['status'];
  counter: number | null;
  place: {
    position: number;
    ahead: number;
    /** The range rounded outward to 5 minutes, in the office's wall-clock time: "10.20", "10.40". */
    estimate: { from: string; to: string; zone: string; basis: 'today' | 'recent' } | null;
  } | null;
}

/** The progress of a ticket for its page, in the office's zone and the page's language. */
export function presentTicketProgress(booking: BookingView, progress: TicketProgress, lang: Lang): TicketProgressView {
  const zone = booking.office_timezone;
  const place = progress.place;
  const range = place?.range;
  return {
    live: progress.live,
    status: booking.status,
    counter: presentPlace(booking, progress).counter,
    place: place
      ? {
          position: place.position,
          ahead: place.ahead,
          estimate: range
            ? {
                from: formatTime(timeIn(zone, range.from), lang),
                to: formatTime(timeIn(zone, range.to), lang),
                zone: zoneAbbreviation(zone, range.from),
                basis: place.basis === 'today-service' || place.basis === 'today-office' ? 'today' : 'recent',
              }
            : null,
        }
      : null,
  };
}
