import { recordAudit } from '../../../db/repositories/audit.js';
import { findOutboxMessage, requeueOutboxMessage } from '../../../db/repositories/outbox.js';
import { DomainError } from '../../../domain/errors.js';
import { type AdminActor, auditOf, requireManagedOffice } from '../../shared/admin-scope.js';
import type { AppContext } from '../../shared/context.js';

export interface ResendMessageOptions {
  officeSlug: string;
  messageId: number;
  actor: AdminActor;
}

/**
 * Puts a sent or failed message of the office back in the outbox for a new round of tries, due
 * now, and records who asked. One still waiting or being sent is refused (MESSAGE_IN_PROGRESS):
 * it is on its way already. A WhatsApp number marked as not on WhatsApp is tried all the same,
 * and unmarked when the gateway takes the message.
 */
export async function resendMessage(ctx: AppContext, opts: ResendMessageOptions): Promise<void> {
  const db = ctx.storage.db;
  const office = await requireManagedOffice(db, opts.officeSlug, opts.actor);
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const message = await findOutboxMessage(trx, opts.messageId);
    // A message erased with its booking's personal data has no recipient or words left to send.
    if (!message || message.office_id !== office.id || message.personal_data_erased_at) throw new DomainError('NOT_FOUND', { what: 'message' });
    if (!(await requeueOutboxMessage(trx, message.id, at))) throw new DomainError('MESSAGE_IN_PROGRESS', { status: message.status });
    await recordAudit(
      trx,
      auditOf(opts.actor, at, {
        officeId: office.id,
        action: 'message.resend',
        subject: String(message.id),
        before: { status: message.status, failureReason: message.failure_reason, channel: message.channel, kind: message.kind },
        after: { status: 'waiting' },
      }),
    );
  });
}
