import type { Ticket } from '../../app/booking/queries/get-ticket.js';
import { erasureDate } from '../../domain/retention.js';
import { arrivalTimes, timeOfMinutes } from '../../domain/check-in-window.js';
import { presentBooking, presentBookingToCodeHolder } from './booking.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';

/**
 * A booking as its ticket page shows it: the API's view (NIK and phone masked) plus where the
 * office is and when to come. The arrival times are what the desk accepts without a reason
 * (its check-in window, widened by the early-arrival margin), so the ticket never promises
 * more than the desk accepts, and says when early comers are called.
 */
export function presentCitizenTicket(ticket: Ticket, lang: Lang, audience: TicketAudience = 'code-holder') {
  const { booking, office } = ticket;
  const owner = audience === 'owner';
  const arrival = arrivalTimes(booking.session_start, booking.session_end, {
    before: Number(office.check_in_before_minutes),
    after: Number(office.check_in_after_minutes),
    earlyMinutes: Number(office.early_check_in_minutes),
  });
  return {
    ...(owner ? presentBooking(booking, lang) : presentBookingToCodeHolder(booking, lang)),
    /** Whether the name and phone are shown whole: the NIK was given, or staff are looking. */
    ownerView: owner,
    officeAddress: office.address,
    /** Who may use the service: a condition, shown apart from the documents. */
    eligibility: lang === 'en' ? booking.service_eligibility_en || booking.service_eligibility : booking.service_eligibility,
    zoneLabel: zoneAbbreviation(office.timezone),
    arriveFrom: formatTime(timeOfMinutes(arrival.from), lang),
    arriveUntil: formatTime(timeOfMinutes(arrival.until), lang),
    /** Set when early comers wait for the session's start: before `before`, called from `calledFrom`. */
    arriveEarly: arrival.heldBefore === null ? null : { before: formatTime(timeOfMinutes(arrival.heldBefore), lang), calledFrom: formatTime(timeOfMinutes(arrival.calledFrom), lang) },
    /** The last change, which dates the calendar file. */
    updatedAt: new Date(booking.updated_at),
    changeable: booking.status === 'booked',
    /** How long the office keeps the personal data, and the day it goes at the latest. */
    retentionDays: Number(office.retention_days),
    erasedBy: formatDate(erasureDate(booking.date, Number(office.retention_days)), lang),
    /** The personal data was erased (retention or the owner's request): nothing personal is left to show. */
    dataErased: booking.personal_data_erased_at !== null && booking.personal_data_erased_at !== undefined,
    /** The office closed the booking's day: what happened, the admin's reason and the day it was on. */
    closure: ticket.closure
      ? { outcome: ticket.closure.outcome, reason: ticket.closure.reason, closedDate: formatDate(ticket.closure.date, lang) }
      : null,
  };
}

/** Who looks: `code-holder` has only the code (initials, no phone); `owner` gave the NIK, or is staff. */
export type TicketAudience = 'code-holder' | 'owner';

/** A ticket ready for the page. */
export type CitizenTicket = ReturnType<typeof presentCitizenTicket>;
