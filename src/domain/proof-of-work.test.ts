import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { assertProofDone, parseToken, proofBits, solveProof, tokenPayload } from './proof-of-work.js';

const issuedAt = new Date('2026-12-01T00:00:00Z');
const token = { id: '0123456789abcdef0123456789abcdef', issuedAt, difficulty: 8 };
const raw = `${tokenPayload(token)}.${'s'.repeat(43)}`;
const settings = { difficulty: 8, waitSeconds: 5 };
const at = (ms: number) => new Date(issuedAt.getTime() + ms);
const codeOf = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('a proof of work', () => {
  it('reads its own tokens and nothing else', () => {
    expect(parseToken(raw)?.token).toEqual(token);
    expect(parseToken('p1.1.8.zz.sig')).toBeNull();
    expect(parseToken('')).toBeNull();
  });

  it('counts leading zero bits of the hash', () => {
    const nonce = solveProof(raw, 8);
    expect(proofBits(raw, nonce)).toBeGreaterThanOrEqual(8);
  });

  it('takes a solved nonce at once, a missing one only after the wait, and nothing after expiry', () => {
    const nonce = solveProof(raw, 8);
    expect(codeOf(() => assertProofDone(token, raw, nonce, settings, at(0)))).toBe('ok');
    expect(codeOf(() => assertProofDone(token, raw, undefined, settings, at(4_999)))).toBe('PROOF_TOO_EARLY');
    expect(codeOf(() => assertProofDone(token, raw, '', settings, at(5_000)))).toBe('ok');
    expect(codeOf(() => assertProofDone(token, raw, nonce, settings, at(30 * 60_000)))).toBe('PROOF_EXPIRED');
    expect(codeOf(() => assertProofDone(token, raw, nonce, { ...settings, difficulty: 12 }, at(0)))).toBe('PROOF_INVALID');
  });
});
