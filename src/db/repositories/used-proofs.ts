import type { Executor } from './offices.js';

/**
 * Marks a proof-of-work token spent until it expires; false when it was spent before (by this
 * process or another). Expired marks are deleted on the way: a spent token past its expiry is
 * refused by its age anyway.
 */
export async function spendProof(db: Executor, tokenId: string, expiresAt: string, now: string): Promise<boolean> {
  await db.deleteFrom('used_proofs').where('expires_at', '<', now).execute();
  const row = await db
    .insertInto('used_proofs')
    .values({ token_id: tokenId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('token_id').doNothing())
    .returning('token_id')
    .executeTakeFirst();
  return row !== undefined;
}
