import { listAttempts, listOfficeOutbox, type OutboxFilter } from '../../../db/repositories/outbox.js';
import type { AppContext } from '../../shared/context.js';
import { requireManagedOffice, type AdminActor } from '../../shared/admin-scope.js';
import type { OutboxEntry, OutboxState } from '../read-models.js';

export interface ListOutboxOptions {
  officeSlug: string;
  /** Only messages waiting (or being sent), sent, or failed. */
  status?: OutboxFilter | undefined;
  /** Newest first, at most this many (200 by default). */
  limit?: number | undefined;
  actor: AdminActor;
}

/** An office's outbox, newest first, each message with its attempts. */
export async function listOutbox(ctx: AppContext, opts: ListOutboxOptions): Promise<{ office: { slug: string; name: string; timezone: string }; messages: OutboxEntry[] }> {
  const db = ctx.storage.db;
  const office = await requireManagedOffice(db, opts.officeSlug, opts.actor);
  const rows = await listOfficeOutbox(db, { officeId: office.id, status: opts.status, limit: opts.limit ?? 200 });
  const attempts = await listAttempts(
    db,
    rows.map((r) => r.id),
  );
  const messages = rows.map(
    (r): OutboxEntry => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      recipient: r.recipient,
      subject: r.subject,
      status: r.status,
      state: stateOf(r.status),
      failureReason: r.failure_reason,
      lastDetail: r.last_detail,
      tries: Number(r.tries),
      createdAt: r.created_at,
      nextAttemptAt: r.next_attempt_at,
      sentAt: r.sent_at,
      bookingCode: r.booking_code,
      attempts: attempts
        .filter((a) => a.message_id === r.id)
        .map((a) => ({
          number: Number(a.number),
          startedAt: a.started_at,
          finishedAt: a.finished_at,
          outcome: a.outcome,
          detail: a.detail,
          transport: a.transport,
          worker: a.worker,
        })),
    }),
  );
  return { office: { slug: office.slug, name: office.name, timezone: office.timezone }, messages };
}

function stateOf(status: string): OutboxState {
  if (status === 'sent') return 'sent';
  if (status === 'failed') return 'failed';
  return 'waiting';
}
