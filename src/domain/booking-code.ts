/**
 * Booking codes are read aloud over the phone and typed on cheap keyboards, so the alphabet
 * leaves out look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B) and lower case. 25 symbols × 9 places
 * give 41.8 bits, above the 40 bits that keep guessing hopeless behind a rate limit.
 */
export const BOOKING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const BOOKING_CODE_LENGTH = 9;

/** A fresh code; `randomInt(n)` must be a uniform cryptographic integer in [0, n). */
export function generateBookingCode(randomInt: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) {
    code += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  }
  return code;
}

/** Canonical form of what someone typed or scanned: upper case, separators dropped; null if it cannot be a code. */
export function normalizeBookingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length !== BOOKING_CODE_LENGTH) return null;
  for (const ch of code) if (!BOOKING_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/**
 * Whether typed text is a booking code rather than words: one token that reads as a code. A USB
 * scanner types the next person's code into whatever field has the focus, so a reason field
 * holding one means a new scan, never a reason.
 */
export function looksLikeBookingCode(input: string): boolean {
  const t = input.trim();
  return t !== '' && !/\s/.test(t) && normalizeBookingCode(t) !== null;
}

/** The code in groups of three, as printed and spoken: `K7M-PQ4-XRT`. */
export function formatBookingCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;
}
