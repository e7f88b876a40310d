import { recordAudit } from '../../../db/repositories/audit.js';
import { deleteMessageTemplate, findMessageTemplate } from '../../../db/repositories/message-templates.js';
import { DEFAULT_TEMPLATES } from '../../../domain/messages/default-templates.js';
import type { MessageKind, MessageLang } from '../../../domain/messages/message-kind.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import type { AppContext } from '../../shared/context.js';
import type { MessageTemplateView } from '../queries/list-message-templates.js';

/**
 * Gives one kind and language back its default words. Resetting a template that was never
 * edited changes nothing and records nothing; otherwise audited as `message_template.reset`.
 */
export async function resetMessageTemplate(
  ctx: AppContext,
  opts: { officeSlug: string; kind: MessageKind; lang: MessageLang; actor: AdminActor },
): Promise<MessageTemplateView> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await findMessageTemplate(trx, office.id, opts.kind, opts.lang);
    if (!before) return;
    await deleteMessageTemplate(trx, office.id, opts.kind, opts.lang);
    await recordAudit(trx, {
      at,
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'message_template.reset',
      subject: `${opts.kind}/${opts.lang}`,
      before: { body: before.body },
      after: null,
    });
  });
  const defaultBody = DEFAULT_TEMPLATES[opts.kind][opts.lang];
  return { kind: opts.kind, lang: opts.lang, body: defaultBody, edited: false, defaultBody, updatedAt: null };
}
