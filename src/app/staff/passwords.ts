import { hash, verify } from '@node-rs/argon2';

/** How much work one password hash takes: Argon2id's memory and passes (one lane). */
export interface PasswordCost {
  memoryKiB: number;
  passes: number;
}

/**
 * OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane): about 20 ms a hash, so a
 * login costs little to the server and much to an attacker. Every server uses it; the cost is
 * written into each hash, so a hash made at another cost still verifies.
 */
export const STANDARD_PASSWORD_COST: PasswordCost = { memoryKiB: 19_456, passes: 2 };

/** The Argon2id hash of a password, in PHC string form (`$argon2id$…`). */
export function hashPassword(password: string, cost: PasswordCost = STANDARD_PASSWORD_COST): Promise<string> {
  // The library's algorithm is Argon2id by default (its enum is a const enum, out of reach here).
  return hash(password, { memoryCost: cost.memoryKiB, timeCost: cost.passes, parallelism: 1 });
}

/** Whether a password matches a stored hash; a malformed hash simply does not match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** One decoy hash per cost, made when first needed. */
const decoys = new Map<string, Promise<string>>();

/**
 * Spends the same work as checking a real password, for usernames that do not exist, so the
 * answer's timing does not tell an attacker which usernames are real.
 */
export async function verifyDecoy(password: string, cost: PasswordCost = STANDARD_PASSWORD_COST): Promise<void> {
  const key = `${cost.memoryKiB}/${cost.passes}`;
  let decoy = decoys.get(key);
  if (!decoy) decoys.set(key, (decoy = hashPassword('decoy password that matches nothing', cost)));
  await verifyPassword(await decoy, password);
}

// No look-alikes (0/O, 1/l/I): the password is read off a screen or terminal and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new random password: 20 characters of a 56-letter alphabet, about 116 bits. */
export function generatePassword(randomInt: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
