import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage } from './i18n.js';

describe('Accept-Language', () => {
  it('defaults to Indonesian without a header, for unknown languages and for a wildcard', () => {
    expect(langFromAcceptLanguage(undefined)).toBe('id');
    expect(langFromAcceptLanguage('')).toBe('id');
    expect(langFromAcceptLanguage('fr-FR, de;q=0.8')).toBe('id');
    expect(langFromAcceptLanguage('*')).toBe('id');
  });

  it('reads regional variants by their language, in any case', () => {
    expect(langFromAcceptLanguage('en-US')).toBe('en');
    expect(langFromAcceptLanguage('EN-gb')).toBe('en');
    expect(langFromAcceptLanguage('id-ID')).toBe('id');
    // "in" is the code older Android and Java systems still send for Indonesian.
    expect(langFromAcceptLanguage('in-ID, en;q=0.9')).toBe('id');
  });

  it('picks the higher quality, the first of equals, and never one refused with q=0', () => {
    expect(langFromAcceptLanguage('en;q=0.5, id;q=0.8')).toBe('id');
    expect(langFromAcceptLanguage('fr, en;q=0.3')).toBe('en');
    expect(langFromAcceptLanguage('en-US,en;q=0.9,id;q=0.8')).toBe('en');
    expect(langFromAcceptLanguage('en, id')).toBe('en');
    expect(langFromAcceptLanguage('en;q=0')).toBe('id');
    expect(langFromAcceptLanguage('en;q=oops')).toBe('id');
  });
});
