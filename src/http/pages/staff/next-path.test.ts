import { describe, expect, it } from 'vitest';
import { localNextPath } from './next-path.js';

describe('where a login may lead back to', () => {
  it('accepts staff pages and the display board with their query', () => {
    expect(localNextPath('/staff/desk/kota-bogor')).toBe('/staff/desk/kota-bogor');
    expect(localNextPath('/staff/desk/kota-bogor/search?q=budi')).toBe('/staff/desk/kota-bogor/search?q=budi');
    expect(localNextPath('/display/kota-bogor')).toBe('/display/kota-bogor');
    expect(localNextPath('/staff')).toBe('/staff');
  });

  it('refuses other hosts however they are spelled', () => {
    for (const next of ['//evil.example/staff', '/\\evil.example', 'https://evil.example/staff', 'javascript:alert(1)', '/\t/evil.example', ' /staff']) {
      expect(localNextPath(next)).toBeNull();
    }
  });

  it('refuses pages that are not staff pages, the login itself, and junk', () => {
    for (const next of ['/api/v1/users', '/', '/staffroom', '/staff/login', '/staff/logout', '', 42, undefined, `/staff/${'x'.repeat(600)}`]) {
      expect(localNextPath(next)).toBeNull();
    }
  });

  it('normalises dot segments before checking the prefix', () => {
    expect(localNextPath('/staff/../api/v1/users')).toBeNull();
  });
});
