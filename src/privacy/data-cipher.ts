import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomFillSync } from 'node:crypto';

/** Bytes of a data key (AES-256). */
export const DATA_KEY_BYTES = 32;

/** A data key that cannot be used: wrong length, not base64, or not the database's key. */
export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

// The version of the sealed format; a later format gets `v2` and this one stays readable.
const FORMAT = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Reads a base64 data key of exactly 32 bytes; `source` names where it came from in the error. */
export function parseDataKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== DATA_KEY_BYTES) {
    throw new DataKeyError(`${source} must be ${DATA_KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`); got ${key.length === 0 ? 'no valid base64' : `${key.length} bytes`}.`);
  }
  return key;
}

/** A new random data key, base64. */
export function generateDataKey(): string {
  return randomBytes(DATA_KEY_BYTES).toString('base64');
}

/**
 * Random bytes for nonces, drawn from the cryptographic generator 256 nonces at a time: a
 * draw through Node's binding per value cost about 3% of a booking's CPU (a booking seals
 * several values). Each nonce is taken from the pool once and the pool refilled when used up,
 * so nonces stay as random and as unrepeated as with one draw each.
 */
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let noncesUsed = noncePool.length;

/** The next unused random nonce, valid until the next call (callers use it at once). */
function freshNonce(): Buffer {
  if (noncesUsed === noncePool.length) {
    randomFillSync(noncePool);
    noncesUsed = 0;
  }
  noncesUsed += NONCE_BYTES;
  return noncePool.subarray(noncesUsed - NONCE_BYTES, noncesUsed);
}

function derive(key: Buffer, info: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `antrean/${info}`, bytes));
}

/**
 * Seals personal data with one data key: AES-256-GCM with a random 12-byte nonce per value, and
 * a keyed hash (HMAC-SHA-256) for lookups by equality. The encryption key, the hash key and the
 * key id are each derived from the data key with HKDF, so none of them reveals another.
 * A sealed value reads `v1.<keyId>.<nonce>.<ciphertext+tag>` (base64url): the key id says which
 * key sealed it, so a rotation halfway through knows which rows are done.
 */
export class DataCipher {
  /** 8 hex digits naming this key; stored beside every sealed row and in the key check. */
  readonly keyId: string;
  readonly #encryptionKey: Buffer;
  readonly #hashKey: Buffer;
  readonly #dataKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== DATA_KEY_BYTES) throw new DataKeyError(`A data key has ${DATA_KEY_BYTES} bytes.`);
    this.keyId = derive(key, 'key-id', 4).toString('hex');
    this.#encryptionKey = derive(key, 'aes-256-gcm', 32);
    this.#hashKey = derive(key, 'hmac-sha-256', 32);
    this.#dataKey = Buffer.from(key);
  }

  /** The text encrypted under this key. */
  seal(text: string): string {
    const nonce = freshNonce();
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, nonce);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [FORMAT, this.keyId, nonce.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The text of a value sealed under this key; throws DataKeyError for another key or a damaged value. */
  open(sealed: string): string {
    const [format, keyId, nonce, body] = sealed.split('.');
    if (format !== FORMAT || nonce === undefined || body === undefined) throw new DataKeyError('Not a sealed value.');
    if (keyId !== this.keyId) throw new DataKeyError(`Value sealed under key ${keyId}, not ${this.keyId}.`);
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < TAG_BYTES) throw new DataKeyError('Damaged sealed value.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DataKeyError('A sealed value does not open with this key.');
    }
  }

  /**
   * A signature (HMAC-SHA-256, base64url) of `text` for one purpose, with a key derived from the
   * data key for that purpose alone: every process of the site shares it, nobody else has it.
   */
  sign(purpose: string, text: string): string {
    return createHmac('sha256', derive(this.#dataKey, `sign/${purpose}`, 32)).update(text, 'utf8').digest('base64url');
  }

  /** The keyed hash of a value already in its canonical form (a NIK's 16 digits, a `628…` number), hex. */
  lookupHash(canonical: string): string {
    return createHmac('sha256', this.#hashKey).update(canonical, 'utf8').digest('hex');
  }
}

/** The id of the key that sealed a value, or null for a value that is not sealed. */
export function sealedKeyId(value: string): string | null {
  const parts = value.split('.');
  return parts.length === 4 && parts[0] === FORMAT ? (parts[1] ?? null) : null;
}

let processCipher: DataCipher | undefined;

/**
 * Makes `cipher` the one repositories seal and open with. A process serves one database with
 * one key: the runtime installs it only after the database's key check accepted it.
 */
export function installDataCipher(cipher: DataCipher): void {
  processCipher = cipher;
}

/** The installed cipher; repositories call it. Throws when no key was checked and installed. */
export function dataCipher(): DataCipher {
  if (!processCipher) throw new DataKeyError('No data key is loaded: the database was opened without checking its key.');
  return processCipher;
}
