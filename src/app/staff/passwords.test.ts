import { describe, expect, it } from 'vitest';
import { hashPassword, STANDARD_PASSWORD_COST, verifyPassword } from './passwords.js';

describe('staff password hashing', () => {
  it('hashes with Argon2id at OWASP\'s minimum cost unless told otherwise', async () => {
    expect(STANDARD_PASSWORD_COST).toEqual({ memoryKiB: 19_456, passes: 2 });
    const hashed = await hashPassword('kata sandi yang panjang');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'kata sandi yang panjang')).toBe(true);
    expect(await verifyPassword(hashed, 'kata sandi yang lain')).toBe(false);
  });

  it('writes the cost into each hash, so a hash made at another cost still verifies', async () => {
    const cheap = await hashPassword('rahasia', { memoryKiB: 8, passes: 1 });
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await verifyPassword(cheap, 'rahasia')).toBe(true);
    expect(await verifyPassword(cheap, 'Rahasia')).toBe(false);
  });

  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('not a hash', 'rahasia')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=8,t=1,p=1$broken', 'rahasia')).toBe(false);
  });
});
