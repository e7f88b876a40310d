import { isKnownProvinceCode } from './province-codes.js';

/** Why a NIK was refused, checked in this order. */
export type NikProblem = 'NIK_FORMAT' | 'NIK_PROVINCE' | 'NIK_BIRTH_DATE' | 'NIK_SERIAL';

/** A NIK taken apart: `PPKKCC DDMMYY SSSS`. */
export interface ParsedNik {
  /** The 16 digits, without separators. */
  nik: string;
  provinceCode: string;
  /** `PPKK`: province and regency (kabupaten/kota). */
  regencyCode: string;
  /** `PPKKCC`: province, regency and district (kecamatan). */
  districtCode: string;
  sex: 'male' | 'female';
  /** 1–31, with the 40 added for women taken off. */
  birthDay: number;
  birthMonth: number;
  /** The century is not in a NIK. */
  birthYearTwoDigits: number;
  serial: string;
}

/** Women's NIKs carry the birth day plus this. */
const FEMALE_DAY_OFFSET = 40;

/*
 * Exactly what people type between groups of digits. The ownership check in the app strips the
 * same set, so a NIK accepted here also matches there.
 */
const SEPARATORS = /[\s.\-]/g;

/** Reads a NIK as typed (spaces, dots, dashes allowed), or says which check it fails first. */
export function parseNik(input: string): { ok: true; value: ParsedNik } | { ok: false; problem: NikProblem } {
  const nik = input.replace(SEPARATORS, '');
  if (!/^[0-9]{16}$/.test(nik)) return { ok: false, problem: 'NIK_FORMAT' };
  const provinceCode = nik.slice(0, 2);
  if (!isKnownProvinceCode(provinceCode)) return { ok: false, problem: 'NIK_PROVINCE' };

  const codedDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const female = codedDay > FEMALE_DAY_OFFSET;
  const birthDay = female ? codedDay - FEMALE_DAY_OFFSET : codedDay;
  if (!isDateInSomeCentury(birthYearTwoDigits, birthMonth, birthDay)) return { ok: false, problem: 'NIK_BIRTH_DATE' };

  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, problem: 'NIK_SERIAL' };

  return {
    ok: true,
    value: {
      nik,
      provinceCode,
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      sex: female ? 'female' : 'male',
      birthDay,
      birthMonth,
      birthYearTwoDigits,
      serial,
    },
  };
}

/*
 * Only 19YY and 20YY hold living people. Trying both keeps 29 Feb 00 valid (2000 was a leap
 * year though 1900 was not) without guessing the century from today's date.
 */
function isDateInSomeCentury(yy: number, month: number, day: number): boolean {
  return [1900 + yy, 2000 + yy].some((year) => day >= 1 && day <= daysInMonth(year, month));
}

function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A NIK a citizen can recognise as theirs without exposing it: `************0012`. Only the
 * serial shows; region and birth date are what a guesser would otherwise be handed.
 */
export function maskNik(nik: string): string {
  const digits = nik.replace(SEPARATORS, '');
  // Anything but a whole NIK is hidden entirely: a partial reveal of a malformed value could leak more than intended.
  if (!/^[0-9]{16}$/.test(digits)) return '*'.repeat(16);
  return `${'*'.repeat(12)}${digits.slice(12)}`;
}

/**
 * Whether a birth date agrees with the one coded in the NIK. A warning helper only: a NIK is
 * never renumbered when a birth date is corrected, so a mismatch never disproves identity.
 */
export function birthDateMatches(parsed: ParsedNik, date: { year: number; month: number; day: number }): boolean {
  return (
    parsed.birthDay === date.day && parsed.birthMonth === date.month && parsed.birthYearTwoDigits === ((date.year % 100) + 100) % 100
  );
}
