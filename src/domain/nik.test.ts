import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateMatches, maskNik, parseNik, type ParsedNik } from './nik.js';
import { PROVINCE_NAMES, isKnownProvinceCode, provinceName } from './province-codes.js';

function parsed(input: string): ParsedNik {
  const r = parseNik(input);
  if (!r.ok) throw new Error(`expected ${input} to parse, got ${r.problem}`);
  return r.value;
}

function problemOf(input: string): string | null {
  const r = parseNik(input);
  return r.ok ? null : r.problem;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A NIK from its parts, the way Dukcapil would issue it. */
function nikOf(p: { district: string; day: number; month: number; yy: number; female: boolean; serial: number }): string {
  return `${p.district}${pad(p.female ? p.day + 40 : p.day, 2)}${pad(p.month, 2)}${pad(p.yy, 2)}${pad(p.serial, 4)}`;
}

const bogorDistrict = fc.constantFrom('327101', '327102', '327103', '327104', '327105', '327106');
const anyDistrict = fc.tuple(fc.constantFrom(...Object.keys(PROVINCE_NAMES)), fc.integer({ min: 0, max: 9999 })).map(([p, rest]) => `${p}${pad(rest, 4)}`);

/** Birth dates that exist in 19YY or 20YY; days up to 28 exist in every month. */
const validParts = fc.record({
  district: fc.oneof(bogorDistrict, anyDistrict),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  yy: fc.integer({ min: 0, max: 99 }),
  female: fc.boolean(),
  serial: fc.integer({ min: 1, max: 9999 }),
});

describe('reading a NIK', () => {
  it('takes apart a Kota Bogor NIK of a man', () => {
    expect(parsed('3271010501900012')).toEqual({
      nik: '3271010501900012',
      provinceCode: '32',
      regencyCode: '3271',
      districtCode: '327101',
      sex: 'male',
      birthDay: 5,
      birthMonth: 1,
      birthYearTwoDigits: 90,
      serial: '0012',
    });
  });

  it("accepts a woman's NIK whose day is 41 to 71", () => {
    const woman = parsed('3271014501900012');
    expect(woman).toMatchObject({ sex: 'female', birthDay: 5, birthMonth: 1, birthYearTwoDigits: 90 });
    expect(parsed('3271064101850001')).toMatchObject({ sex: 'female', birthDay: 1 });
    expect(parsed('3271067112850001')).toMatchObject({ sex: 'female', birthDay: 31, birthMonth: 12 });
  });

  it('ignores the spaces, dots and dashes people type between groups', () => {
    for (const typed of [' 3271014501900012 ', '327101 450190 0012', '32.71.01.450190.0012', '3271-0145-0190-0012', '3271\t0145\u00a001900012']) {
      expect(parsed(typed).nik).toBe('3271014501900012');
    }
  });

  it('refuses anything but 16 ASCII digits as a format problem', () => {
    for (const bad of ['', '327101450190001', '32710145019000121', '327101450190001O', '３２７１０１４５０１９０００１２', '+3271014501900012', '3271_0145_0190_0012']) {
      expect(problemOf(bad)).toBe('NIK_FORMAT');
    }
  });

  it('refuses a province code no province has ever had', () => {
    for (const bad of ['0071014501900012', '2071014501900012', '9971014501900012', '1071014501900012']) {
      expect(problemOf(bad)).toBe('NIK_PROVINCE');
    }
  });

  it('accepts the Papua provinces split off in 2022 under either numbering', () => {
    for (const code of ['91', '92', '93', '94', '95', '96', '97']) expect(problemOf(`${code}71014501900012`)).toBeNull();
    expect(provinceName('96')).toBe('Papua Barat Daya');
  });

  it('accepts Timor Timur, a code a NIK issued before 1999 may still carry', () => {
    expect(problemOf('5401014501900012')).toBeNull();
  });

  it('refuses a birth date that is in no calendar', () => {
    for (const bad of [
      '3271010001900012', // day 00
      '3271013201900012', // day 32
      '3271014001900012', // day 40: neither a man's nor a woman's
      '3271017201900012', // day 72 = a woman's 32
      '3271010500900012', // month 00
      '3271010513900012', // month 13
      '3271013102900012', // 31 February
      '3271017102900012', // a woman's 31 February
      '3271013104900012', // 31 April
      '3271012902010012', // 29 February 1901/2001
    ]) {
      expect(problemOf(bad)).toBe('NIK_BIRTH_DATE');
    }
  });

  it('accepts 29 February when 19YY or 20YY is a leap year', () => {
    expect(problemOf('3271012902000012')).toBeNull(); // 2000, though 1900 was not
    expect(problemOf('3271016902960012')).toBeNull(); // a woman born 1996
  });

  it('refuses serial 0000, since serials start at 0001', () => {
    expect(problemOf('3271014501900000')).toBe('NIK_SERIAL');
    expect(problemOf('3271014501900001')).toBeNull();
  });

  it('reports the first failing check: format, province, birth date, serial', () => {
    expect(problemOf('0071013102900000')).toBe('NIK_PROVINCE');
    expect(problemOf('3271013102900000')).toBe('NIK_BIRTH_DATE');
  });

  it('reads back every NIK built from a real date, with sex and day round-tripping', () => {
    fc.assert(
      fc.property(validParts, (p) => {
        const v = parsed(nikOf(p));
        expect(v.sex).toBe(p.female ? 'female' : 'male');
        expect([v.birthDay, v.birthMonth, v.birthYearTwoDigits]).toEqual([p.day, p.month, p.yy]);
        expect(v.districtCode).toBe(p.district);
        expect(v.regencyCode).toBe(p.district.slice(0, 4));
        expect(v.provinceCode).toBe(p.district.slice(0, 2));
        expect(isKnownProvinceCode(v.provinceCode)).toBe(true);
      }),
    );
  });

  it('refuses every digit string that is not 16 long', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 40 }).filter((s) => s.length !== 16),
        (digits) => {
          expect(problemOf(digits)).toBe('NIK_FORMAT');
        },
      ),
    );
  });

  it('gives the same result whatever separators are typed between the digits', () => {
    fc.assert(
      fc.property(validParts, fc.array(fc.constantFrom('', ' ', '.', '-', '  '), { minLength: 17, maxLength: 17 }), (p, seps) => {
        const nik = nikOf(p);
        const typed = [...nik].map((d, i) => `${seps[i]}${d}`).join('') + seps[16];
        expect(parseNik(typed)).toEqual(parseNik(nik));
      }),
    );
  });
});

