import type { Insertable } from 'kysely';
import type { EngineCapabilities } from '../engine.js';
import type { BookingRow, OutboxAttemptRow, OutboxMessageRow, OutboxMessagesTable, OutboxStatus } from '../schema.js';
import { dataCipher } from '../../privacy/data-cipher.js';
import { preparedQuery } from '../prepared-query.js';
import type { Executor } from './offices.js';

/** A message row with its recipient opened; every function here hands rows out this way. */
/** A message row with its recipient opened; rows erased or still in clear pass as they are. */
export function openMessage<T extends { recipient: string; key_id: string | null }>(row: T): T {
  return row.key_id === null || row.recipient === '' ? row : { ...row, recipient: dataCipher().open(row.recipient) };
}

/** A message to queue, recipient in clear; status, tries and claim fields start empty. */
export type NewOutboxMessage = Omit<Insertable<OutboxMessagesTable>, 'id' | 'tries' | 'claimed_by' | 'lease_until' | 'sent_at' | 'key_id'>;

/**
 * Queues messages, the recipient sealed with the data key; one whose channel and dedupe key are
 * already queued is skipped. Returns how many were new.
 */
export async function insertOutboxMessages(db: Executor, messages: readonly NewOutboxMessage[]): Promise<number> {
  let inserted = 0;
  for (const message of messages) {
    const { rows } = await insertOutboxRow(db, { ...message, recipient: dataCipher().seal(message.recipient), key_id: dataCipher().keyId });
    if (rows.length > 0) inserted++;
  }
  return inserted;
}

const insertOutboxRow = preparedQuery((db, row: Insertable<OutboxMessagesTable>) =>
  db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['dedupe_key', 'channel']).doNothing())
    .returning('id'),
);

/** What queuing a message needs from the database besides the booking: the office's own words, if edited, and whether the number is marked. */
export interface MessageFacts {
  /** The office's edited template for the kind and language; null: the default. */
  template: string | null;
  /** Whether a gateway said the number is not on WhatsApp (false without a number). */
  unreachable: boolean;
}

/**
 * Both facts in one statement: a booking queues its confirmation while it holds its session's
 * lock, where every round trip counts.
 */
export async function findMessageFacts(db: Executor, v: { officeId: number; kind: string; lang: string; phone: string }): Promise<MessageFacts> {
  const row = (await messageFacts(db, { officeId: v.officeId, kind: v.kind, lang: v.lang, phoneHmac: v.phone ? dataCipher().lookupHash(v.phone) : '' })).rows[0];
  return { template: row?.template ?? null, unreachable: Number(row?.unreachable ?? 0) > 0 };
}

const messageFacts = preparedQuery((db, v: { officeId: number; kind: string; lang: string; phoneHmac: string }) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('message_templates').select('body').where('office_id', '=', v.officeId).where('kind', '=', v.kind).where('lang', '=', v.lang).as('template'),
    eb
      .selectFrom('whatsapp_unreachable')
      .select((e) => e.fn.countAll<string | number>().as('n'))
      .where('phone', '=', v.phoneHmac)
      .as('unreachable'),
  ]),
);

/** Marks a number as not on WhatsApp (again): later messages to it go by email only. Kept as its keyed hash and sealed. */
export async function markPhoneUnreachable(db: Executor, phone: string, at: string, detail: string): Promise<void> {
  const cipher = dataCipher();
  await db
    .insertInto('whatsapp_unreachable')
    .values({ phone: cipher.lookupHash(phone), phone_sealed: cipher.seal(phone), key_id: cipher.keyId, marked_at: at, detail })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ marked_at: at, detail }))
    .execute();
}

/** Forgets the mark: a message to the number got through after all. */
export async function clearPhoneUnreachable(db: Executor, phone: string): Promise<void> {
  await db.deleteFrom('whatsapp_unreachable').where('phone', '=', dataCipher().lookupHash(phone)).execute();
}

/**
 * Claims up to `limit` messages that are due, or whose claim by another worker expired before
 * that worker started sending, for `workerId` until `leaseUntil`. Run it in a transaction: on
 * PostgreSQL the rows are locked and rows another worker is claiming are skipped, so several
 * processes share the work without waiting on each other; the update is conditional anyway.
 */
export async function claimDueMessages(
  db: Executor,
  engine: EngineCapabilities,
  opts: { workerId: string; now: string; leaseUntil: string; limit: number },
): Promise<OutboxMessageRow[]> {
  let pick = db
    .selectFrom('outbox_messages')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'waiting'), eb('next_attempt_at', '<=', opts.now)]),
        eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<=', opts.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(opts.limit);
  if (engine.skipLockedClaims) pick = pick.forUpdate().skipLocked();
  const ids = (await pick.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = await db
    .updateTable('outbox_messages')
    .set({ status: 'claimed', claimed_by: opts.workerId, lease_until: opts.leaseUntil })
    .where('id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'waiting'), eb('next_attempt_at', '<=', opts.now)]),
        eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<=', opts.now)]),
      ]),
    )
    .returningAll()
    .execute();
  return claimed.map(openMessage).sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : a.id - b.id));
}

