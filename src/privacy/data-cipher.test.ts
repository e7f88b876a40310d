import { describe, expect, it } from 'vitest';
import { DataCipher, DataKeyError, generateDataKey, parseDataKey, sealedKeyId } from './data-cipher.js';

const key = (fill: number) => Buffer.alloc(32, fill);

describe('sealing personal data', () => {
  it('opens what it sealed, with a fresh nonce every time and its key id in the value', () => {
    const cipher = new DataCipher(key(1));
    const a = cipher.seal('3271014501900031');
    const b = cipher.seal('3271014501900031');
    expect(a).not.toBe(b);
    expect(cipher.open(a)).toBe('3271014501900031');
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealedKeyId(a)).toBe(cipher.keyId);
    expect(sealedKeyId('3271014501900031')).toBeNull();
  });

  it('never gives two values the same nonce, across many refills of its pool of random bytes', () => {
    const cipher = new DataCipher(key(1));
    const nonces = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const sealed = cipher.seal(`6281234567${i}`);
      nonces.add(sealed.split('.')[2]!);
      expect(cipher.open(sealed)).toBe(`6281234567${i}`);
    }
    expect(nonces.size).toBe(2_000);
  });

  it('refuses a value sealed with another key, or changed by one character', () => {
    const sealed = new DataCipher(key(1)).seal('6281234567890');
    expect(() => new DataCipher(key(2)).open(sealed)).toThrow(DataKeyError);
    const parts = sealed.split('.');
    const body = parts[3]!;
    const tampered = [...parts.slice(0, 3), `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`].join('.');
    expect(() => new DataCipher(key(1)).open(tampered)).toThrow(DataKeyError);
  });

  it('hashes for lookups with a key of its own: the same per key, different across keys, never the text', () => {
    const one = new DataCipher(key(1));
    expect(one.lookupHash('3271014501900031')).toBe(one.lookupHash('3271014501900031'));
    expect(one.lookupHash('3271014501900031')).not.toBe(new DataCipher(key(2)).lookupHash('3271014501900031'));
    expect(one.lookupHash('3271014501900031')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes only 32 bytes of base64 as a key', () => {
    expect(parseDataKey(generateDataKey(), 'K')).toHaveLength(32);
    expect(() => parseDataKey(Buffer.alloc(16).toString('base64'), 'K')).toThrow(/K must be 32 random bytes/);
    expect(() => parseDataKey('not a key!', 'K')).toThrow(DataKeyError);
  });
});
