import { recordAudit } from '../../../db/repositories/audit.js';
import { findMessageTemplate, upsertMessageTemplate } from '../../../db/repositories/message-templates.js';
import { DEFAULT_TEMPLATES } from '../../../domain/messages/default-templates.js';
import type { MessageKind, MessageLang } from '../../../domain/messages/message-kind.js';
import { assertValidTemplate } from '../../../domain/messages/templates.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import type { AppContext } from '../../shared/context.js';
import type { MessageTemplateView } from '../queries/list-message-templates.js';

export interface SaveMessageTemplateOptions {
  officeSlug: string;
  kind: MessageKind;
  lang: MessageLang;
  /** The new words, with placeholders such as `{kode}`. */
  body: string;
  actor: AdminActor;
}

/**
 * Saves an office's own words for one kind and language, after checking every placeholder.
 * Messages composed after the commit use them; messages already queued keep their text.
 * Audited as `message_template.update` with the words before and after.
 */
export async function saveMessageTemplate(ctx: AppContext, opts: SaveMessageTemplateOptions): Promise<MessageTemplateView> {
  const body = opts.body.replace(/\r\n?/g, '\n');
  assertValidTemplate(body);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await findMessageTemplate(trx, office.id, opts.kind, opts.lang);
    await upsertMessageTemplate(trx, { officeId: office.id, kind: opts.kind, lang: opts.lang, body, at, userId: opts.actor.userId });
    await recordAudit(trx, {
      at,
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'message_template.update',
      subject: `${opts.kind}/${opts.lang}`,
      before: before ? { body: before.body } : null,
      after: { body },
    });
  });
  return { kind: opts.kind, lang: opts.lang, body, edited: true, defaultBody: DEFAULT_TEMPLATES[opts.kind][opts.lang], updatedAt: at };
}
