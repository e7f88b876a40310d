import { findBookingById } from '../../../db/repositories/bookings.js';
import { findOfficeById } from '../../../db/repositories/offices.js';
import {
  type AttemptResult,
  claimDueMessages as claimRows,
  clearPhoneUnreachable,
  dropClaim,
  findMessageBooking,
  finishAttempt,
  holdClaim,
  insertOutboxMessages,
  markPhoneUnreachable,
  releaseClaims,
  settleAbandonedSends,
  startAttempt,
} from '../../../db/repositories/outbox.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { OutboxMessageRow } from '../../../db/schema.js';
import { type DeliveryDecision, deliveryDecision, isTimelyKind, NO_LONGER_DUE } from '../../../domain/messages/still-due.js';
import { retryDelayMs } from '../../../domain/outbox-retry.js';
import { reminderSettingsOf } from '../../office/office-settings.js';
import type { AppContext } from '../../shared/context.js';
import type { DeliveryOutcome, MessageTransports } from '../channels.js';

/*
 * Delivery guarantees. A message goes through three recorded steps, each its own commit:
 *   1. claim: `waiting` → `claimed` by one worker, with a lease (several at a time);
 *   2. start: `claimed` → `sending`, and an attempt row is opened, just before the transport call;
 *   3. finish: the transport's answer closes the attempt and moves the message to `sent`,
 *      back to `waiting` (with a backoff) or `failed`, in one transaction.
 * A worker that dies between 1 and 2 has sent nothing: once its lease runs out, the claim is
 * taken by another worker and the message is sent (nothing lost). A worker that dies between 2
 * and 3 may or may not have had its message accepted by the gateway, and gateways give no way
 * to ask; the message is then settled as failed with `outcome_unknown` and NOT sent again
 * automatically (at most once: a WhatsApp message twice confuses people more than an admin's
 * look at the outbox, where it shows and can be resent). That window is only the transport
 * call itself (10 s at most), and a clean stop waits for it, so only a crash can hit it.
 *
 * Reminders and turn messages are checked again in step 2, before every attempt (a retry can
 * come hours after the first try): one whose booking moved on is dropped as `no_longer_due`,
 * a reminder due in quiet hours waits until 06.00 (see domain/messages/still-due).
 */

/** How a worker sends: its name, the transports, how many messages it claims at once and for how long. */
export interface SendOptions {
  /** Unique per process run, e.g. host, pid and a random suffix: claims and attempts name it. */
  workerId: string;
  transports: MessageTransports;
  /** Messages claimed at once; each is started and finished one by one. */
  batchSize?: number;
  /** How long a claim stays this worker's; longer than a batch of transport calls can take. */
  leaseMs?: number;
  /** Asked between messages: true stops the pass and gives the unstarted claims back. */
  stopping?: () => boolean;
}

export const DEFAULT_BATCH_SIZE = 20;
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Answers longer than this are cut in the records. */
const DETAIL_LIMIT = 500;

/** What one pass did. */
export interface SendPassSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Messages found abandoned mid-send by a dead worker and settled as `outcome_unknown`. */
  settledUnknown: number;
  /** Reminders and turn messages given up untried as `no_longer_due`. */
  dropped: number;
  /** Reminders put back to wait for the end of quiet hours. */
  held: number;
}

/** Claims due messages for this worker (step 1), in its own transaction. */
export async function claimDueMessages(ctx: AppContext, opts: Pick<SendOptions, 'workerId' | 'batchSize' | 'leaseMs'>): Promise<OutboxMessageRow[]> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  return ctx.storage.db.transaction().execute((trx) =>
    claimRows(trx, ctx.storage.engine, { workerId: opts.workerId, now: now.toISOString(), leaseUntil, limit: opts.batchSize ?? DEFAULT_BATCH_SIZE }),
  );
}

/**
 * Sends one claimed message (steps 2 and 3) and says where it went: `lost` when the claim was
 * no longer this worker's.
 */
