import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { en } from './catalogue.en.js';
import { id, type TextKey } from './catalogue.id.js';
import { domainErrorText, errorText, statusText, t } from './texts.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  it('give every text the same placeholders in English as in Indonesian', () => {
    for (const key of Object.keys(id) as TextKey[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(id[key])]);
  });

  it('leave no text empty', () => {
    for (const key of Object.keys(id) as TextKey[]) {
      expect([key, id[key].trim().length > 0]).toEqual([key, true]);
      expect([key, en[key].trim().length > 0]).toEqual([key, true]);
    }
  });
});

describe('t', () => {
  it('fills placeholders in the language asked for', () => {
    expect(t('id', 'staff.counterTitle', { n: 3 })).toBe('Loket 3');
    expect(t('en', 'citizen.placesLeft', { n: 2 })).toBe('2 places left');
  });
});

describe('error texts', () => {
  it('read an unknown code as "invalid" rather than showing the code', () => {
    expect(errorText('id', 'NO_SUCH_CODE')).toBe(id['error.INVALID']);
  });

  it('prefer the specific words of a domain error and fill its details', () => {
    expect(domainErrorText(new DomainError('NOT_FOUND', { what: 'office' }), 'en')).toBe('Office not found.');
    expect(domainErrorText(new DomainError('NOT_FOUND', { what: 'nothing-specific' }), 'en')).toBe('Not found.');
    expect(domainErrorText(new DomainError('WRONG_DAY', { date: '2026-12-07' }), 'id')).toContain('Senin, 7 Desember 2026');
    expect(domainErrorText(new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 61 }), 'id')).toContain('2 menit');
  });
});

describe('status words', () => {
  it('name each status once, and an unknown one as it is', () => {
    expect(statusText('id', 'checked_in')).toBe('Menunggu dipanggil');
    expect(statusText('en', 'serving')).toBe('Being served');
    expect(statusText('id', 'mystery')).toBe('mystery');
  });
});
