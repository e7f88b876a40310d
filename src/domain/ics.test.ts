import { describe, expect, it } from 'vitest';
import { calendarFile, escapeIcsText, foldIcsLine } from './ics.js';

const event = {
  uid: 'K7MPQ4XRT@antrean',
  stamp: new Date('2026-12-01T02:00:00Z'),
  date: '2026-12-07',
  start: '08:00',
  end: '09:00',
  zone: 'Asia/Jakarta',
  zoneName: 'WIB',
  summary: 'Antrean A001: Perekaman KTP-el baru',
  location: 'Disdukcapil Kota Bogor, Jl. Ir. H. Juanda No. 10, Kota Bogor',
  description: 'Kode booking K7M-PQ4-XRT.\nBawa: Kartu Keluarga (KK); KTP-el lama',
  url: 'https://antrean.example/t/K7MPQ4XRT',
  alarmMinutesBefore: 120,
};

/** Content lines with folding undone (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('calendarFile', () => {
  const ics = calendarFile(event);

  it('ends every line with CRLF and has no bare line feeds', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('states the session in the office\'s zone with a WIB time zone of +0700', () => {
    const lines = unfold(ics);
    expect(lines).toContain('DTSTART;TZID=Asia/Jakarta:20261207T080000');
    expect(lines).toContain('DTEND;TZID=Asia/Jakarta:20261207T090000');
    expect(lines).toContain('TZID:Asia/Jakarta');
    expect(lines).toContain('TZOFFSETTO:+0700');
    expect(lines).toContain('TZNAME:WIB');
    expect(lines).toContain('DTSTAMP:20261201T020000Z');
  });

  it('nests its components properly and carries the required properties', () => {
    const lines = unfold(ics);
    const stack: string[] = [];
    for (const line of lines.filter(Boolean)) {
      if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
      if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
    for (const required of ['VERSION:2.0', 'PRODID:-//Antrean//Antrean//ID', 'UID:K7MPQ4XRT@antrean']) expect(lines).toContain(required);
  });

  it('escapes commas, semicolons and line breaks in text', () => {
    const lines = unfold(ics);
    expect(lines).toContain('LOCATION:Disdukcapil Kota Bogor\\, Jl. Ir. H. Juanda No. 10\\, Kota Bogor');
    expect(lines).toContain('DESCRIPTION:Kode booking K7M-PQ4-XRT.\\nBawa: Kartu Keluarga (KK)\\; KTP-el lama');
  });

  it('reminds ahead of the session when asked', () => {
    expect(unfold(ics)).toContain('TRIGGER:-PT120M');
    expect(calendarFile({ ...event, alarmMinutesBefore: undefined })).not.toContain('VALARM');
  });

  it('uses the offset of the office\'s own zone, such as WIT in Jayapura', () => {
    const lines = unfold(calendarFile({ ...event, zone: 'Asia/Jayapura', zoneName: 'WIT' }));
    expect(lines).toContain('TZOFFSETFROM:+0900');
    expect(lines).toContain('TZNAME:WIT');
  });
});

describe('escapeIcsText', () => {
  it('escapes the backslash before anything else', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('foldIcsLine', () => {
  it('leaves short lines alone', () => {
    expect(foldIcsLine('SUMMARY:Antrean')).toBe('SUMMARY:Antrean');
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
