import { z } from 'zod';
import type { OutboxEntry } from '../../app/notify/read-models.js';
import { maskEmail } from '../../domain/email.js';
import { maskPhone } from '../../domain/phone.js';

const AttemptSchema = z.object({
  number: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable().describe('sent, failed, not_on_whatsapp, unknown (the worker stopped mid-send), or null while waiting'),
  detail: z.string().nullable().describe('The gateway\'s or mail server\'s answer, shortened'),
  transport: z.string().describe('whatsapp-gateway, smtp, or log when nothing is configured'),
  worker: z.string(),
});

/** A message of the outbox as the admin API shows it: the recipient masked. */
export const OutboxMessageSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().describe('booked, moved, cancelled, reminder_evening, reminder_before, turn_near'),
    channel: z.enum(['whatsapp', 'email']),
    recipientMasked: z.string(),
    subject: z.string(),
    state: z.enum(['waiting', 'sent', 'failed']),
    status: z.string().describe('waiting, claimed, sending, sent or failed'),
    failureReason: z.string().nullable().describe('gave_up, not_on_whatsapp, rejected, outcome_unknown, no_longer_due, personal_data_erased (its booking\'s personal data was erased before it went)'),
    lastDetail: z.string().nullable(),
    tries: z.number().int().describe('Tries of the current round'),
    createdAt: z.string(),
    nextAttemptAt: z.string(),
    sentAt: z.string().nullable(),
    bookingCode: z.string().nullable(),
    attempts: z.array(AttemptSchema),
  })
  .meta({ id: 'OutboxMessage' });

export type PresentedOutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** A phone shown with its middle hidden, an email with all but its first letter and domain. */
export function maskRecipient(channel: OutboxEntry['channel'], recipient: string): string {
  return channel === 'whatsapp' ? maskPhone(recipient) : maskEmail(recipient);
}

/** An outbox message as it leaves the server. */
export function presentOutboxMessage(m: OutboxEntry): PresentedOutboxMessage {
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    recipientMasked: maskRecipient(m.channel, m.recipient),
    subject: m.subject,
    state: m.state,
    status: m.status,
    failureReason: m.failureReason,
    lastDetail: m.lastDetail,
    tries: m.tries,
    createdAt: m.createdAt,
    nextAttemptAt: m.nextAttemptAt,
    sentAt: m.sentAt,
    bookingCode: m.bookingCode,
    attempts: m.attempts,
  };
}
