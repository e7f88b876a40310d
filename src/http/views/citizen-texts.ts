import type { Lang } from '../i18n.js';

/**
 * Words of the citizen pages, Indonesian first. Error codes and field problems are not here:
 * they come from `messages.ts`, shared with the API. `{x}` is filled from `vars`.
 */
const TEXTS = {
  appName: { id: 'Antrean', en: 'Antrean' },
  skipToContent: { id: 'Langsung ke isi halaman', en: 'Skip to content' },
  switchLanguage: { id: 'English', en: 'Bahasa Indonesia' },
  footer: {
    id: 'Layanan antrean daring resmi kantor. Gratis: jangan bayar siapa pun untuk nomor antrean.',
    en: "The office's official online queue. Free of charge: never pay anyone for a queue number.",
  },

  // Home.
  homeTitle: { id: 'Ambil nomor antrean dari rumah', en: 'Book your queue number from home' },
  homeLead: {
    id: 'Pilih hari dan jam datang. Gratis, dan tidak perlu antre sejak subuh.',
    en: 'Choose the day and hour you come. Free, and no more queueing at dawn.',
  },
  homeBookAt: { id: 'Ambil antrean di {office}', en: 'Book at {office}' },
  homeChooseOffice: { id: 'Pilih kantor', en: 'Choose an office' },
  homeSteps: {
    id: 'Isi NIK, nama dan nomor WhatsApp, pilih layanan, lalu tekan jam yang Anda mau. Nomor antrean langsung jadi.',
    en: 'Enter your NIK, name and WhatsApp number, choose a service, then press the hour you want. Your number is ready at once.',
  },
  homeHaveCode: { id: 'Sudah punya kode booking?', en: 'Already have a booking code?' },
  homeHaveCodeHelp: {
    id: 'Lihat tiket, pindah jadwal, atau batalkan antrean.',
    en: 'See your ticket, move it to another time, or cancel it.',
  },

  // Lookup.
  lookupTitle: { id: 'Cek antrean', en: 'Find your booking' },
  codeLabel: { id: 'Kode booking', en: 'Booking code' },
  codeHint: { id: '9 huruf dan angka, misalnya K7M-PQ4-XRT.', en: '9 letters and digits, for example K7M-PQ4-XRT.' },
  lookupSubmit: { id: 'Cek antrean', en: 'Find booking' },

  // Booking form.
  bookTitle: { id: 'Ambil antrean', en: 'Book a queue number' },
  bookLead: {
    id: 'Tiga langkah, kurang dari satu menit. Semua isian wajib.',
    en: 'Three steps, under a minute. Every field is required.',
  },
  stepIdentity: { id: 'Data diri', en: 'About you' },
  stepService: { id: 'Layanan', en: 'Service' },
  stepSlot: { id: 'Hari dan jam datang', en: 'Day and time' },
  nikLabel: { id: 'NIK', en: 'NIK (national ID number)' },
  nikHint: { id: '16 digit, ada di KTP atau Kartu Keluarga.', en: '16 digits, on your KTP or family card.' },
  nameLabel: { id: 'Nama lengkap', en: 'Full name' },
  nameHint: { id: 'Sesuai KTP.', en: 'As on your ID card.' },
  phoneLabel: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  phoneHint: { id: 'Nomor HP, misalnya 0812 3456 7890.', en: 'A mobile number, e.g. 0812 3456 7890.' },
  serviceLabel: { id: 'Layanan yang Anda perlukan', en: 'The service you need' },
  servicePlaceholder: { id: '— Pilih layanan —', en: '— Choose a service —' },
  privacyTitle: { id: 'Data pribadi Anda', en: 'Your personal data' },
  privacyWhat: {
    id: '{office} mencatat NIK, nama dan nomor WhatsApp Anda hanya untuk antrean ini: memastikan satu NIK satu antrean, memanggil Anda di loket, dan mengabari Anda bila jadwal berubah (misalnya kantor tutup mendadak).',
    en: '{office} records your NIK, name and WhatsApp number only for this booking: to keep one booking per NIK, to call you at the counter, and to tell you if your time changes (for example if the office must close).',
  },
  privacyKeep: {
    id: 'Data disimpan sampai 30 hari setelah tanggal kedatangan, lalu dihapus. Data tidak dibagikan kepada pihak lain. Untuk melihat atau menghapus data Anda lebih awal, hubungi kantor.',
    en: 'It is kept until 30 days after your appointment date, then deleted. It is not shared with anyone else. To see or delete your data sooner, contact the office.',
  },
  privacyLaw: {
    id: 'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
    en: 'Under Law No. 27 of 2022 on Personal Data Protection.',
  },
  slotHelp: {
    id: 'Pilih hari, lalu tekan jam yang Anda mau. Menekan jam langsung memesan antrean.',
    en: 'Choose a day, then press the time you want. Pressing a time books it at once.',
  },
  moveSlotHelp: {
    id: 'Pilih hari, lalu tekan jam baru. Menekan jam langsung memindahkan antrean. Jika jam baru ternyata penuh, jadwal lama tetap berlaku.',
    en: 'Choose a day, then press the new time. Pressing a time moves your booking at once. If the new time turns out full, your old one stays.',
  },
  timesIn: { id: 'Semua jam dalam {zone}.', en: 'All times are {zone}.' },
  placesLeft: { id: 'Sisa {n} tempat', en: '{n} places left' },
  placesLeftShort: { id: 'Sisa {n}', en: '{n} left' },
  full: { id: 'Penuh', en: 'Full' },
  unavailable: { id: 'Tidak tersedia', en: 'Not available' },
  currentSlot: { id: 'Jadwal Anda', en: 'Your time' },
  dayFullOffer: {
    id: 'Hari tersebut sudah penuh. Hari terdekat yang masih ada tempat:',
    en: 'This day is full. The next day with places:',
  },
  noDayWithPlaces: {
    id: 'Semua hari yang bisa dipesan sudah penuh. Kuota baru dibuka setiap hari; silakan coba lagi besok.',
    en: 'Every bookable day is full. New days open every day; please try again tomorrow.',
  },
  noDays: { id: 'Belum ada hari yang bisa dipesan.', en: 'No day can be booked yet.' },
  booking: { id: 'Memesan…', en: 'Booking…' },
  errorSummary: { id: 'Periksa kembali isian yang ditandai:', en: 'Please check the marked fields:' },
  formUsed: {
    id: 'Formulir ini sudah dipakai untuk memesan. Periksa tiket Anda, atau pilih jam lagi di formulir baru ini.',
    en: 'This form was already used to book. Check your ticket, or choose a time again on this fresh form.',
  },
  findExisting: { id: 'Cek antrean saya', en: 'Find my booking' },

  // Ticket.
  ticketTitle: { id: 'Tiket antrean', en: 'Queue ticket' },
  bookedNotice: {
    id: 'Antrean Anda sudah terdaftar. Simpan halaman ini atau catat kodenya.',
    en: 'Your booking is confirmed. Keep this page or note the code.',
  },
  movedNotice: { id: 'Jadwal antrean sudah dipindahkan.', en: 'Your booking has been moved.' },
  closureMovedNotice: {
    id: 'Jadwal Anda dipindahkan karena kantor tutup: {reason}',
    en: 'Your booking was moved because the office is closed: {reason}',
  },
  closureMovedDetail: {
    id: 'Kantor tutup pada {closed}. Jadwal baru Anda: {when}. Jika tidak bisa datang, pindahkan atau batalkan di bawah.',
    en: 'The office is closed on {closed}. Your new time: {when}. If you cannot come, move or cancel it below.',
  },
  closureCancelledNotice: {
    id: 'Antrean ini dibatalkan karena kantor tutup: {reason}',
    en: 'This booking was cancelled because the office is closed: {reason}',
  },
  closureCancelledDetail: {
    id: 'Kantor tutup pada {closed} dan tidak ada hari lain yang masih kosong. Silakan daftar lagi.',
    en: 'The office is closed on {closed} and no other day had a free place. Please book again.',
  },
  cancelledNotice: { id: 'Antrean ini sudah dibatalkan. Tempatnya kini bisa dipakai orang lain.', en: 'This booking is cancelled. Its place is free for someone else.' },
  queueNumber: { id: 'Nomor antrean', en: 'Queue number' },
  bookingCode: { id: 'Kode booking', en: 'Booking code' },
  qrLabel: { id: 'Kode QR kode booking {code}', en: 'QR code of booking code {code}' },
  qrHelp: { id: 'Tunjukkan kode QR ini di meja pendaftaran.', en: 'Show this QR code at the front desk.' },
  status: { id: 'Status', en: 'Status' },
  name: { id: 'Nama', en: 'Name' },
  nik: { id: 'NIK', en: 'NIK' },
  service: { id: 'Layanan', en: 'Service' },
  when: { id: 'Jadwal', en: 'Time' },
  arrive: { id: 'Datang', en: 'Arrive' },
  arriveText: {
    id: 'Mulai pukul {from} {zone}. Lapor di meja pendaftaran paling lambat pukul {until} {zone}.',
    en: 'From {from} {zone}. Check in at the front desk by {until} {zone} at the latest.',
  },
  address: { id: 'Alamat', en: 'Address' },
  documents: { id: 'Dokumen yang dibawa', en: 'Documents to bring' },
  priority: {
    id: 'Penyandang disabilitas, lansia, ibu hamil dan anak-anak didahulukan: sampaikan kepada petugas saat datang.',
    en: 'People with disabilities, the elderly, pregnant women and children are served first: tell the staff when you arrive.',
  },
  addToCalendar: { id: 'Tambah ke kalender', en: 'Add to calendar' },
  print: { id: 'Simpan atau cetak', en: 'Save or print' },
  shareWhatsApp: { id: 'Bagikan ke WhatsApp', en: 'Share on WhatsApp' },
  saveHint: {
    id: 'Tidak bisa mencetak? Ambil tangkapan layar halaman ini.',
    en: 'Cannot print? Take a screenshot of this page.',
  },
  phone: { id: 'WhatsApp', en: 'WhatsApp' },
  detailsTitle: { id: 'Data pemesan', en: "Booker's details" },
  detailsHelp: {
    id: 'Kode booking bisa dilihat orang lain, jadi nama hanya tampil sebagai inisial dan nomor WhatsApp disembunyikan. Masukkan NIK Anda untuk melihatnya.',
    en: 'Others may see a booking code, so the name shows as initials only and the WhatsApp number is hidden. Enter your NIK to see them.',
  },
  detailsSubmit: { id: 'Tampilkan data saya', en: 'Show my details' },
  changeTitle: { id: 'Tidak bisa datang?', en: "Can't make it?" },
  changeHelp: {
    id: 'Pindahkan atau batalkan antrean supaya tempatnya bisa dipakai orang lain.',
    en: 'Move or cancel your booking so that someone else can use the place.',
  },
  moveLink: { id: 'Pindah jadwal', en: 'Move to another time' },
  cancelLink: { id: 'Batalkan antrean', en: 'Cancel booking' },
  bookAgain: { id: 'Ambil antrean baru', en: 'Book again' },
  shareText: {
    id: 'Antrean {office}\nNomor {queue}, kode booking {code}\n{when}\nLayanan: {service}\n{url}',
    en: 'Queue at {office}\nNumber {queue}, booking code {code}\n{when}\nService: {service}\n{url}',
  },
  calendarSummary: { id: 'Antrean {queue} {office}', en: 'Queue {queue} at {office}' },
  calendarDescription: {
    id: 'Kode booking {code}. Layanan: {service}.\nDatang mulai {from}, lapor paling lambat {until}.\nBawa: {documents}.\nTiket: {url}',
    en: 'Booking code {code}. Service: {service}.\nArrive from {from}, check in by {until}.\nBring: {documents}.\nTicket: {url}',
  },

  // Cancel and move.
  cancelTitle: { id: 'Batalkan antrean', en: 'Cancel booking' },
  cancelLead: {
    id: 'Tempat Anda akan dilepas dan bisa dipesan orang lain. Pembatalan tidak bisa diurungkan.',
    en: 'Your place will be released for someone else. A cancellation cannot be undone.',
  },
  ownerNikHint: {
    id: 'NIK yang dipakai saat mendaftar, untuk memastikan antrean ini milik Anda.',
    en: 'The NIK you booked with, to make sure this booking is yours.',
  },
  stepOwner: { id: 'Pastikan ini antrean Anda', en: 'Confirm it is yours' },
  cancelSubmit: { id: 'Ya, batalkan antrean', en: 'Yes, cancel booking' },
  back: { id: 'Kembali ke tiket', en: 'Back to the ticket' },
  moveTitle: { id: 'Pindah jadwal', en: 'Move to another time' },
  moveCurrent: { id: 'Jadwal sekarang: {when}', en: 'Current time: {when}' },
  notChangeable: { id: 'Antrean ini sudah tidak bisa diubah.', en: 'This booking can no longer be changed.' },

  // Errors.
  notFoundTitle: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  notFoundText: { id: 'Periksa kembali alamatnya, atau mulai lagi dari halaman utama.', en: 'Please check the address, or start again from the home page.' },
  errorTitle: { id: 'Maaf, terjadi gangguan', en: 'Sorry, something went wrong' },
  backHome: { id: 'Kembali ke halaman utama', en: 'Back to the home page' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The key of a text of the citizen pages. */
export type TextKey = keyof typeof TEXTS;

/** A text of the citizen pages in a language, with `{name}` placeholders filled. */
export function text(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** The texts of one language, for views that use many: `t('nikLabel')`. */
export function textsFor(lang: Lang): (key: TextKey, vars?: Record<string, string | number>) => string {
  return (key, vars) => text(lang, key, vars);
}

/** Words for ticket statuses. */
const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  booked: { id: 'Terdaftar', en: 'Booked' },
  checked_in: { id: 'Sudah lapor datang', en: 'Checked in' },
  called: { id: 'Sedang dipanggil', en: 'Being called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  done: { id: 'Selesai', en: 'Done' },
  skipped: { id: 'Terlewat; lapor ke petugas', en: 'Missed; please see the staff' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  no_show: { id: 'Tidak datang', en: 'Did not come' },
};

/** A ticket status in words. */
export function statusText(status: string, lang: Lang): string {
  return STATUS_WORDS[status]?.[lang] ?? status;
}
