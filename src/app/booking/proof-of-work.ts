import { randomBytes, timingSafeEqual } from 'node:crypto';
import { findIdempotencyKey } from '../../db/repositories/bookings.js';
import { spendProof } from '../../db/repositories/used-proofs.js';
import { DomainError } from '../../domain/errors.js';
import { assertProofDone, parseToken, PROOF_TTL_SECONDS, type ProofSettings, tokenPayload } from '../../domain/proof-of-work.js';
import { dataCipher } from '../../privacy/data-cipher.js';
import type { AppContext } from '../shared/context.js';

const PURPOSE = 'proof-of-work';

/** A challenge as the client gets it. */
export interface Challenge {
  token: string;
  difficulty: number;
  issuedAt: string;
  expiresAt: string;
  /** Seconds after `issuedAt` from which the token is accepted without a nonce. */
  waitSeconds: number;
}

/** A new challenge, signed so any process of the site can check it without storing it. */
export function issueChallenge(ctx: AppContext, settings: ProofSettings): Challenge {
  const issuedAt = new Date(ctx.now().getTime());
  const payload = tokenPayload({ id: randomBytes(16).toString('hex'), issuedAt, difficulty: settings.difficulty });
  return {
    token: `${payload}.${dataCipher().sign(PURPOSE, payload)}`,
    difficulty: settings.difficulty,
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + PROOF_TTL_SECONDS * 1000).toISOString(),
    waitSeconds: settings.waitSeconds,
  };
}

export interface RedeemProofOptions {
  /** The proof sent: the challenge's token and, when the page's script solved it, the nonce. */
  proof: { token: string; nonce?: string | undefined } | undefined;
  /** The request's idempotency key: a retry of a booking already made may carry its spent proof. */
  idempotencyKey?: string | undefined;
}

/**
 * Checks and spends the proof of an online booking request; throws PROOF_REQUIRED,
 * PROOF_INVALID, PROOF_EXPIRED, PROOF_TOO_EARLY or PROOF_REUSED. With difficulty 0 the proof is
 * off and anything passes. A token is spent once, across processes (the mark is in the database).
 */
export async function redeemProof(ctx: AppContext, settings: ProofSettings, opts: RedeemProofOptions): Promise<void> {
  if (settings.difficulty <= 0) return;
  if (!opts.proof || opts.proof.token === '') throw new DomainError('PROOF_REQUIRED');
  const parsed = parseToken(opts.proof.token);
  if (!parsed || !sameSignature(parsed.signature, dataCipher().sign(PURPOSE, parsed.payload))) throw new DomainError('PROOF_INVALID');
  const now = ctx.now();
  assertProofDone(parsed.token, opts.proof.token, opts.proof.nonce, settings, now);
  const expiresAt = new Date(parsed.token.issuedAt.getTime() + PROOF_TTL_SECONDS * 1000).toISOString();
  if (await spendProof(ctx.storage.db, parsed.token.id, expiresAt, now.toISOString())) return;
  // A retried request (same idempotency key) of a booking that was made: booking replays it.
  if (opts.idempotencyKey && (await findIdempotencyKey(ctx.storage.db, opts.idempotencyKey))) return;
  throw new DomainError('PROOF_REUSED');
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
