import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/** The seed's KTP-BARU documents as 0009 left them: a condition listed as a document. */
const OLD_DOCUMENTS = '["Kartu Keluarga (KK)","Berusia 17 tahun atau sudah/pernah menikah"]';
const OLD_DOCUMENTS_EN = '["Family card (Kartu Keluarga, KK)","Aged 17 or over, or married now or before"]';

/**
 * What the home page shows of an office: its contact (phone, email) and its logo, uploaded as
 * a small image and served from this server. Services get a note of who may use them (a
 * condition, not a document): the seed's "aged 17 or married" moves there from the documents,
 * where an installation has not edited them. A frozen copy of the seed words: the seed may change.
 */
export async function up(db: Kysely<unknown>, _engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('offices').addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('offices').addColumn('contact_email', 'text', (c) => c.notNull().defaultTo('')).execute();
  // A data URL (`data:image/png;base64,…`); empty for none.
  await db.schema.alterTable('offices').addColumn('logo', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('services').addColumn('eligibility', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('services').addColumn('eligibility_en', 'text', (c) => c.notNull().defaultTo('')).execute();
  const services = db as unknown as Kysely<{
    services: { code: string; documents: string; documents_en: string; eligibility: string; eligibility_en: string };
  }>;
  await services
    .updateTable('services')
    .set({
      documents: '["Kartu Keluarga (KK)"]',
      documents_en: '["Family card (Kartu Keluarga, KK)"]',
      eligibility: 'Berusia 17 tahun atau lebih, atau sudah/pernah menikah.',
      eligibility_en: 'For people aged 17 or over, or married now or before.',
    })
    .where('code', '=', 'KTP-BARU')
    .where('documents', '=', OLD_DOCUMENTS)
    .where('documents_en', '=', OLD_DOCUMENTS_EN)
    .execute();
}
