import { createHash } from 'node:crypto';
import { DomainError } from './errors.js';

/**
 * A proof of work for online booking: a cost a person never notices (their page's script solves
 * it while they type, or, without scripts, the few seconds spent reading the form) and a script
 * booking hundreds of places pays on every request. Stateless: a token carries its issue time,
 * difficulty and a random id, signed with a key every process of the site derives alike, so any
 * process checks it; only the fact that it was spent is stored.
 */

/** Format of the tokens; a later format gets `p2`. */
const FORMAT = 'p1';
/** A nonce is a short string the client picks; bounded so hashing it costs nothing. */
export const MAX_NONCE_LENGTH = 64;
/** A token outlives a slow person's whole form, but not by much. */
export const PROOF_TTL_SECONDS = 30 * 60;

/** How hard proofs are, and how long a page without a script must have been open. */
export interface ProofSettings {
  /** Leading zero bits of sha256(token + ':' + nonce); 0 turns the proof off. */
  difficulty: number;
  /** Without a nonce, a token is accepted this many seconds after it was issued (the page without scripts). */
  waitSeconds: number;
}

/** What a token says about itself, once its signature is checked. */
export interface ProofToken {
  id: string;
  issuedAt: Date;
  difficulty: number;
}

/** The signed part of a token: format, issue time in ms, difficulty and id. */
export function tokenPayload(t: ProofToken): string {
  return [FORMAT, String(t.issuedAt.getTime()), String(t.difficulty), t.id].join('.');
}

/** Reads a token's parts and its signature, or null when it is not a token at all. */
export function parseToken(token: string): { token: ProofToken; payload: string; signature: string } | null {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT) return null;
  const [, issued = '', difficulty = '', id = '', signature = ''] = parts;
  if (!/^\d{1,15}$/.test(issued) || !/^\d{1,2}$/.test(difficulty) || !/^[0-9a-f]{32}$/.test(id) || !/^[A-Za-z0-9_-]{20,100}$/.test(signature)) return null;
  const parsed = { id, issuedAt: new Date(Number(issued)), difficulty: Number(difficulty) };
  return { token: parsed, payload: tokenPayload(parsed), signature };
}

/** Leading zero bits of sha256(token + ':' + nonce). */
export function proofBits(token: string, nonce: string): number {
  const digest = createHash('sha256').update(`${token}:${nonce}`, 'utf8').digest();
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

/**
 * Checks a signed token's work or wait at `now`; throws PROOF_INVALID (too easy, wrong nonce),
 * PROOF_EXPIRED or PROOF_TOO_EARLY. Without a nonce, the token must have been issued
 * `waitSeconds` before: a person reading the form never notices, a script has to wait.
 */
export function assertProofDone(t: ProofToken, raw: string, nonce: string | undefined, settings: ProofSettings, now: Date): void {
  const age = now.getTime() - t.issuedAt.getTime();
  // Issued in the future by more than clock skew between processes: not ours.
  if (age < -60_000 || t.difficulty < settings.difficulty) throw new DomainError('PROOF_INVALID');
  if (age >= PROOF_TTL_SECONDS * 1000) throw new DomainError('PROOF_EXPIRED');
  if (nonce === undefined || nonce === '') {
    if (age < settings.waitSeconds * 1000) throw new DomainError('PROOF_TOO_EARLY', { waitSeconds: Math.ceil((settings.waitSeconds * 1000 - age) / 1000) });
    return;
  }
  if (nonce.length > MAX_NONCE_LENGTH || proofBits(raw, nonce) < t.difficulty) throw new DomainError('PROOF_INVALID');
}

/** A nonce that solves the token: for tests and tools (the page's script does the same in the browser). */
export function solveProof(token: string, difficulty: number): string {
  for (let n = 0; ; n++) if (proofBits(token, n.toString(36)) >= difficulty) return n.toString(36);
}
