import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits) for a session cookie or a CSRF field. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The database key of a session token: its SHA-256. Only the browser holds the token itself,
 * so someone who reads the sessions table (a backup, a replica) cannot log in with it.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
