import type { ChannelName } from './channels.js';

/** Where a message stands, as the admin reads it: `waiting` covers claimed and being sent too. */
export type OutboxState = 'waiting' | 'sent' | 'failed';

/** One try to send a message and its answer. */
export interface OutboxAttemptView {
  number: number;
  startedAt: string;
  finishedAt: string | null;
  /** `sent`, `failed`, `not_on_whatsapp`, `unknown`, or null while waiting for the answer. */
  outcome: string | null;
  detail: string | null;
  transport: string;
  worker: string;
}

/** A message of an office's outbox with its attempts; the recipient is whole here, presenters mask it. */
export interface OutboxEntry {
  id: number;
  kind: string;
  channel: ChannelName;
  recipient: string;
  subject: string;
  /** The stored status: waiting, claimed, sending, sent or failed. */
  status: string;
  state: OutboxState;
  /** Why it was given up: `gave_up`, `not_on_whatsapp`, `rejected`, `outcome_unknown`, `no_longer_due`. */
  failureReason: string | null;
  lastDetail: string | null;
  tries: number;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  bookingCode: string | null;
  attempts: OutboxAttemptView[];
}
