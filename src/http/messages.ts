import type { Lang } from './i18n.js';

/** Words for every error code and field problem, in both languages. `{x}` is filled from details. */
const MESSAGES: Record<string, Record<Lang, string>> = {
  SESSION_FULL: {
    id: 'Sesi ini sudah penuh. Silakan pilih sesi atau hari lain.',
    en: 'This session is full. Please choose another session or day.',
  },
  ALREADY_BOOKED: {
    id: 'NIK ini sudah memiliki antrean aktif pada {when}. Batalkan atau pindahkan antrean itu lebih dulu.',
    en: 'This NIK already holds an active booking on {when}. Cancel or move that booking first.',
  },
  CLOSED: { id: 'Kantor tutup pada tanggal itu. Silakan pilih hari lain.', en: 'The office is closed on that date. Please choose another day.' },
  NOT_BOOKABLE: {
    id: 'Sesi ini belum atau tidak lagi dapat dipesan. Silakan pilih hari dan sesi yang tersedia.',
    en: 'This session cannot be booked now. Please choose an available day and session.',
  },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  NOT_FOUND_office: { id: 'Kantor tidak ditemukan.', en: 'Office not found.' },
  NOT_FOUND_booking: { id: 'Kode booking tidak ditemukan.', en: 'Booking code not found.' },
  NOT_FOUND_booking_for_nik: {
    id: 'Kode booking dan NIK tidak cocok. Periksa kembali keduanya.',
    en: 'The booking code and NIK do not match. Please check both.',
  },
  NOT_ACTIVE: { id: 'Antrean ini sudah tidak dapat diubah.', en: 'This booking can no longer be changed.' },
  IDEMPOTENCY_KEY_REUSED: {
    id: 'Kunci Idempotency-Key ini sudah dipakai untuk permintaan lain.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  INVALID_INPUT: { id: 'Periksa kembali isian yang ditandai.', en: 'Please check the marked fields.' },
  MALFORMED_JSON: { id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  PAYLOAD_TOO_LARGE: { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { id: 'Jenis isi permintaan tidak didukung.', en: 'Unsupported content type.' },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Silakan coba lagi sebentar lagi.',
    en: 'Too many requests. Please try again in a moment.',
  },
  ROUTE_NOT_FOUND: { id: 'Alamat tidak ditemukan.', en: 'No such address.' },
  BAD_REQUEST: { id: 'Permintaan tidak valid.', en: 'Bad request.' },
  INTERNAL: {
    id: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    en: 'Something went wrong on the server. Please try again.',
  },
  UNAVAILABLE: { id: 'Layanan sedang tidak tersedia.', en: 'The service is unavailable.' },

  // Field problems.
  REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  INVALID: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  NIK_FORMAT: { id: 'NIK harus 16 digit angka.', en: 'The NIK must be 16 digits.' },
  NIK_PROVINCE: {
    id: 'Dua digit pertama NIK bukan kode provinsi. Periksa kembali KTP Anda.',
    en: 'The first two digits of the NIK are not a province code. Please check your ID card.',
  },
  NIK_BIRTH_DATE: {
    id: 'Digit ke-7 sampai ke-12 NIK harus tanggal lahir yang benar (perempuan: tanggal + 40).',
    en: 'Digits 7 to 12 of the NIK must be a real birth date (women: day + 40).',
  },
  NIK_SERIAL: { id: 'Empat digit terakhir NIK tidak boleh 0000.', en: 'The last four digits of the NIK cannot be 0000.' },
  NAME_INVALID: { id: 'Tulis nama lengkap, 2 sampai 100 huruf.', en: 'Enter a full name of 2 to 100 letters.' },
  PHONE_INVALID: {
    id: 'Masukkan nomor HP Indonesia, misalnya 0812 3456 7890.',
    en: 'Enter an Indonesian mobile number, e.g. 0812 3456 7890.',
  },
  UNKNOWN_SERVICE: { id: 'Pilih salah satu layanan yang tersedia.', en: 'Choose one of the available services.' },
  DATE_INVALID: { id: 'Tanggal harus berformat TTTT-BB-HH, misalnya 2026-12-07.', en: 'The date must look like 2026-12-07.' },
  SESSION_INVALID: { id: 'Pilih salah satu sesi.', en: 'Choose a session.' },
  CODE_INVALID: { id: 'Kode booking terdiri dari 9 huruf dan angka.', en: 'A booking code has 9 letters and digits.' },
  NUMBER_INVALID: { id: 'Harus berupa angka yang sesuai.', en: 'Must be a suitable number.' },
  TOO_LONG: { id: 'Isian terlalu panjang.', en: 'Too long.' },
};

/** The message for a code in a language, with `{name}` placeholders filled from `vars`. */
export function message(code: string, lang: Lang, vars: Record<string, string> = {}): string {
  const template = MESSAGES[code]?.[lang] ?? MESSAGES.INVALID?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

/** Whether there are words for this code, so callers can fall back from specific to general. */
export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
