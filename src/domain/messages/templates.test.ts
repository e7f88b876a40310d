import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, SUBJECTS } from './default-templates.js';
import { MESSAGE_KINDS, MESSAGE_LANGS } from './message-kind.js';
import { type MessageValues, PLACEHOLDERS, renderTemplate, TEMPLATE_MAX_LENGTH, templateProblems, unknownPlaceholders } from './templates.js';

const VALUES: MessageValues = {
  nama: 'Siti Rahmawati',
  kode: 'K7M-PQ4-XRT',
  nomor: 'A-007',
  kantor: 'Disdukcapil Kota Bogor',
  alamat: 'Jl. Pemuda No. 1',
  layanan: 'KTP-el baru',
  hari: 'Senin, 7 Desember 2026',
  jam: '08.00–09.00 WIB',
  waktu: 'Senin, 7 Desember 2026, 08.00–09.00 WIB',
  dokumen: '- Kartu Keluarga (KK)\n- Akta kelahiran',
  tautan: 'https://antrean.example.go.id/t/K7MPQ4XRT',
  loket: '',
};

describe('message templates', () => {
  it('fills every placeholder it knows', () => {
    expect(renderTemplate('Kode {kode}, {waktu}. {tautan}', VALUES)).toBe(
      'Kode K7M-PQ4-XRT, Senin, 7 Desember 2026, 08.00–09.00 WIB. https://antrean.example.go.id/t/K7MPQ4XRT',
    );
  });

  it('drops a line whose placeholders all come out empty, with its words', () => {
    expect(renderTemplate('Nomor {nomor}\nLoket: {loket}\nSampai jumpa', VALUES)).toBe('Nomor A-007\nSampai jumpa');
  });

  it('keeps a line where only some placeholders are empty, without trailing spaces', () => {
    expect(renderTemplate('{nomor} {loket}', VALUES)).toBe('A-007');
  });

  it('leaves braces that name no placeholder as written', () => {
    expect(renderTemplate('Harga {x} tetap', VALUES)).toBe('Harga {x} tetap');
  });

  it('reads Windows line ends as lines and never leaves more than one blank line', () => {
    expect(renderTemplate('A\r\n\r\n{loket}\r\n\r\nB', VALUES)).toBe('A\n\nB');
  });

  it('names unknown placeholders once each, in order', () => {
    expect(unknownPlaceholders('{kodee} {kode} {Nama} {kodee} {}')).toEqual(['kodee', 'Nama', '']);
  });

  it('refuses an empty template, a too long one and one with an unknown placeholder', () => {
    expect(templateProblems('  \n')).toEqual([{ field: 'body', problem: 'TEMPLATE_EMPTY' }]);
    expect(templateProblems('x'.repeat(TEMPLATE_MAX_LENGTH + 1))).toEqual([{ field: 'body', problem: 'TEMPLATE_TOO_LONG' }]);
    expect(templateProblems('Kode {kodee}')).toEqual([{ field: 'body', problem: 'TEMPLATE_UNKNOWN_PLACEHOLDER' }]);
    expect(templateProblems('Kode {kode}')).toEqual([]);
  });

  it('has a default and a subject for every kind in both languages, using only known placeholders', () => {
    for (const kind of MESSAGE_KINDS) {
      for (const lang of MESSAGE_LANGS) {
        expect(templateProblems(DEFAULT_TEMPLATES[kind][lang]), `${kind}/${lang}`).toEqual([]);
        expect(SUBJECTS[kind][lang].length).toBeGreaterThan(0);
      }
    }
  });

  it('tells the code, the time, the documents and the link in every booking message', () => {
    for (const kind of ['booked', 'moved', 'reminder_evening'] as const) {
      for (const lang of MESSAGE_LANGS) {
        const text = renderTemplate(DEFAULT_TEMPLATES[kind][lang], VALUES);
        expect(text).toContain('K7M-PQ4-XRT');
        expect(text).toContain('08.00–09.00 WIB');
        expect(text).toContain('- Kartu Keluarga (KK)');
        expect(text).toContain('/t/K7MPQ4XRT');
      }
    }
  });

  it('says "Giliran Anda sebentar lagi" when the turn nears, with the counter once called', () => {
    const waiting = renderTemplate(DEFAULT_TEMPLATES.turn_near.id, { ...VALUES, loket: '' });
    expect(waiting).toContain('Giliran Anda sebentar lagi');
    const called = renderTemplate(DEFAULT_TEMPLATES.turn_near.id, { ...VALUES, loket: 'Silakan menuju Loket 3 sekarang.' });
    expect(called).toContain('Loket 3');
  });

  it('lists the placeholders an admin may use', () => {
    expect(PLACEHOLDERS).toContain('kode');
    expect(PLACEHOLDERS).toContain('hari');
    expect(PLACEHOLDERS).toContain('jam');
  });
});
