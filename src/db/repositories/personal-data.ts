import { ACTIVE_STATUSES } from '../../domain/ticket-status.js';
import type { Executor } from './offices.js';
import { openMessage } from './outbox.js';

/** Bookings of an office whose personal data is due to go, oldest first. */
export async function listErasableBookingIds(
  db: Executor,
  opts: { officeId: number; appointmentBefore: string; cancelledBefore: string; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('id')
    .where('office_id', '=', opts.officeId)
    .where('personal_data_erased_at', 'is', null)
    // A ticket still active is closed by the day closer first (within minutes of its day's end).
    .where('status', 'not in', ACTIVE_STATUSES)
    .where((eb) =>
      eb.or([
        eb('date', '<', opts.appointmentBefore),
        // A cancelled booking counts from its cancellation, when that came first: it will never be used.
        eb.and([eb('status', '=', 'cancelled'), eb('updated_at', '<', opts.cancelledBefore)]),
      ]),
    )
    .orderBy('id')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Erases a booking's personal data and keeps the anonymous row (office, service, session, date,
 * number, status, times) that reports count. The NIK, name, phone and email become empty; its
 * messages lose recipient, subject and body, and the gateway's answers; free text the desk
 * typed on its check-in goes. Messages not yet sent are given up, so none goes out afterwards.
 * One statement per table; the only place that writes the personal columns besides booking.
 */
export async function erasePersonalData(db: Executor, bookingIds: readonly number[], at: string): Promise<void> {
  if (!bookingIds.length) return;
  await db
    .updateTable('bookings')
    // The NIK's keyed hash goes too: it would still tie the visit to the person.
    .set({ nik: '', nik_hmac: null, name: '', phone: '', phone_hmac: null, email: null, personal_data_erased_at: at })
    .where('id', 'in', bookingIds)
    .execute();
  await db
    .updateTable('outbox_messages')
    .set({ status: 'failed', failure_reason: 'personal_data_erased', claimed_by: null, lease_until: null })
    .where('booking_id', 'in', bookingIds)
    .where('status', 'in', ['waiting', 'claimed'])
    .execute();
  await db
    .updateTable('outbox_messages')
    .set({ recipient: '', subject: '', body: '', last_detail: null, personal_data_erased_at: at })
    .where('booking_id', 'in', bookingIds)
    .execute();
  await db
    .updateTable('outbox_attempts')
    .set({ detail: null })
    .where('message_id', 'in', (eb) => eb.selectFrom('outbox_messages').select('id').where('booking_id', 'in', bookingIds))
    .execute();
  // A desk override's reason is free text ("override (late): <what the clerk typed>"); its kind stays.
  await db
    .updateTable('booking_events')
    .set({ note: 'override' })
    .where('booking_id', 'in', bookingIds)
    .where('type', '=', 'checked_in')
    .where('note', 'like', 'override%')
    .execute();
}

/**
 * Forgets that the numbers of these bookings are not on WhatsApp: the mark is personal data too.
 * Both are kept by the number's keyed hash, so no number is opened; call it before
 * erasePersonalData, which forgets the booking's hash.
 */
export async function forgetUnreachablePhonesOf(db: Executor, bookingIds: readonly number[]): Promise<void> {
  if (!bookingIds.length) return;
  await db
    .deleteFrom('whatsapp_unreachable')
    .where('phone', 'in', (eb) => eb.selectFrom('bookings').select('phone_hmac').where('id', 'in', bookingIds).where('phone_hmac', 'is not', null).$narrowType<{ phone_hmac: string }>())
    .execute();
}

/** What a staff read of personal data was for. */
export type PersonalDataAction = 'desk_search' | 'booking_lookup' | 'counter_ticket' | 'desk_booking' | 'desk_receipt';

/** Records staff reads of bookings' personal data; one row per booking read. */
export async function recordPersonalDataAccess(
  db: Executor,
  entry: { at: string; officeId: number; bookingIds: readonly number[]; userId: number; username: string; role: string; action: PersonalDataAction },
): Promise<void> {
  if (!entry.bookingIds.length) return;
  await db
    .insertInto('personal_data_access')
    .values(
      [...new Set(entry.bookingIds)].map((bookingId) => ({
        at: entry.at,
        office_id: entry.officeId,
        booking_id: bookingId,
        user_id: entry.userId,
        username: entry.username,
        role: entry.role,
        action: entry.action,
      })),
    )
    .execute();
}

/** Which reads to list; every field narrows. `toAt` is exclusive. */
export interface PersonalDataAccessFilter {
  officeId: number;
  bookingId?: number | undefined;
  userId?: number | undefined;
  fromAt?: string | undefined;
  toAt?: string | undefined;
  limit: number;
}

/** Staff reads of personal data with the booking's code, newest first. */
export function listPersonalDataAccess(db: Executor, filter: PersonalDataAccessFilter) {
  let q = db
    .selectFrom('personal_data_access as a')
    .innerJoin('bookings as b', 'b.id', 'a.booking_id')
    .select(['a.id', 'a.at', 'a.user_id', 'a.username', 'a.role', 'a.action', 'a.booking_id', 'b.code', 'b.queue_number', 'b.date'])
    .where('a.office_id', '=', filter.officeId);
  if (filter.bookingId !== undefined) q = q.where('a.booking_id', '=', filter.bookingId);
  if (filter.userId !== undefined) q = q.where('a.user_id', '=', filter.userId);
  if (filter.fromAt !== undefined) q = q.where('a.at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('a.at', '<', filter.toAt);
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
}

/** A booking's messages as kept (recipient and body until erased), for its owner's copy. */
export async function listBookingMessages(db: Executor, bookingId: number) {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['kind', 'channel', 'recipient', 'key_id', 'subject', 'body', 'status', 'created_at', 'sent_at', 'personal_data_erased_at'])
    .where('booking_id', '=', bookingId)
    .orderBy('id')
    .execute();
  // The recipient is stored sealed; the owner's copy shows it opened.
  return rows.map((row) => {
    const { key_id: _keyId, ...message } = openMessage(row);
    return message;
  });
}

/** A booking's ticket events, for its owner's copy: what happened and when, without staff names. */
export function listBookingHistory(db: Executor, bookingId: number) {
  return db
    .selectFrom('booking_events')
    .select(['at', 'type', 'from_status', 'to_status', 'counter_number'])
    .where('booking_id', '=', bookingId)
    .orderBy('id')
    .execute();
}
