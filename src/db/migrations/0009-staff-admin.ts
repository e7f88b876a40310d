import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * The seed services' documents as the first release stored them, with their English words. An
 * installation that has not edited a service's documents gets the English list filled in;
 * edited ones are left for the admin, since a translation of other words would be wrong.
 * A frozen copy: the seed may change later, this migration must not.
 */
const SEED_DOCUMENTS: readonly (readonly [code: string, indonesian: string, english: string])[] = [
  ["KTP-BARU", "[\"Kartu Keluarga (KK)\",\"Berusia 17 tahun atau sudah/pernah menikah\"]", "[\"Family card (Kartu Keluarga, KK)\",\"Aged 17 or over, or married now or before\"]"],
  ["KTP-GANTI", "[\"Kartu Keluarga (KK)\",\"KTP-el yang rusak, atau surat keterangan kehilangan dari kepolisian\"]", "[\"Family card (KK)\",\"The damaged KTP-el, or a police report of its loss\"]"],
  ["KTP-UBAH", "[\"Kartu Keluarga (KK) terbaru\",\"KTP-el lama\",\"Dokumen pendukung perubahan data\"]", "[\"Latest family card (KK)\",\"Old KTP-el\",\"Documents supporting the change of data\"]"],
  ["KTP-AMBIL", "[\"Tanda bukti perekaman KTP-el\",\"Kartu Keluarga (KK)\"]", "[\"Proof of KTP-el recording\",\"Family card (KK)\"]"],
  ["KK", "[\"Kartu Keluarga (KK) lama\",\"Buku nikah atau akta perkawinan\",\"Formulir F-1.01 yang sudah diisi\"]", "[\"Old family card (KK)\",\"Marriage book or marriage certificate\",\"Completed form F-1.01\"]"],
  ["KIA", "[\"Kartu Keluarga (KK)\",\"Akta kelahiran anak\",\"Pas foto anak 2×3 (usia 5 tahun ke atas)\"]", "[\"Family card (KK)\",\"Child's birth certificate\",\"Child's photo 2×3 (age 5 and over)\"]"],
  ["AKTA-LAHIR", "[\"Surat keterangan lahir dari rumah sakit, puskesmas atau bidan\",\"Kartu Keluarga (KK)\",\"KTP-el kedua orang tua\",\"Buku nikah atau akta perkawinan orang tua\"]", "[\"Birth notice from the hospital, health centre or midwife\",\"Family card (KK)\",\"Both parents' KTP-el\",\"Parents' marriage book or marriage certificate\"]"],
  ["AKTA-MATI", "[\"Surat keterangan kematian\",\"Kartu Keluarga (KK)\",\"KTP-el almarhum/almarhumah\",\"KTP-el pelapor\"]", "[\"Death notice\",\"Family card (KK)\",\"The deceased's KTP-el\",\"The reporting person's KTP-el\"]"],
  ["AKTA-KAWIN", "[\"Surat keterangan perkawinan dari pemuka agama\",\"KTP-el dan Kartu Keluarga kedua mempelai\",\"Akta kelahiran kedua mempelai\",\"Pas foto berdampingan 4×6\"]", "[\"Marriage statement from the religious leader\",\"KTP-el and family card of bride and groom\",\"Birth certificates of bride and groom\",\"Photo of the couple side by side 4×6\"]"],
  ["AKTA-CERAI", "[\"Salinan putusan pengadilan yang berkekuatan hukum tetap\",\"Kutipan akta perkawinan\",\"KTP-el\",\"Kartu Keluarga (KK)\"]", "[\"Copy of the final court decision\",\"Marriage certificate extract\",\"KTP-el\",\"Family card (KK)\"]"],
  ["PINDAH", "[\"Kartu Keluarga (KK)\",\"KTP-el\",\"Alamat lengkap tujuan pindah\"]", "[\"Family card (KK)\",\"KTP-el\",\"Full address of the destination\"]"],
  ["DATANG", "[\"SKPWNI dari daerah asal\",\"KTP-el\"]", "[\"SKPWNI from the place of origin\",\"KTP-el\"]"],
  ["IKD", "[\"KTP-el\",\"Ponsel Android dengan nomor dan email aktif\"]", "[\"KTP-el\",\"Android phone with an active number and email address\"]"],
  ["LEGALISIR", "[\"Dokumen asli\",\"Fotokopi dokumen yang akan dilegalisir\",\"KTP-el pemohon\"]", "[\"Original document\",\"Photocopies of the document to legalise\",\"Applicant's KTP-el\"]"],
];

/**
 * Administration of services and staff: English documents to bring beside the Indonesian
 * ones, and a flag that sends a staff member to change their password before anything else
 * (set when an admin resets it).
 */
export async function up(db: Kysely<unknown>, _engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('services').addColumn('documents_en', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const services = db as unknown as Kysely<{ services: { code: string; documents: string; documents_en: string } }>;
  for (const [code, indonesian, english] of SEED_DOCUMENTS) {
    await services.updateTable('services').set({ documents_en: english }).where('code', '=', code).where('documents', '=', indonesian).execute();
  }
}
