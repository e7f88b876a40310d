import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, formatBookingCode, generateBookingCode, normalizeBookingCode } from './booking-code.js';

describe('booking codes', () => {
  it('carry at least 40 random bits', () => {
    expect(BOOKING_CODE_LENGTH * Math.log2(BOOKING_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it('leave out characters that look alike', () => {
    for (const ch of '0O1IL2Z5S8B') expect(BOOKING_CODE_ALPHABET).not.toContain(ch);
  });

  it('read back however they are typed: lower case, dashes, spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(BOOKING_CODE_ALPHABET.length - 1), { minLength: 9, maxLength: 9 }), (picks) => {
        let i = 0;
        const code = generateBookingCode(() => picks[i++]!);
        expect(normalizeBookingCode(code)).toBe(code);
        expect(normalizeBookingCode(formatBookingCode(code).toLowerCase())).toBe(code);
        expect(normalizeBookingCode(` ${code.slice(0, 4)} ${code.slice(4)} `)).toBe(code);
      }),
    );
  });

  it('refuse what cannot be a code', () => {
    for (const s of ['', 'ABC', 'ACDEFGHJK1', 'ACDEFGHJ0', 'ACDEFGHJKM']) expect(normalizeBookingCode(s)).toBeNull();
  });

  it('differ from one another when drawn from a cryptographic source', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => generateBookingCode(randomInt)));
    expect(codes.size).toBe(10_000);
  });
});
