import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizeMobilePhone } from './phone.js';

const digit = fc.constantFrom(...'0123456789');
/** National significant numbers of mobiles: 8 and 8–11 more digits. */
const mobileNsn = fc.string({ unit: digit, minLength: 8, maxLength: 11 }).map((rest) => `8${rest}`);
/** Punctuation as people type it, at most a few characters between digits. */
const punctuation = fc.string({ unit: fc.constantFrom(' ', '-', '.', '(', ')'), maxLength: 2 });

/** Every way the same number is commonly written. */
function writtenForms(nsn: string): string[] {
  return [`0${nsn}`, `+62${nsn}`, `62${nsn}`, nsn, `0062${nsn}`, `+62 (0)${nsn}`];
}

describe('normalizing a mobile number', () => {
  it('turns every common Indonesian form into 628… digits', () => {
    for (const typed of [
      '081234567890',
      '0812-3456-7890',
      '0812 3456 7890',
      '0812.3456.7890',
      '(0812) 3456-7890',
      '+62 812-3456-7890',
      '+62 (0)812 3456 7890',
      '62812 3456 7890',
      '812 3456 7890',
      ' 081234567890 ',
    ]) {
      expect(normalizeMobilePhone(typed)).toBe('6281234567890');
    }
  });

  it('accepts 9 to 12 digits after the country code', () => {
    expect(normalizeMobilePhone('0811123456')).toBe('62811123456');
    expect(normalizeMobilePhone('0812345678901')).toBe('62812345678901');
  });

  it('refuses numbers too short or too long to be a mobile', () => {
    expect(normalizeMobilePhone('081112345')).toBeNull();
    expect(normalizeMobilePhone('08123456789012')).toBeNull();
  });

  it('refuses landlines, foreign numbers and text', () => {
    for (const bad of ['(0251) 8321075', '+622518321075', '+6581234567', '+6081234567890', '0812345678ab', '', 'nomor saya 0812', '+0812345678', '08123456789/0812']) {
      expect(normalizeMobilePhone(bad)).toBeNull();
    }
  });

  it('gives the same result for every accepted form of the same number', () => {
    fc.assert(
      fc.property(mobileNsn, (nsn) => {
        for (const typed of writtenForms(nsn)) expect(normalizeMobilePhone(typed)).toBe(`62${nsn}`);
      }),
    );
  });

  it('ignores punctuation between the digits', () => {
    fc.assert(
      fc.property(mobileNsn, fc.array(punctuation, { minLength: 20, maxLength: 20 }), (nsn, seps) => {
        const typed = [...`0${nsn}`].map((d, i) => `${seps[i]}${d}`).join('');
        expect(normalizeMobilePhone(typed)).toBe(`62${nsn}`);
      }),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(mobileNsn.map((n) => `0${n}`), fc.string({ unit: fc.constantFrom(...'0123456789+-() '), maxLength: 20 })), (typed) => {
        const once = normalizeMobilePhone(typed);
        if (once !== null) expect(normalizeMobilePhone(once)).toBe(once);
      }),
    );
  });

  it('only ever returns 628 and digits, 11 to 14 long', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (typed) => {
        const out = normalizeMobilePhone(typed);
        if (out !== null) expect(out).toMatch(/^628[0-9]{8,11}$/);
      }),
    );
  });
});

describe('masking a mobile number', () => {
  it('keeps the first four and last three digits', () => {
    expect(maskPhone('628123456789')).toBe('6281*****789');
    expect(maskPhone('6281234567890')).toBe('6281******890');
  });

  it('keeps the length, so the citizen sees how long their number is', () => {
    fc.assert(
      fc.property(mobileNsn, (nsn) => {
        const masked = maskPhone(`62${nsn}`);
        expect(masked).toHaveLength(nsn.length + 2);
        expect(masked.slice(0, 4)).toBe(`62${nsn.slice(0, 2)}`);
        expect(masked.slice(-3)).toBe(nsn.slice(-3));
      }),
    );
  });

  it('hides everything of a value too short to mask', () => {
    expect(maskPhone('6281')).toBe('****');
  });
});
