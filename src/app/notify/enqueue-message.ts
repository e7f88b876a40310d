import { type BookingView, findBookingById } from '../../db/repositories/bookings.js';
import type { Executor } from '../../db/repositories/offices.js';
import type { OfficeRow } from '../../db/schema.js';
import { findMessageFacts, findOutboxMessagesByDedupeKey, insertOutboxMessages, type NewOutboxMessage } from '../../db/repositories/outbox.js';
import { bookingLang, composeMessage, type MessageKind, wordsOf } from './compose-message.js';

export interface EnqueueMessageOptions {
  bookingId: number;
  kind: MessageKind;
  /**
   * Names the message once and for all (`booked:42`, `reminder_evening:42:2026-12-07`): a second
   * enqueue with the same key is a no-op, so a reminder found twice is still sent once.
   */
  dedupeKey: string;
  /** The counter, for a "your turn is near / you are called" message. */
  counterNumber?: number | null;
  /** When the change happened (the use case's clock): the message is due from then. */
  at: string;
  /** The booking as the caller has it in this transaction (values in clear): not read again. */
  booking?: BookingView;
  /** Its office, likewise. */
  office?: OfficeRow;
  /** The booking was made in this transaction: nothing is queued under its key yet, so that is not looked up. */
  fresh?: boolean;
}

/**
 * Queues a message about a booking to its WhatsApp number and, when it has one, its email, in
 * the caller's transaction, so the message exists exactly when the change that causes it does.
 * A number a gateway said is not on WhatsApp gets its row written as failed with that reason
 * (the admin sees it and may resend), and the email carries the message. Returns how many rows
 * were new: 0 when the dedupe key was queued before.
 */
export async function enqueueMessage(trx: Executor, opts: EnqueueMessageOptions): Promise<number> {
  const booking = opts.booking ?? (await findBookingById(trx, opts.bookingId));
  if (!booking) throw new Error(`booking ${opts.bookingId} not found`);
  // Someone the desk booked without a phone gets no WhatsApp row; with no email either, nothing is sent.
  const channels = [...(booking.phone ? (['whatsapp'] as const) : []), ...(booking.email ? (['email'] as const) : [])];
  if (channels.length === 0) return 0;
  const queued = new Set(opts.fresh ? [] : (await findOutboxMessagesByDedupeKey(trx, opts.dedupeKey)).map((m) => m.channel));
  if (channels.every((c) => queued.has(c))) return 0;

  const lang = bookingLang(booking);
  const facts = await findMessageFacts(trx, { officeId: booking.office_id, kind: opts.kind, lang, phone: booking.phone });
  const { subject, text } = await composeMessage(trx, {
    bookingId: opts.bookingId,
    kind: opts.kind,
    counterNumber: opts.counterNumber ?? null,
    booking,
    office: opts.office,
    words: wordsOf(facts.template, opts.kind, lang),
  });
  const base = {
    office_id: booking.office_id,
    booking_id: booking.id,
    kind: opts.kind,
    subject,
    body: text,
    dedupe_key: opts.dedupeKey,
    next_attempt_at: opts.at,
    created_at: opts.at,
    last_detail: null,
  };
  const rows: NewOutboxMessage[] = [];
  if (booking.phone) {
    rows.push(
      facts.unreachable
        ? { ...base, channel: 'whatsapp', recipient: booking.phone, status: 'failed', failure_reason: 'not_on_whatsapp' }
        : { ...base, channel: 'whatsapp', recipient: booking.phone, status: 'waiting', failure_reason: null },
    );
  }
  if (booking.email) rows.push({ ...base, channel: 'email', recipient: booking.email, status: 'waiting', failure_reason: null });
  return insertOutboxMessages(
    trx,
    rows.filter((r) => !queued.has(r.channel)),
  );
}
