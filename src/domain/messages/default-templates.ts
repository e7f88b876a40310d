import type { MessageKind, MessageLang } from './message-kind.js';

/*
 * The words of the messages until an office edits them. They live here rather than in the
 * page catalogues because they are data the admin replaces per office, and they must name
 * only the placeholders of `templates.ts`, which the domain tests check.
 */

/** The message as sent when the office has not edited it. */
export const DEFAULT_TEMPLATES: Record<MessageKind, Record<MessageLang, string>> = {
  booked: {
    id: [
      'Halo {nama}, pendaftaran antrean Anda di {kantor} berhasil.',
      'Kode: {kode}',
      'Nomor antrean: {nomor}',
      'Layanan: {layanan}',
      'Waktu: {waktu}',
      '',
      'Dokumen yang dibawa:',
      '{dokumen}',
      '',
      'Tiket Anda: {tautan}',
      'Datang sesuai jam sesi Anda dan tunjukkan kode ini di meja pendaftaran.',
    ].join('\n'),
    en: [
      'Hello {nama}, your place at {kantor} is booked.',
      'Code: {kode}',
      'Queue number: {nomor}',
      'Service: {layanan}',
      'When: {waktu}',
      '',
      'Documents to bring:',
      '{dokumen}',
      '',
      'Your ticket: {tautan}',
      'Come in your session\'s hour and show this code at the front desk.',
    ].join('\n'),
  },
  moved: {
    id: [
      'Halo {nama}, jadwal antrean Anda di {kantor} dipindahkan.',
      'Kode: {kode}',
      'Nomor antrean baru: {nomor}',
      'Layanan: {layanan}',
      'Waktu baru: {waktu}',
      '',
      'Dokumen yang dibawa:',
      '{dokumen}',
      '',
      'Tiket Anda: {tautan}',
    ].join('\n'),
    en: [
      'Hello {nama}, your booking at {kantor} has moved.',
      'Code: {kode}',
      'New queue number: {nomor}',
      'Service: {layanan}',
      'New time: {waktu}',
      '',
      'Documents to bring:',
      '{dokumen}',
      '',
      'Your ticket: {tautan}',
    ].join('\n'),
  },
  cancelled: {
    id: [
      'Halo {nama}, antrean Anda di {kantor} dibatalkan.',
      'Kode: {kode}',
      'Jadwal yang dibatalkan: {waktu}',
      '',
      'Keterangan: {tautan}',
      'Silakan daftar lagi bila masih memerlukan layanan.',
    ].join('\n'),
    en: [
      'Hello {nama}, your booking at {kantor} is cancelled.',
      'Code: {kode}',
      'Cancelled time: {waktu}',
      '',
      'Details: {tautan}',
      'Please book again if you still need the service.',
    ].join('\n'),
  },
  reminder_evening: {
    id: [
      'Pengingat: besok Anda terjadwal di {kantor}.',
      'Kode: {kode} · Nomor antrean: {nomor}',
      'Layanan: {layanan}',
      'Waktu: {waktu}',
      'Alamat: {alamat}',
      '',
      'Jangan lupa membawa:',
      '{dokumen}',
      '',
      'Tiket Anda: {tautan}',
    ].join('\n'),
    en: [
      'Reminder: tomorrow you are expected at {kantor}.',
      'Code: {kode} · Queue number: {nomor}',
      'Service: {layanan}',
      'When: {waktu}',
      'Address: {alamat}',
      '',
      'Remember to bring:',
      '{dokumen}',
      '',
      'Your ticket: {tautan}',
    ].join('\n'),
  },
  reminder_before: {
    id: [
      'Pengingat: sesi antrean Anda di {kantor} dimulai pukul {jam}.',
      'Kode: {kode} · Nomor antrean: {nomor}',
      'Layanan: {layanan}',
      'Alamat: {alamat}',
      '',
      'Tiket Anda: {tautan}',
    ].join('\n'),
    en: [
      'Reminder: your session at {kantor} starts at {jam}.',
      'Code: {kode} · Queue number: {nomor}',
      'Service: {layanan}',
      'Address: {alamat}',
      '',
      'Your ticket: {tautan}',
    ].join('\n'),
  },
  turn_near: {
    id: ['Giliran Anda sebentar lagi.', 'Nomor antrean: {nomor} (kode {kode})', '{loket}', '', 'Tiket Anda: {tautan}'].join('\n'),
    en: ['Your turn is coming soon.', 'Queue number: {nomor} (code {kode})', '{loket}', '', 'Your ticket: {tautan}'].join('\n'),
  },
};

/** The subject line (email) of each kind; not edited, it only names the message and the code. */
export const SUBJECTS: Record<MessageKind, Record<MessageLang, string>> = {
  booked: { id: 'Pendaftaran antrean berhasil', en: 'Your booking is confirmed' },
  moved: { id: 'Jadwal antrean Anda dipindahkan', en: 'Your booking has moved' },
  cancelled: { id: 'Antrean Anda dibatalkan', en: 'Your booking is cancelled' },
  reminder_evening: { id: 'Pengingat: besok jadwal antrean Anda', en: 'Reminder: your booking is tomorrow' },
  reminder_before: { id: 'Pengingat: sesi antrean Anda segera dimulai', en: 'Reminder: your session starts soon' },
  turn_near: { id: 'Giliran Anda sebentar lagi', en: 'Your turn is coming soon' },
};

/**
 * What `{loket}` says: where to go once called, and to stay near before that. It is a whole
 * sentence because the moment decides it, not the template.
 */
export function counterSentence(counterNumber: number | null, lang: MessageLang): string {
  if (counterNumber === null) return lang === 'id' ? 'Mohon tetap berada di dekat ruang tunggu.' : 'Please stay near the waiting room.';
  return lang === 'id' ? `Silakan menuju Loket ${counterNumber} sekarang.` : `Please go to counter ${counterNumber} now.`;
}
