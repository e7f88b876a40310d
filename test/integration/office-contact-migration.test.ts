import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/database.js';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.js';
import { DIALECTS } from '../support/dialects.js';

describe.each(DIALECTS)('migration 0013 (office contact, service conditions) on $name', (dialect) => {
  it('moves "aged 17 or married" from the seed documents to the condition, and leaves edited lists alone', async () => {
    const database = await dialect.freshDatabase({ crossProcess: true, empty: true });
    const storage = openStorage(database.url);
    try {
      await migrateUpTo(storage, '0009-staff-admin');
      const db = storage.db;
      const at = '2026-11-30T00:00:00.000Z';
      const office = (slug: string) =>
        db
          .insertInto('offices')
          .values({ slug, name: slug, timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,2,3,4,5', same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
      const seed = await office('seed');
      const edited = await office('edited');
      const ktp = (officeId: number, documents: string, documentsEn: string) =>
        db.insertInto('services').values({ office_id: officeId, code: 'KTP-BARU', name: 'KTP', name_en: 'KTP', documents, documents_en: documentsEn, needs_presence: 1, active: 1, sort_order: 0 }).execute();
      await ktp(seed.id, '["Kartu Keluarga (KK)","Berusia 17 tahun atau sudah/pernah menikah"]', '["Family card (Kartu Keluarga, KK)","Aged 17 or over, or married now or before"]');
      await ktp(edited.id, '["Kartu Keluarga (KK)","Berusia 17 tahun atau sudah/pernah menikah","Surat pengantar RT"]', '[]');

      await migrateToLatest(storage);

      const rows = await db.selectFrom('services').select(['office_id', 'documents', 'documents_en', 'eligibility', 'eligibility_en']).orderBy('office_id').execute();
      expect(rows).toEqual([
        {
          office_id: seed.id,
          documents: '["Kartu Keluarga (KK)"]',
          documents_en: '["Family card (Kartu Keluarga, KK)"]',
          eligibility: 'Berusia 17 tahun atau lebih, atau sudah/pernah menikah.',
          eligibility_en: 'For people aged 17 or over, or married now or before.',
        },
        { office_id: edited.id, documents: '["Kartu Keluarga (KK)","Berusia 17 tahun atau sudah/pernah menikah","Surat pengantar RT"]', documents_en: '[]', eligibility: '', eligibility_en: '' },
      ]);
      const contact = await db.selectFrom('offices').select(['contact_phone', 'contact_email', 'logo']).where('id', '=', seed.id).executeTakeFirstOrThrow();
      expect(contact).toEqual({ contact_phone: '', contact_email: '', logo: '' });
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