/**
 * Messages whose worker started sending and never recorded the answer before its lease ran out
 * (the process died while the gateway had the message): whether it went out is unknown, so
 * they are given up as `outcome_unknown` rather than sent again. Returns their ids.
 */
export async function settleAbandonedSends(db: Executor, engine: EngineCapabilities, opts: { now: string }): Promise<number[]> {
  let pick = db.selectFrom('outbox_messages').select('id').where('status', '=', 'sending').where('lease_until', '<=', opts.now);
  if (engine.skipLockedClaims) pick = pick.forUpdate().skipLocked();
  const ids = (await pick.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const settled = await db
    .updateTable('outbox_messages')
    .set({ status: 'failed', failure_reason: 'outcome_unknown', claimed_by: null, lease_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('lease_until', '<=', opts.now)
    .returning('id')
    .execute();
  const settledIds = settled.map((r) => r.id);
  if (settledIds.length) {
    await db
      .updateTable('outbox_attempts')
      .set({ outcome: 'unknown', finished_at: opts.now, detail: 'the worker stopped before the answer was recorded' })
      .where('message_id', 'in', settledIds)
      .where('outcome', 'is', null)
      .execute();
  }
  return settledIds;
}

/**
 * Records that `workerId` is about to hand its claimed message to a transport: the message
 * becomes `sending` and an attempt row is opened. Returns the attempt's id and number, or null
 * when the claim is no longer this worker's (its lease ran out and another took it).
 */
export async function startAttempt(
  db: Executor,
  opts: { messageId: number; workerId: string; transport: string; at: string; leaseUntil: string },
): Promise<{ attemptId: number; number: number; tries: number } | null> {
  const row = await db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'sending', tries: eb('tries', '+', 1), lease_until: opts.leaseUntil }))
    .where('id', '=', opts.messageId)
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', opts.workerId)
    .returning('tries')
    .executeTakeFirst();
  if (!row) return null;
  const count = await db
    .selectFrom('outbox_attempts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('message_id', '=', opts.messageId)
    .executeTakeFirstOrThrow();
  const number = Number(count.n) + 1;
  const attempt = await db
    .insertInto('outbox_attempts')
    .values({ message_id: opts.messageId, number, worker: opts.workerId, transport: opts.transport, started_at: opts.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { attemptId: attempt.id, number, tries: Number(row.tries) };
}

/** Where a message goes after an attempt's answer. */
export type AttemptResult =
  | { status: 'sent' }
  | { status: 'waiting'; nextAttemptAt: string }
  | { status: 'failed'; failureReason: string };

/**
 * Completes an attempt with the transport's answer and moves the message on, in one step.
 * Returns false when the message was no longer this worker's (a slow answer, after its lease
 * ran out and the message was settled as `outcome_unknown`); the answer then replaces that
 * unknown outcome, since it is known after all.
 */
export async function finishAttempt(
  db: Executor,
  opts: { messageId: number; attemptId: number; workerId: string; at: string; outcome: string; detail: string; result: AttemptResult },
): Promise<boolean> {
  await db
    .updateTable('outbox_attempts')
    .set({ finished_at: opts.at, outcome: opts.outcome, detail: opts.detail })
    .where('id', '=', opts.attemptId)
    .execute();
  const r = opts.result;
  const set = {
    status: r.status as OutboxStatus,
    claimed_by: null,
    lease_until: null,
    last_detail: opts.detail,
    sent_at: r.status === 'sent' ? opts.at : null,
    failure_reason: r.status === 'failed' ? r.failureReason : null,
    ...(r.status === 'waiting' ? { next_attempt_at: r.nextAttemptAt } : {}),
  };
  const moved = await db
    .updateTable('outbox_messages')
    .set(set)
    .where('id', '=', opts.messageId)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', opts.workerId)
    .returning('id')
    .executeTakeFirst();
  if (moved) return true;
  // Settled as `outcome_unknown` while this worker was still waiting: now the outcome is known.
  await db
    .updateTable('outbox_messages')
    .set(set)
    .where('id', '=', opts.messageId)
    .where('status', '=', 'failed')
    .where('failure_reason', '=', 'outcome_unknown')
    .execute();
  return false;
}

/** One message by id. */
export async function findOutboxMessage(db: Executor, id: number): Promise<OutboxMessageRow | undefined> {
  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && openMessage(row);
}

/** The messages queued for one booking and dedupe key (every channel). */
export async function findOutboxMessagesByDedupeKey(db: Executor, dedupeKey: string): Promise<OutboxMessageRow[]> {
  const rows = await db.selectFrom('outbox_messages').selectAll().where('dedupe_key', '=', dedupeKey).orderBy('id').execute();
  return rows.map(openMessage);
}

/** Which statuses the admin's filter names: `waiting` covers every message not yet sent or given up on. */
export type OutboxFilter = 'waiting' | 'sent' | 'failed';

/** A message with the code of the booking it is about (null once the booking is gone). */
export type OutboxListRow = OutboxMessageRow & { booking_code: string | null };

/** An office's messages, newest first, optionally only those waiting, sent or failed. */
export async function listOfficeOutbox(db: Executor, opts: { officeId: number; status?: OutboxFilter | undefined; limit: number }): Promise<OutboxListRow[]> {
  let q = db
    .selectFrom('outbox_messages')
    .leftJoin('bookings', 'bookings.id', 'outbox_messages.booking_id')
    .selectAll('outbox_messages')
    .select('bookings.code as booking_code')
    .where('outbox_messages.office_id', '=', opts.officeId);
  if (opts.status === 'waiting') q = q.where('outbox_messages.status', 'in', ['waiting', 'claimed', 'sending']);
  else if (opts.status) q = q.where('outbox_messages.status', '=', opts.status);
  const rows = await q.orderBy('outbox_messages.created_at', 'desc').orderBy('outbox_messages.id', 'desc').limit(opts.limit).execute();
  return rows.map(openMessage);
}

/** Every attempt of the given messages, oldest first. */
export function listAttempts(db: Executor, messageIds: readonly number[]): Promise<OutboxAttemptRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('outbox_attempts').selectAll().where('message_id', 'in', messageIds).orderBy('message_id').orderBy('number').execute();
}

/**
 * Puts a sent or failed message back in line for a new round of tries, due at `at`. Returns
 * false when it is still waiting or being sent (nothing to resend yet).
 */
export async function requeueOutboxMessage(db: Executor, id: number, at: string): Promise<boolean> {
  const row = await db
    .updateTable('outbox_messages')
    .set({ status: 'waiting', tries: 0, next_attempt_at: at, failure_reason: null, claimed_by: null, lease_until: null, sent_at: null })
    .where('id', '=', id)
    .where('status', 'in', ['sent', 'failed'])
    // Its recipient and words were erased with the booking's personal data: nothing to send.
    .where('personal_data_erased_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives claimed messages this worker has not started back to the queue, due at once (a clean stop). */
export async function releaseClaims(db: Executor, workerId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_messages')
    .set({ status: 'waiting', claimed_by: null, lease_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', workerId)
    .execute();
}

/** The booking a message is about as the send step checks it: status, day, session start and latest call. */
export async function findMessageBooking(
  db: Executor,
  bookingId: number,
): Promise<{ id: number; status: BookingRow['status']; date: string; session_start: string; last_called_at: string | null } | undefined> {
  const row = await db
    .selectFrom('bookings')
    .innerJoin('sessions', 'sessions.id', 'bookings.session_id')
    .select(['bookings.id', 'bookings.status', 'bookings.date', 'sessions.start_time as session_start'])
    .select((eb) =>
      eb
        .selectFrom('booking_events')
        .select((e) => e.fn.max('booking_events.at').as('at'))
        .whereRef('booking_events.booking_id', '=', 'bookings.id')
        .where('booking_events.type', '=', 'called')
        .as('last_called_at'),
    )
    .where('bookings.id', '=', bookingId)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id), last_called_at: row.last_called_at ?? null } : undefined;
}

/** Puts a claimed message back to wait until `until` without counting a try (a reminder held through quiet hours). */
export async function holdClaim(db: Executor, opts: { messageId: number; workerId: string; until: string }): Promise<boolean> {
  const row = await db
    .updateTable('outbox_messages')
    .set({ status: 'waiting', claimed_by: null, lease_until: null, next_attempt_at: opts.until })
    .where('id', '=', opts.messageId)
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', opts.workerId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives up a claimed message without trying it, with a reason (a reminder no longer true). */
export async function dropClaim(db: Executor, opts: { messageId: number; workerId: string; reason: string; detail: string }): Promise<boolean> {
  const row = await db
    .updateTable('outbox_messages')
    .set({ status: 'failed', claimed_by: null, lease_until: null, failure_reason: opts.reason, last_detail: opts.detail })
    .where('id', '=', opts.messageId)
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', opts.workerId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