describe('masking a NIK', () => {
  it('shows the last four digits only', () => {
    expect(maskNik('3271014501900012')).toBe('************0012');
  });

  it('hides the region and the birth date whatever the NIK', () => {
    fc.assert(
      fc.property(validParts, (p) => {
        const masked = maskNik(nikOf(p));
        expect(masked).toHaveLength(16);
        expect(masked.slice(0, 12)).toBe('************');
      }),
    );
  });

  it('hides everything of a value that is not a whole NIK', () => {
    expect(maskNik('32710145019')).toBe('****************');
  });
});

describe('comparing a birth date with the NIK', () => {
  const woman = parsed('3271014501900012');

  it('matches the date coded in the NIK, in either century', () => {
    expect(birthDateMatches(woman, { year: 1990, month: 1, day: 5 })).toBe(true);
    expect(birthDateMatches(woman, { year: 2090, month: 1, day: 5 })).toBe(true);
  });

  it('does not match a corrected date, which is only a warning', () => {
    expect(birthDateMatches(woman, { year: 1990, month: 1, day: 6 })).toBe(false);
    expect(birthDateMatches(woman, { year: 1990, month: 2, day: 5 })).toBe(false);
    expect(birthDateMatches(woman, { year: 1991, month: 1, day: 5 })).toBe(false);
    expect(birthDateMatches(woman, { year: 1990, month: 1, day: 45 })).toBe(false);
  });
});
