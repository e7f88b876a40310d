import { listServices } from '../../../db/repositories/catalogue.js';
import { SUBJECTS } from '../../../domain/messages/default-templates.js';
import type { MessageKind, MessageLang } from '../../../domain/messages/message-kind.js';
import { assertValidTemplate, renderTemplate } from '../../../domain/messages/templates.js';
import { addDays, todayIn } from '../../../domain/local-date.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import type { AppContext } from '../../shared/context.js';
import type { ComposedMessage } from '../compose-message.js';
import { messageValues } from '../message-values.js';
import { ticketLink } from '../ticket-link.js';

/** The made-up booking a preview shows: a code nobody holds, and the office's own first service. */
const SAMPLE = { name: 'Siti Rahmawati', code: 'K7MPQ4XRT', queueNumber: 'A-007', sessionStart: '08:00', sessionEnd: '09:00' } as const;

export interface PreviewMessageTemplateOptions {
  officeSlug: string;
  kind: MessageKind;
  lang: MessageLang;
  /** The words to try, as the admin typed them (not yet saved). */
  body: string;
  /** For `turn_near`: preview the message of someone called to this counter. */
  counterNumber?: number | null | undefined;
  actor: AdminActor;
}

/**
 * The message as a citizen would read it, for a sample booking at this office tomorrow at
 * 08.00–09.00 with its first service: the same checks as saving, the same filling as sending.
 */
export async function previewMessageTemplate(ctx: AppContext, opts: PreviewMessageTemplateOptions): Promise<ComposedMessage> {
  assertValidTemplate(opts.body);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const [service] = await listServices(db, office.id);
  const values = messageValues(
    {
      ...SAMPLE,
      officeName: office.name,
      officeAddress: office.address,
      timezone: office.timezone,
      serviceName: service?.name ?? '',
      serviceNameEn: service?.name_en ?? '',
      documents: service?.documents ?? '[]',
      documentsEn: service?.documents_en ?? '[]',
      date: addDays(todayIn(office.timezone, ctx.now()), 1),
    },
    { kind: opts.kind, lang: opts.lang, link: ticketLink(SAMPLE.code), counterNumber: opts.counterNumber },
  );
  return { subject: `${SUBJECTS[opts.kind][opts.lang]}: ${values.kode}`, text: renderTemplate(opts.body.replace(/\r\n?/g, '\n'), values) };
}
