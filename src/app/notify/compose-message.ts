import { type BookingView, findBookingById } from '../../db/repositories/bookings.js';
import { findMessageTemplate } from '../../db/repositories/message-templates.js';
import { type Executor, findOfficeById } from '../../db/repositories/offices.js';
import type { OfficeRow } from '../../db/schema.js';
import { DEFAULT_TEMPLATES, SUBJECTS } from '../../domain/messages/default-templates.js';
import { isMessageLang, type MessageKind, type MessageLang } from '../../domain/messages/message-kind.js';
import { renderTemplate } from '../../domain/messages/templates.js';
import { messageValues } from './message-values.js';
import { ticketLink } from './ticket-link.js';

export type { MessageKind } from '../../domain/messages/message-kind.js';

/** A message ready for a channel: the subject (email) and the text (WhatsApp and the email body). */
export interface ComposedMessage {
  subject: string;
  text: string;
}

/** The booking's language when it records one; Indonesian otherwise. */
export function bookingLang(booking: { lang: string | null }): MessageLang {
  return booking.lang !== null && isMessageLang(booking.lang) ? booking.lang : 'id';
}

/** The words an office sends for a kind in a language: its own edited template, else the default. */
export async function templateBody(db: Executor, officeId: number, kind: MessageKind, lang: MessageLang): Promise<string> {
  const edited = await findMessageTemplate(db, officeId, kind, lang);
  return wordsOf(edited?.body ?? null, kind, lang);
}

/** The office's edited words (null: it kept the default) or the default words of a kind in a language. */
export function wordsOf(edited: string | null, kind: MessageKind, lang: MessageLang): string {
  return edited ?? DEFAULT_TEMPLATES[kind][lang];
}

/**
 * The subject and text of one message about a booking, read in the caller's transaction: the
 * office's template (or the default) filled with the code, the day and hours in the office's
 * zone, the documents to bring and the ticket link; for `turn_near`, the counter once called.
 */
export async function composeMessage(
  db: Executor,
  opts: {
    bookingId: number;
    kind: MessageKind;
    counterNumber?: number | null;
    publicUrl?: string;
    booking?: BookingView;
    office?: OfficeRow | undefined;
    /** The words to fill, when the caller has read them (`wordsOf`): not read again. */
    words?: string;
  },
): Promise<ComposedMessage> {
  // The caller may have read the booking in the same transaction already: no second read.
  const booking = opts.booking ?? (await findBookingById(db, opts.bookingId));
  if (!booking) throw new Error(`booking ${opts.bookingId} not found`);
  const office = opts.office ?? (await findOfficeById(db, booking.office_id));
  if (!office) throw new Error(`office ${booking.office_id} not found`);
  const lang = bookingLang(booking);
  const body = opts.words ?? (await templateBody(db, office.id, opts.kind, lang));
  const values = messageValues(
    {
      name: booking.name,
      code: booking.code,
      queueNumber: booking.queue_number,
      officeName: office.name,
      officeAddress: office.address,
      timezone: office.timezone,
      serviceName: booking.service_name,
      serviceNameEn: booking.service_name_en,
      documents: booking.service_documents,
      documentsEn: booking.service_documents_en,
      date: booking.date,
      sessionStart: booking.session_start,
      sessionEnd: booking.session_end,
    },
    { kind: opts.kind, lang, link: ticketLink(booking.code, opts.publicUrl), counterNumber: opts.counterNumber },
  );
  return { subject: `${SUBJECTS[opts.kind][lang]}: ${values.kode}`, text: renderTemplate(body, values) };
}
