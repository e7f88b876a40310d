import { preparedQuery } from '../prepared-query.js';
import type { Executor } from './offices.js';

/** An office's edited template, as stored. */
export interface MessageTemplateRow {
  kind: string;
  lang: string;
  body: string;
  updated_at: string;
  updated_by: number | null;
}

/** The office's own words for one kind in one language, if it edited them. */
export async function findMessageTemplate(db: Executor, officeId: number, kind: string, lang: string): Promise<MessageTemplateRow | undefined> {
  return (await messageTemplate(db, { officeId, kind, lang })).rows[0];
}

const messageTemplate = preparedQuery((db, v: { officeId: number; kind: string; lang: string }) =>
  db
    .selectFrom('message_templates')
    .select(['kind', 'lang', 'body', 'updated_at', 'updated_by'])
    .where('office_id', '=', v.officeId)
    .where('kind', '=', v.kind)
    .where('lang', '=', v.lang),
);

/** Every template the office edited. */
export function listMessageTemplates(db: Executor, officeId: number): Promise<MessageTemplateRow[]> {
  return db
    .selectFrom('message_templates')
    .select(['kind', 'lang', 'body', 'updated_at', 'updated_by'])
    .where('office_id', '=', officeId)
    .orderBy('kind')
    .orderBy('lang')
    .execute();
}

/** Saves the office's words for one kind and language, replacing earlier ones. */
export async function upsertMessageTemplate(
  db: Executor,
  row: { officeId: number; kind: string; lang: string; body: string; at: string; userId: number | null },
): Promise<void> {
  await db
    .insertInto('message_templates')
    .values({ office_id: row.officeId, kind: row.kind, lang: row.lang, body: row.body, updated_at: row.at, updated_by: row.userId })
    .onConflict((oc) => oc.columns(['office_id', 'kind', 'lang']).doUpdateSet({ body: row.body, updated_at: row.at, updated_by: row.userId }))
    .execute();
}

/** Forgets the office's words for one kind and language, so the default is sent again; whether there were any. */
export async function deleteMessageTemplate(db: Executor, officeId: number, kind: string, lang: string): Promise<boolean> {
  const result = await db
    .deleteFrom('message_templates')
    .where('office_id', '=', officeId)
    .where('kind', '=', kind)
    .where('lang', '=', lang)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