export async function deliverClaimedMessage(
  ctx: AppContext,
  message: OutboxMessageRow,
  opts: Pick<SendOptions, 'workerId' | 'transports' | 'leaseMs'>,
): Promise<AttemptResult['status'] | 'lost' | 'dropped' | 'held'> {
  const db = ctx.storage.db;
  const transport = opts.transports[message.channel];
  const startedAt = ctx.now();
  const started = await db.transaction().execute(async (trx) => {
    const decision = await decideDelivery(trx, message, startedAt);
    if (decision.action === 'drop') {
      const dropped = await dropClaim(trx, { messageId: message.id, workerId: opts.workerId, reason: decision.reason, detail: 'not tried: the booking is no longer where the message says' });
      return dropped ? ('dropped' as const) : null;
    }
    if (decision.action === 'hold') {
      const held = await holdClaim(trx, { messageId: message.id, workerId: opts.workerId, until: decision.until.toISOString() });
      return held ? ('held' as const) : null;
    }
    return startAttempt(trx, {
      messageId: message.id,
      workerId: opts.workerId,
      transport: transport.name,
      at: startedAt.toISOString(),
      leaseUntil: new Date(startedAt.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
    });
  });
  if (!started) return 'lost';
  if (started === 'dropped' || started === 'held') return started;

  let outcome: DeliveryOutcome;
  try {
    outcome = await transport.send({ id: message.id, recipient: message.recipient, subject: message.subject, text: message.body });
  } catch (error) {
    outcome = { ok: false, permanent: false, detail: error instanceof Error ? error.message : String(error) };
  }

  const finished = ctx.now();
  const at = finished.toISOString();
  const result = resultOf(outcome, started.tries, finished);
  const detail = outcome.detail.slice(0, DETAIL_LIMIT);
  await db.transaction().execute(async (trx) => {
    await finishAttempt(trx, {
      messageId: message.id,
      attemptId: started.attemptId,
      workerId: opts.workerId,
      at,
      outcome: outcome.ok ? 'sent' : outcome.notOnWhatsApp ? 'not_on_whatsapp' : 'failed',
      detail,
      result,
    });
    if (message.channel !== 'whatsapp') return;
    if (outcome.ok) await clearPhoneUnreachable(trx, message.recipient);
    else if (outcome.notOnWhatsApp) {
      await markPhoneUnreachable(trx, message.recipient, at, detail);
      await fallBackToEmail(trx, message, at);
    }
  });
  return result.status;
}

/** Whether a reminder or turn message still says something true now (other kinds always go). */
async function decideDelivery(trx: Executor, message: OutboxMessageRow, now: Date): Promise<DeliveryDecision> {
  if (!isTimelyKind(message.kind)) return { action: 'send' };
  const office = await findOfficeById(trx, message.office_id);
  if (!office) return { action: 'drop', reason: NO_LONGER_DUE };
  const booking = message.booking_id === null ? undefined : await findMessageBooking(trx, message.booking_id);
  return deliveryDecision(
    { kind: message.kind, dedupeKey: message.dedupe_key },
    booking ? { id: booking.id, status: booking.status, date: booking.date, sessionStart: booking.session_start, lastCalledAt: booking.last_called_at } : null,
    { zone: office.timezone, settings: reminderSettingsOf(office) },
    now,
  );
}

function resultOf(outcome: DeliveryOutcome, tries: number, now: Date): AttemptResult {
  if (outcome.ok) return { status: 'sent' };
  if (outcome.notOnWhatsApp) return { status: 'failed', failureReason: 'not_on_whatsapp' };
  if (outcome.permanent) return { status: 'failed', failureReason: 'rejected' };
  const delay = retryDelayMs(tries);
  if (delay === null) return { status: 'failed', failureReason: 'gave_up' };
  return { status: 'waiting', nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
}

/** The same message by email, when the booking has an address and it was not queued by email already. */
async function fallBackToEmail(trx: Executor, message: OutboxMessageRow, at: string): Promise<void> {
  if (message.booking_id === null) return;
  const booking = await findBookingById(trx, message.booking_id);
  if (!booking?.email) return;
  await insertOutboxMessages(trx, [
    {
      office_id: message.office_id,
      booking_id: message.booking_id,
      kind: message.kind,
      channel: 'email',
      recipient: booking.email,
      subject: message.subject,
      body: message.body,
      dedupe_key: message.dedupe_key,
      status: 'waiting',
      next_attempt_at: at,
      created_at: at,
      failure_reason: null,
      last_detail: null,
    },
  ]);
}

/**
 * One pass of the outbox: settles sends abandoned by a dead worker, claims what is due and
 * sends it. The worker loop runs it on a timer; tests run it directly on a fake clock.
 */
export async function sendDueMessages(ctx: AppContext, opts: SendOptions): Promise<SendPassSummary> {
  const now = ctx.now().toISOString();
  const settled = await ctx.storage.db.transaction().execute((trx) => settleAbandonedSends(trx, ctx.storage.engine, { now }));
  const summary: SendPassSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0, settledUnknown: settled.length, dropped: 0, held: 0 };
  const claimed = await claimDueMessages(ctx, opts);
  summary.claimed = claimed.length;
  for (let i = 0; i < claimed.length; i++) {
    if (opts.stopping?.()) {
      await releaseClaims(ctx.storage.db, opts.workerId, claimed.slice(i).map((m) => m.id));
      break;
    }
    const message = claimed[i];
    if (!message) continue;
    const status = await deliverClaimedMessage(ctx, message, opts);
    if (status === 'sent') summary.sent++;
    else if (status === 'waiting') summary.retrying++;
    else if (status === 'failed') summary.failed++;
    else if (status === 'dropped') summary.dropped++;
    else if (status === 'held') summary.held++;
  }
  return summary;
}
