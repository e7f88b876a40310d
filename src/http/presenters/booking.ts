import type { BookingView } from '../../db/repositories/bookings.js';
import { formatBookingCode } from '../../domain/booking-code.js';
import { formatSession, type Lang } from '../../domain/indonesian-format.js';
import { maskNik } from '../../domain/nik.js';
import { nameInitials } from '../../domain/person-name.js';
import { maskPhone } from '../../domain/phone.js';

/** A booking as it leaves the server: the NIK and phone only masked, never whole. */
export function presentBooking(b: BookingView, lang: Lang) {
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
    documents: JSON.parse(b.service_documents) as string[],
    status: b.status,
    name: b.name,
    nikMasked: maskNik(b.nik),
    phoneMasked: maskPhone(b.phone) as string | null,
    priority: b.priority,
    channel: b.channel,
  };
}

export type PresentedBooking = ReturnType<typeof presentBooking>;

/**
 * A booking as shown to whoever has its code, which is printed, shared and read aloud: the
 * name only as initials and no phone. The full view waits for the NIK (or a staff login).
 */
export function presentBookingToCodeHolder(b: BookingView, lang: Lang): PresentedBooking {
  return { ...presentBooking(b, lang), name: nameInitials(b.name), phoneMasked: null };
}
