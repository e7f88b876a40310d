import type { Lang } from './i18n.js';

/** Words for every error code and field problem, in both languages. `{x}` is filled from details. */
const MESSAGES: Record<string, Record<Lang, string>> = {
  SESSION_FULL: {
    id: 'Sesi ini sudah penuh. Silakan pilih sesi atau hari lain.',
    en: 'This session is full. Please choose another session or day.',
  },
  ALREADY_BOOKED: {
    id: 'NIK ini sudah memiliki antrean aktif. Kode bookingnya ditampilkan kepada pemiliknya saat mendaftar: buka tiket dengan kode itu untuk memindahkan atau membatalkannya. Jika kodenya hilang, tanyakan ke loket dengan membawa KTP.',
    en: 'This NIK already holds an active booking. Its booking code was shown to its owner when it was made: open the ticket with that code to move or cancel it. If the code is lost, ask at the desk (loket) with your ID card.',
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
  OWNER_CHECK_LOCKED: {
    id: 'Terlalu banyak NIK salah untuk kode booking ini, jadi pembatalan dan pemindahan lewat internet dikunci. Datanglah ke loket dengan KTP Anda.',
    en: 'Too many wrong NIKs were tried for this booking code, so cancelling and moving online are locked. Please come to the desk (loket) with your ID card.',
  },
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
  DATABASE_UNAVAILABLE: {
    id: 'Layanan sedang tidak tersedia sebentar. Silakan coba lagi dalam beberapa detik.',
    en: 'The service is briefly unavailable. Please try again in a few seconds.',
  },
  TOO_MANY_STREAMS: {
    id: 'Terlalu banyak sambungan langsung yang terbuka. Halaman tetap diperbarui secara berkala.',
    en: 'Too many live connections are open. The page still refreshes from time to time.',
  },
  UNAUTHENTICATED: { id: 'Silakan masuk (login) lebih dulu.', en: 'Please log in first.' },
  FORBIDDEN: { id: 'Akun Anda tidak berwenang untuk ini.', en: 'Your account is not allowed to do this.' },
  CSRF: {
    id: 'Formulir kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman dan coba lagi.',
    en: 'The form has expired or did not come from this page. Reload the page and try again.',
  },
  CROSS_SITE_LOGIN: {
    id: 'Permintaan masuk ini dikirim dari situs lain, jadi ditolak. Buka halaman masuk Antrean secara langsung, lalu coba lagi.',
    en: 'This login request came from another site, so it was refused. Open the Antrean login page directly and try again.',
  },
  INVALID_CREDENTIALS: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed login attempts. Try again in {minutes} minutes.',
  },
  USERNAME_TAKEN: { id: 'Nama pengguna ini sudah dipakai.', en: 'This username is already taken.' },
  LAST_ADMIN: {
    id: 'Ini admin aktif terakhir; tambahkan admin lain sebelum menonaktifkannya.',
    en: 'This is the last active admin; add another admin before disabling it.',
  },
  NOT_FOUND_user: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },

  WRONG_DAY: {
    id: 'Antrean ini untuk {date}, bukan hari ini. Check-in hanya pada hari antreannya.',
    en: 'This booking is for {date}, not today. Check-in is only possible on the booking day.',
  },
  CHECK_IN_WINDOW: {
    id: 'Di luar jam check-in ({opensAt}–{closesAt}). Isi alasan untuk tetap melakukan check-in.',
    en: 'Outside the check-in window ({opensAt}–{closesAt}). State a reason to check in anyway.',
  },
  NO_OPEN_DAY: { id: 'Tidak ada hari buka dengan tempat tersisa dalam masa pemesanan.', en: 'No open day with places left in the booking window.' },
  NO_CURRENT_TICKET: { id: 'Loket ini belum memanggil siapa pun.', en: 'This counter has not called anyone.' },
  COUNTER_PAUSED: { id: 'Loket sedang dijeda. Lanjutkan loket dulu.', en: 'This counter is paused. Resume it first.' },
  COUNTER_BUSY: {
    id: 'Loket ini masih menangani nomor {queueNumber}. Selesaikan atau lewati dulu.',
    en: 'This counter still holds number {queueNumber}. Finish or skip it first.',
  },
  REQUEUE_LIMIT: { id: 'Nomor ini sudah pernah dikembalikan ke antrean.', en: 'This number was already put back in line once.' },
  INVALID_TRANSITION: { id: 'Tindakan ini tidak berlaku untuk status antrean saat ini.', en: 'This action does not apply to the ticket as it stands.' },
  OTHER_OFFICE: { id: 'Akun Anda tidak terdaftar di kantor ini.', en: 'Your account does not belong to this office.' },
  NOT_FOUND_counter: { id: 'Loket tidak ditemukan.', en: 'Counter not found.' },

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
  DATE_OUT_OF_RANGE: { id: 'Tanggal di luar rentang yang dilayani.', en: 'The date is outside the range served.' },
  TEXT_INVALID: { id: 'Isian memuat karakter yang tidak diperbolehkan.', en: 'The value contains characters that are not allowed.' },
  DATE_INVALID: { id: 'Tanggal harus berformat TTTT-BB-HH, misalnya 2026-12-07.', en: 'The date must look like 2026-12-07.' },
  SESSION_INVALID: { id: 'Pilih salah satu sesi.', en: 'Choose a session.' },
  CODE_INVALID: { id: 'Kode booking terdiri dari 9 huruf dan angka.', en: 'A booking code has 9 letters and digits.' },
  NUMBER_INVALID: { id: 'Harus berupa angka yang sesuai.', en: 'Must be a suitable number.' },
  TOO_LONG: { id: 'Isian terlalu panjang.', en: 'Too long.' },
  USERNAME_INVALID: {
    id: 'Nama pengguna 3 sampai 32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    en: 'A username has 3 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.',
  },
  PASSWORD_TOO_SHORT: { id: 'Kata sandi minimal 10 karakter.', en: 'A password needs at least 10 characters.' },
  ROLE_INVALID: { id: 'Peran harus admin, desk, counter atau display.', en: 'The role must be admin, desk, counter or display.' },
  // Office administration.
  SLUG_TAKEN: { id: 'Alamat singkat (slug) {slug} sudah dipakai kantor lain.', en: 'The short address (slug) {slug} is already used by another office.' },
  SLUG_INVALID: {
    id: 'Alamat singkat 2 sampai 64 karakter: huruf kecil dan angka, dipisah tanda hubung, misalnya kab-bogor.',
    en: 'A short address has 2 to 64 characters: lower-case letters and digits joined by hyphens, e.g. kab-bogor.',
  },
  TIMEZONE_INVALID: { id: 'Zona waktu tidak dikenal. Gunakan nama IANA, misalnya Asia/Makassar.', en: 'Unknown time zone. Use an IANA name such as Asia/Makassar.' },
  TIMEZONE_NOT_SERVED: {
    id: 'Kantor harus berada di zona waktu Indonesia: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).',
    en: 'An office must be in an Indonesian time zone: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).',
  },
  NUMBER_RANGE: { id: 'Angka di luar rentang yang diizinkan.', en: 'The number is outside the allowed range.' },
  TIME_INVALID: { id: 'Jam harus berformat JJ:MM, misalnya 08:00.', en: 'A time must look like 08:00.' },
  END_BEFORE_START: { id: 'Jam selesai harus setelah jam mulai.', en: 'The end must come after the start.' },
  SESSIONS_OVERLAP: { id: 'Sesi ini bertumpuk dengan sesi lain pada hari yang sama.', en: 'This session overlaps another one on the same day.' },
  CAPACITY_RANGE: { id: 'Kuota harus bilangan bulat 0 sampai 10.000.', en: 'Places must be a whole number from 0 to 10,000.' },
  WEEKDAY_INVALID: { id: 'Hari harus angka 1 (Senin) sampai 7 (Minggu).', en: 'The weekday must be 1 (Monday) to 7 (Sunday).' },
  WEEKDAY_DUPLICATE: { id: 'Hari ini disebut dua kali.', en: 'This weekday is given twice.' },
  TOO_MANY_SESSIONS: { id: 'Terlalu banyak sesi: paling banyak 12 per hari dan 26 huruf antrean per kantor.', en: 'Too many sessions: at most 12 a day and 26 queue letters per office.' },
  SESSIONS_REQUIRED: {
    id: 'Isi minimal satu sesi. Untuk menutup kantor pada tanggal itu, gunakan hari tutup.',
    en: 'Give at least one session. To close the office on that date, add a closed day.',
  },
  DATE_PAST: { id: 'Tanggal ini sudah lewat.', en: 'This date is in the past.' },
  NOT_FOUND_day: { id: 'Tanggal ini tidak memiliki sesi khusus.', en: 'This date has no sessions of its own.' },
  OVER_NEW_LIMIT: {
    id: '{date} {start}–{end}: {booked} terpesan, batas baru {capacity}: tidak ada yang dihapus.',
    en: '{date} {start}–{end}: {booked} booked, new limit {capacity}: nobody is removed.',
  },
  SESSION_DROPPED: {
    id: '{date} {start}–{end}: sesi tidak dibuka lagi, {booked} terpesan tetap berlaku: tidak ada yang dihapus.',
    en: '{date} {start}–{end}: the session no longer opens; its {booked} bookings stand: nobody is removed.',
  },
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
