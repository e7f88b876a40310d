/** Punctuation people put in phone numbers: `0812-3456-789`, `(0812) 3456.789`. */
const PUNCTUATION = /[\s.\-()]/g;

/*
 * Prefixes in front of the national significant number: `+62`, `0062`, `62`, a trunk `0`,
 * or nothing. `62 0` covers the common `+62 (0)812…`.
 */
const PREFIX = /^(?:\+62|0062|62)?0?/;

/*
 * Mobile numbers start with 8 and have 9–12 digits after the country code (`0811-123-456` to
 * `0812-3456-78901`); landlines start with another digit and are refused, since WhatsApp and
 * SMS reach only mobiles.
 */
const MOBILE_NSN = /^8[0-9]{8,11}$/;

/** An Indonesian mobile number in any common form as `628…` digits, or null if it is not one. */
export function normalizeMobilePhone(input: string): string | null {
  const compact = input.replace(PUNCTUATION, '');
  const nsn = compact.replace(PREFIX, '');
  return MOBILE_NSN.test(nsn) ? `62${nsn}` : null;
}

/** A stored `628…` number with its middle hidden: `6281*****789`. */
export function maskPhone(phone628: string): string {
  const hidden = phone628.length - 7;
  // Too short to show 7 digits and still hide some: hide all of it.
  if (hidden < 1) return '*'.repeat(phone628.length);
  return `${phone628.slice(0, 4)}${'*'.repeat(hidden)}${phone628.slice(-3)}`;
}
