import type { PriorityGroup } from '../../../domain/queue-order.js';
import type { Role } from '../../../domain/staff-role.js';

/**
 * Words of the staff pages and the waiting-room board. Indonesian only: the people at the desk,
 * the counters and in the waiting room read Indonesian, and one language keeps the screens calm.
 * Kept in one table so an office that needs English later adds a column, not a hunt.
 * Error codes come from `messages.ts`, shared with the API. `{x}` is filled from `vars`.
 */
const TEXTS = {
  appName: 'Antrean',
  staffArea: 'Petugas',
  skipToContent: 'Langsung ke isi halaman',
  loggedInAs: '{user} · {role}',
  logout: 'Keluar',
  home: 'Halaman petugas',

  // Login.
  loginTitle: 'Masuk petugas',
  loginLead: 'Masuk dengan akun yang diberikan admin kantor.',
  usernameLabel: 'Nama pengguna',
  passwordLabel: 'Kata sandi',
  loginSubmit: 'Masuk',
  loginMissing: 'Isi nama pengguna dan kata sandi.',
  loginAlready: 'Anda sudah masuk sebagai {user} ({role}).',
  loginContinue: 'Lanjut ke {page}',
  wrongRoleTitle: 'Halaman ini bukan untuk akun Anda',
  wrongRole: 'Akun {user} ({role}) tidak dapat membuka halaman ini. Keluar, lalu masuk dengan akun yang sesuai.',
  loginAsOther: 'Masuk dengan akun lain',

  // Staff home.
  homeTitle: 'Halaman petugas',
  homeLead: 'Pilih layar yang Anda perlukan.',
  homeDesk: 'Meja depan',
  homeDeskHelp: 'Check-in, walk-in, daftarkan warga, cari antrean.',
  homeCounter: 'Loket',
  homeCounterHelp: 'Panggil, layani, lewati, alihkan.',
  homeDisplay: 'Layar ruang tunggu',
  homeDisplayHelp: 'Untuk TV di ruang tunggu, layar penuh.',

  // Desk.
  deskTitle: 'Meja depan',
  navCheckIn: 'Check-in',
  navWalkIn: 'Walk-in',
  navAssisted: 'Daftarkan warga',
  navSearch: 'Cari antrean',
  scanLabel: 'Pindai QR atau ketik kode booking',
  scanHint: 'Pemindai mengirim kode sendiri. Ketik kode 9 huruf/angka lalu tekan Enter.',
  checkInSubmit: 'Check-in',
  cameraStart: 'Pindai dengan kamera',
  cameraStop: 'Tutup kamera',
  cameraFailed: 'Kamera tidak dapat dibuka. Ketik kodenya saja.',
  priorityLegend: 'Prioritas (UU 25/2009 pasal 29)',
  priorityNone: 'Tidak ada',
  checkedIn: 'Check-in berhasil: {queue}',
  checkedInHelp: '{name} · {service}. Silakan duduk dan tunggu nomornya dipanggil.',
  priorityMarked: 'Prioritas: {priority}',
  tooEarly: 'Terlalu awal untuk check-in.',
  tooLate: 'Sudah lewat jam check-in.',
  windowExplain: 'Sesi {session}. Check-in dibuka pukul {opens}–{closes} {zone}; sekarang pukul {now}.',
  overrideLabel: 'Alasan tetap check-in',
  overrideHint: 'Wajib. Tercatat atas nama Anda. Misalnya: lansia datang pagi, bus terlambat.',
  overrideSubmit: 'Tetap check-in',
  cancel: 'Batal',
  wrongDay: 'Antrean ini untuk {date}, bukan hari ini.',
  wrongDayHelp: 'Check-in hanya pada hari antreannya. Warga dapat memindah jadwal di halaman tiketnya, atau daftarkan ulang lewat Walk-in.',
  notActive: 'Antrean ini tidak dapat di-check-in: statusnya "{status}".',
  notFoundCode: 'Kode booking {code} tidak ditemukan di kantor ini.',
  codeInvalid: 'Kode booking terdiri dari 9 huruf dan angka.',
  requeued: 'Nomor {queue} dikembalikan ke antrean.',
  skippedTitle: 'Dilewati hari ini',
  skippedHelp: 'Warga yang terlewat dipanggil dapat dikembalikan ke antrean satu kali.',
  noneSkipped: 'Belum ada nomor yang dilewati hari ini.',
  requeue: 'Kembalikan ke antrean',
  requeuedOnce: 'Sudah pernah dikembalikan',
  quickSearch: 'Cari antrean',
  walkInTitle: 'Walk-in: warga datang tanpa booking',
  walkInGoesTo: 'Didaftarkan ke hari buka berikutnya:',
  walkInLead: 'Sesi paling awal yang masih ada tempat; hari ini tidak bisa. Struk dengan kode QR langsung dicetak.',
  walkInNone: 'Tidak ada hari buka dengan tempat tersisa dalam masa pemesanan.',
  walkInSubmit: 'Daftarkan & cetak struk',
  assistedTitle: 'Daftarkan atas nama warga',
  assistedLead: 'Untuk warga tanpa HP atau yang kesulitan mendaftar: pilih hari dan sesi yang diinginkan warga.',
  assistedSubmit: 'Daftarkan & cetak struk',
  slotLabel: 'Hari dan sesi',
  slotPlaceholder: '— Pilih hari dan sesi —',
  slotOption: '{time} · sisa {n}',
  slotFull: '{time} · penuh',
  nikLabel: 'NIK',
  nikHint: '16 digit, dari KTP atau Kartu Keluarga.',
  nameLabel: 'Nama lengkap',
  phoneLabel: 'Nomor HP / WhatsApp',
  phoneHint: 'Boleh nomor keluarga; untuk kabar bila jadwal berubah.',
  serviceLabel: 'Layanan',
  servicePlaceholder: '— Pilih layanan —',
  formProblems: 'Periksa isian yang ditandai.',
  searchTitle: 'Cari antrean',
  searchLabel: 'Kode booking, NIK atau nama',
  searchSubmit: 'Cari',
  searchNone: 'Tidak ada antrean yang cocok dengan “{q}”.',
  searchTooShort: 'Ketik paling sedikit 2 huruf.',
  colQueue: 'Nomor',
  colName: 'Nama',
  colWhen: 'Jadwal',
  colService: 'Layanan',
  colStatus: 'Status',
  colActions: 'Tindakan',
  checkInThis: 'Check-in',
  receiptLink: 'Struk',

  // Receipt.
  receiptTitle: 'Struk antrean {queue}',
  receiptBooked: 'Terdaftar: {queue}',
  receiptQueue: 'Nomor antrean',
  receiptArrive: 'Datang pukul {from}–{until} {zone}',
  receiptCode: 'Kode booking',
  receiptName: 'Nama',
  receiptService: 'Layanan',
  receiptBring: 'Bawa',
  receiptShowQr: 'Tunjukkan kode QR ini di meja pendaftaran.',
  receiptFree: 'Gratis. Jangan bayar siapa pun untuk nomor antrean.',
  receiptQrLabel: 'Kode QR kode booking {code}',
  print: 'Cetak struk',
  printHint: 'Kertas 58 mm. Tanpa tombol: tekan Ctrl+P.',
  backToDesk: 'Kembali ke meja depan',

  // Counter.
  counterChooseTitle: 'Pilih loket',
  counterChooseLead: 'Loket mana yang Anda layani hari ini?',
  counterTitle: 'Loket {n}',
  counterPausedBadge: 'dijeda',
  callNext: 'Panggil berikutnya',
  recall: 'Panggil ulang',
  start: 'Warga datang: mulai layani',
  skip: 'Tidak hadir (lewati)',
  finish: 'Selesai',
  transfer: 'Alihkan',
  transferLabel: 'Alihkan ke layanan lain',
  pause: 'Jeda loket',
  resume: 'Lanjutkan loket',
  counterFree: 'Loket kosong',
  counterFreeHelp: 'Tekan “Panggil berikutnya” untuk memanggil warga.',
  counterPaused: 'Loket dijeda',
  counterPausedHelp: 'Tidak ada yang dipanggil ke loket ini sampai dilanjutkan.',
  statusCalled: 'Dipanggil, menunggu warga datang ke loket',
  statusServing: 'Sedang dilayani',
  waitingCount: '{n} orang menunggu untuk loket ini',
  noneWaiting: 'Tidak ada yang menunggu untuk loket ini.',
  doneCalled: '{queue} dipanggil.',
  doneRecalled: '{queue} dipanggil ulang.',
  doneSkipped: '{queue} dilewati. Meja depan dapat mengembalikannya ke antrean sekali.',
  doneStarted: 'Mulai melayani {queue}.',
  doneFinished: '{queue} selesai.',
  doneTransferred: '{queue} dialihkan ke {service}; tetap di urutannya.',
  donePaused: 'Loket dijeda.',
  doneResumed: 'Loket dilanjutkan.',
  otherCounter: 'Ganti loket',

  // Waiting-room board.
  displayTitle: 'Layar antrean',
  displayNow: 'Nomor antrean',
  displayGoTo: 'silakan ke',
  displayCounter: 'Loket',
  displayNone: 'Belum ada panggilan',
  displayRecent: 'Panggilan sebelumnya',
  displayWaiting: 'Menunggu',
  displaySession: 'Sesi {letter} · {start}–{end} {zone}',
  displayNoSession: 'Di luar jam sesi',
  displayCounterFree: '—',
  displayCounterPaused: 'Istirahat',
  enableSound: 'Aktifkan suara',
  soundOn: 'Suara aktif',
  reconnecting: 'menyambung kembali…',


  // Office administration.
  homeOffices: 'Kantor & jadwal',
  homeOfficesHelp: 'Kantor, aturan booking, sesi per hari, tanggal khusus.',
  homeAudit: 'Log audit',
  homeAuditHelp: 'Perubahan pengaturan dan riwayat tiket.',
  adminNavOffices: 'Kantor',
  adminNavSettings: 'Pengaturan',
  adminNavSchedule: 'Jadwal mingguan',
  adminNavDays: 'Tanggal khusus',
  adminNavAudit: 'Log audit',
  officesTitle: 'Kantor',
  officesLead: 'Setiap kantor punya zona waktu, layanan, sesi, loket, hari tutup dan aturan booking sendiri.',
  officeColName: 'Kantor',
  officeColSlug: 'Alamat singkat',
  officeColZone: 'Zona',
  officeColActions: 'Atur',
  newOfficeTitle: 'Buka kantor baru',
  newOfficeLead: 'Kantor baru langsung bisa dipesan: lima sesi @40 kuota, Senin–Jumat, dengan layanan dan loket bawaan.',
  slugLabel: 'Alamat singkat (slug)',
  slugHint: 'Huruf kecil, angka dan tanda hubung; menjadi alamat /o/slug. Tidak dapat diubah.',
  officeNameLabel: 'Nama kantor',
  addressLabel: 'Alamat',
  timezoneLabel: 'Zona waktu',
  createOffice: 'Buka kantor',
  officeCreated: 'Kantor {name} dibuka.',
  settingsTitle: 'Pengaturan kantor',
  rulesLegend: 'Aturan booking',
  daysAheadLabel: 'Booking paling jauh (hari ke depan)',
  sameDayLabel: 'Boleh booking untuk hari ini',
  checkInBeforeLabel: 'Check-in dibuka (menit sebelum sesi)',
  checkInAfterLabel: 'Check-in ditutup (menit setelah sesi)',
  deskShareLabel: 'Kuota untuk meja depan (persen)',
  deskShareHint: 'Bagian tiap sesi yang tidak bisa dipesan online: untuk walk-in dan warga tanpa ponsel. Dibulatkan ke bawah.',
  save: 'Simpan',
  saved: 'Tersimpan.',
  scheduleTitle: 'Jadwal mingguan',
  scheduleLead: 'Satu baris per sesi. Isi kuota pada hari sesi itu buka; kosongkan untuk tutup. Hari tanpa sesi tutup. Perubahan berlaku untuk yang belum dipesan: tidak ada booking yang dihapus.',
  colStart: 'Mulai',
  colEnd: 'Selesai',
  addRowsHint: 'Baris kosong di bawah untuk sesi baru.',
  warningsTitle: 'Tersimpan. Beberapa sesi kini berisi lebih banyak booking daripada kuotanya:',
  daysTitle: 'Tanggal khusus',
  daysLead: 'Sesi sendiri untuk satu tanggal, menggantikan sesi hari itu (sesi tambahan menjelang Lebaran, kuota lebih sedikit saat petugas sakit). Untuk menutup kantor, gunakan hari tutup.',
  daysNone: 'Belum ada tanggal khusus.',
  dayLabel: 'Tanggal',
  dayLoad: 'Tampilkan sesi tanggal ini',
  daySessionsLegend: 'Sesi pada {date}',
  dayRemove: 'Hapus (kembali ke jadwal mingguan)',
  dayRemoved: 'Tanggal {date} kembali mengikuti jadwal mingguan.',
  auditTitle: 'Log audit',
  auditLead: 'Perubahan pengaturan dan kejadian tiket, terbaru di atas (paling banyak 500 baris).',
  auditOffice: 'Kantor',
  auditAllOffices: 'Semua kantor',
  auditFrom: 'Dari tanggal',
  auditTo: 'Sampai tanggal',
  auditUser: 'Pengguna',
  auditCode: 'Kode booking',
  auditFilter: 'Saring',
  auditColAt: 'Waktu',
  auditColWho: 'Oleh',
  auditColWhat: 'Apa',
  auditColSubject: 'Tentang',
  auditColDetail: 'Sebelum → sesudah',
  auditNone: 'Tidak ada catatan untuk saringan ini.',
  auditTicket: 'Tiket',
  auditConfig: 'Pengaturan',

  // Errors.
  errorTitle: 'Tidak dapat diproses',
  notFoundTitle: 'Tidak ditemukan',
  backHome: 'Kembali ke halaman petugas',
} as const;

/** The key of a staff text. */
export type StaffTextKey = keyof typeof TEXTS;

/** A staff text with `{name}` placeholders filled. */
export function st(key: StaffTextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', desk: 'Meja depan', counter: 'Loket', display: 'Layar ruang tunggu' };

/** A role in words. */
export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

const PRIORITY_NAMES: Record<PriorityGroup, string> = {
  elderly: 'Lansia',
  disability: 'Penyandang disabilitas',
  pregnant: 'Ibu hamil',
  child: 'Anak-anak',
};

/** A priority group in words; unknown values as they are. */
export function priorityName(group: string): string {
  return (PRIORITY_NAMES as Record<string, string>)[group] ?? group;
}

const STATUS_NAMES: Record<string, string> = {
  booked: 'Terdaftar',
  checked_in: 'Menunggu dipanggil',
  called: 'Dipanggil',
  serving: 'Dilayani',
  done: 'Selesai',
  skipped: 'Dilewati',
  cancelled: 'Dibatalkan',
  no_show: 'Tidak datang',
};

/** A ticket status in the desk's words. */
export function statusName(status: string): string {
  return STATUS_NAMES[status] ?? status;
}
