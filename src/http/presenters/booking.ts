import type { BookingView } from '../../app/booking/read-models.js';
import { formatBookingCode } from '../../domain/booking-code.js';
import { maskNik } from '../../domain/nik.js';
import { nameInitials } from '../../domain/person-name.js';
import { maskPhone } from '../../domain/phone.js';
import { maskEmail } from '../../domain/email.js';
import { z } from 'zod';
import { TICKET_STATUSES } from '../../domain/ticket-status.js';
import { formatSession } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';
import { documentsIn } from './service.js';

/** A booking as the API shows it; the presenter below is the only way one is made. */
export const BookingSchema = z
  .object({
    code: z.string().describe('The booking code: the ticket\'s secret, shown as a QR code'),
    displayCode: z.string().describe('The code grouped for reading aloud'),
    queueNumber: z.string().describe('Queue number in its session, e.g. A001'),
    office: z.string(),
    officeName: z.string(),
    timezone: z.string(),
    date: z.string().describe('YYYY-MM-DD in the office\'s zone'),
    session: z.object({ id: z.number().int(), start: z.string(), end: z.string() }),
    when: z.string().describe('Date and session in words, e.g. "Senin, 7 Desember 2026, 08.00–09.00 WIB"'),
    service: z.string(),
    serviceName: z.string(),
    documents: z.array(z.string()),
    status: z.enum(TICKET_STATUSES),
    name: z.string(),
    nikMasked: z.string(),
    phoneMasked: z.string().nullable().describe('Only to the NIK holder and staff; null to someone with only the code, and for someone booked at the desk without a phone'),
    emailMasked: z.string().nullable().describe('The optional email, masked; null when none was given or to someone with only the code'),
    priority: z.string().nullable(),
    channel: z.string(),
  })
  .meta({ id: 'Booking' });

export type PresentedBooking = z.infer<typeof BookingSchema>;

/** A booking as it leaves the server: the NIK and phone only masked, never whole. */
export function presentBooking(b: BookingView, lang: Lang): PresentedBooking {
  return {
    code: b.code,
    displayCode: formatBookingCode(b.code),
    queueNumber: b.queue_number,
    office: b.office_slug,
    officeName: b.office_name,
    timezone: b.office_timezone,
    date: b.date,
    session: { id: b.session_id, start: b.session_start, end: b.session_end },
    when: formatSession(b.date, b.session_start, b.session_end, b.office_timezone, lang),
    service: b.service_code,
    serviceName: lang === 'en' ? b.service_name_en : b.service_name,
    documents: documentsIn(b.service_documents, b.service_documents_en, lang),
    status: b.status as PresentedBooking['status'],
    name: b.name,
    nikMasked: maskNik(b.nik),
    // Someone the desk booked without a phone has none to mask.
    phoneMasked: b.phone ? maskPhone(b.phone) : null,
    emailMasked: b.email ? maskEmail(b.email) : null,
    priority: b.priority,
    channel: b.channel,
  };
}

/**
 * A booking as shown to whoever has its code, which is printed, shared and read aloud: the
 * name only as initials and no phone. The full view waits for the NIK (or a staff login).
 */
export function presentBookingToCodeHolder(b: BookingView, lang: Lang): PresentedBooking {
  return { ...presentBooking(b, lang), name: nameInitials(b.name), phoneMasked: null, emailMasked: null };
}
