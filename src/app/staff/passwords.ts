import { hash, verify } from '@node-rs/argon2';

/*
 * Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum,
 * about 20 ms a hash, so a login costs little to the server and much to an attacker.
 */

/** The Argon2id hash of a password, in PHC string form (`$argon2id$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether a password matches a stored hash; a malformed hash simply does not match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for usernames that do not exist, so the
 * answer's timing does not tell an attacker which usernames are real.
 */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hash('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
}
