import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail } from './email.js';

describe('email addresses', () => {
  it('accepts an ordinary address and lower-cases its domain', () => {
    expect(normalizeEmail('  Siti.R@Gmail.COM ')).toBe('Siti.R@gmail.com');
  });

  it('refuses what can never be an address', () => {
    for (const bad of ['', 'siti', 'siti@', '@gmail.com', 'siti@gmail', 'si ti@gmail.com', 'a@b.c', `${'a'.repeat(250)}@b.com`]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });

  it('masks all but the first character and the domain', () => {
    expect(maskEmail('siti@gmail.com')).toBe('s***@gmail.com');
  });
});
