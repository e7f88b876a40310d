/*
 * An email address as people type it: something@domain.tld, no spaces, at most 254 characters
 * (the SMTP limit). Deliverability is the mail server's to judge; this only refuses typos that
 * could never be an address.
 */
const EMAIL = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\].]{2,}$/;

/** The address trimmed, with its domain in lower case, or null when it cannot be one. An empty input is no address. */
export function normalizeEmail(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}${trimmed.slice(at).toLowerCase()}`;
}

/** `s***@example.com`: the first character and the domain, for lists and logs. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
