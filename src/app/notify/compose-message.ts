import { findBookingById } from '../../db/repositories/bookings.js';
import type { Executor } from '../../db/repositories/offices.js';
import { formatSession } from '../../texts/indonesian-format.js';

/** What a message is about. */
export type MessageKind = 'booked' | 'moved' | 'cancelled' | 'reminder_evening' | 'reminder_before' | 'turn_near';

/*
 * A stand-in until the editable templates land (branch `reminders` owns this file and its
 * words): the code, the session in the office's zone the Indonesian way, and the ticket path.
 */
const HEADLINES: Record<MessageKind, string> = {
  booked: 'Pendaftaran antrean berhasil',
  moved: 'Jadwal antrean Anda dipindahkan',
  cancelled: 'Antrean Anda dibatalkan',
  reminder_evening: 'Pengingat: besok jadwal antrean Anda',
  reminder_before: 'Pengingat: jadwal antrean Anda sebentar lagi',
  turn_near: 'Giliran Anda sebentar lagi',
};

/** The subject and text of one message about a booking, read in the caller's transaction. */
export async function composeMessage(
  db: Executor,
  opts: { bookingId: number; kind: MessageKind; counterNumber?: number | null },
): Promise<{ subject: string; text: string }> {
  const booking = await findBookingById(db, opts.bookingId);
  if (!booking) throw new Error(`booking ${opts.bookingId} not found`);
  const when = formatSession(booking.date, booking.session_start, booking.session_end, booking.office_timezone, 'id');
  const subject = `${HEADLINES[opts.kind]}: ${booking.code}`;
  const lines = [
    `${HEADLINES[opts.kind]}.`,
    `${booking.office_name}`,
    `Kode: ${booking.code} · Nomor: ${booking.queue_number}`,
    `${booking.service_name}`,
    when,
    ...(opts.counterNumber ? [`Loket ${opts.counterNumber}`] : []),
    `/t/${booking.code}`,
  ];
  return { subject, text: lines.join('\n') };
}
