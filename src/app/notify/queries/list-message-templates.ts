import { listMessageTemplates as listEdited } from '../../../db/repositories/message-templates.js';
import { DEFAULT_TEMPLATES } from '../../../domain/messages/default-templates.js';
import { MESSAGE_KINDS, MESSAGE_LANGS, type MessageKind, type MessageLang } from '../../../domain/messages/message-kind.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import type { AppContext } from '../../shared/context.js';

/** One message kind in one language as the office sends it. */
export interface MessageTemplateView {
  kind: MessageKind;
  lang: MessageLang;
  /** The words sent: the office's own, or the default. */
  body: string;
  /** Whether the office edited them. */
  edited: boolean;
  /** The default words, to compare with or go back to. */
  defaultBody: string;
  /** When the office last edited them; null for the default. */
  updatedAt: string | null;
}

/** Every kind in every language, edited or default, for an admin who manages the office. */
export async function listMessageTemplates(ctx: AppContext, opts: { officeSlug: string; actor: AdminActor }): Promise<MessageTemplateView[]> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const edited = await listEdited(ctx.storage.db, office.id);
  const views: MessageTemplateView[] = [];
  for (const kind of MESSAGE_KINDS) {
    for (const lang of MESSAGE_LANGS) {
      const own = edited.find((e) => e.kind === kind && e.lang === lang);
      const defaultBody = DEFAULT_TEMPLATES[kind][lang];
      views.push({ kind, lang, body: own?.body ?? defaultBody, edited: own !== undefined, defaultBody, updatedAt: own?.updated_at ?? null });
    }
  }
  return views;
}
