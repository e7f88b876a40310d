import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameInitials, normalizePersonName } from './person-name.js';

describe('normalizing a person name', () => {
  it('trims and collapses the spaces people type', () => {
    expect(normalizePersonName('  Siti   Nurhaliza\t\n ')).toBe('Siti Nurhaliza');
    expect(normalizePersonName('Dewi\u00a0Lestari')).toBe('Dewi Lestari');
  });

  it('keeps the punctuation real names carry', () => {
    for (const name of ["Hj. Siti Aminah, S.Pd.", 'Muhammad Al-Fatih', "Ma'ruf Amin", 'Ma’ruf Amin', 'I Gusti Ngurah Rai', 'Tjoa Ing-Hwie']) {
      expect(normalizePersonName(name)).toBe(name);
    }
  });

  it('accepts names in any script', () => {
    for (const name of ['陈美玲', 'ꦱꦸꦏꦂꦤꦺꦴ', 'عبد الله', 'Nguyễn Văn An', 'Ωmega', 'Иван']) {
      expect(normalizePersonName(name)).toBe(name);
    }
  });

  it('stores a name composed the same way however it was typed', () => {
    const decomposed = 'Rene\u0301 Fe\u0301lix';
    expect(normalizePersonName(decomposed)).toBe('René Félix');
    expect(normalizePersonName(decomposed)).toBe(normalizePersonName('René Félix'));
  });

  it('accepts 2 to 100 characters, counting code points', () => {
    expect(normalizePersonName('A')).toBeNull();
    expect(normalizePersonName('Al')).toBe('Al');
    expect(normalizePersonName('a'.repeat(100))).toBe('a'.repeat(100));
    expect(normalizePersonName('a'.repeat(101))).toBeNull();
    // 100 letters outside the Basic Multilingual Plane are 200 UTF-16 units but still 100 characters.
    const astral = '𠀀'.repeat(100);
    expect(astral).toHaveLength(200);
    expect(normalizePersonName(astral)).toBe(astral);
  });

  it('refuses input with no letter at all', () => {
    for (const bad of ['', '   ', '..', "-'-", ', .']) expect(normalizePersonName(bad)).toBeNull();
  });

  it('refuses control characters, digits, symbols and emoji', () => {
    for (const bad of ['Budi\u0000Santoso', 'Budi\u0007', 'Budi 2', '<b>Budi</b>', 'Budi 😀', 'Budi_Santoso', 'Budi@Santoso']) {
      expect(normalizePersonName(bad)).toBeNull();
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', 'é', 'e', '\u0301', ' ', '\t', '\u00a0', "'", '.', '-', 'Ω'), maxLength: 30 })), (typed) => {
        const once = normalizePersonName(typed);
        if (once !== null) expect(normalizePersonName(once)).toBe(once);
      }),
    );
  });

  it('never returns a name with spaces at the ends or doubled inside', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '\u3000', '.'), maxLength: 40 }), (typed) => {
        const out = normalizePersonName(typed);
        if (out !== null) {
          expect(out).toBe(out.trim());
          expect(out).not.toMatch(/\s{2}|[^\S ]/);
        }
      }),
    );
  });
});

describe('initials of a name', () => {
  it('keeps the first letter of each word', () => {
    expect(nameInitials('Siti Rahmawati')).toBe('S. R.');
    expect(nameInitials('Hj. siti Aminah, S.Pd.')).toBe('H. S. A. S.');
    expect(nameInitials("'Ain Al-Fatih")).toBe('A. A.');
  });
});

describe('personNameProblem', () => {
  it('says why a name is refused: digits, other characters, or its length', async () => {
    const { personNameProblem } = await import('./person-name.js');
    expect(personNameProblem('Siti Rahmawati')).toBeNull();
    expect(personNameProblem('Siti 2')).toBe('NAME_DIGITS');
    expect(personNameProblem('0812345678')).toBe('NAME_DIGITS');
    expect(personNameProblem('Siti @ Rahma')).toBe('NAME_CHARACTERS');
    expect(personNameProblem('S')).toBe('NAME_INVALID');
  });
});
