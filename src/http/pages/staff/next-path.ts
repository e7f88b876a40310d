/** Staff pages a login may lead back to; anything else goes to the role's own page. */
const ALLOWED_PREFIXES = ['/staff', '/display/'];
const NEVER = ['/staff/login', '/staff/logout'];
const BASE = 'http://local.invalid';

/**
 * The `next` of a login link as a path on this server, or null. Only our own staff pages pass:
 * a `next` that leads to another host ("//evil.example", "/\evil.example", "https://…") would
 * turn our login page into a springboard for phishing.
 */
export function localNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > 500) return null;
  // Browsers read a backslash as a slash and drop tabs and newlines, so "/\host" means "//host".
  if (!next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next) || next.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname;
  if (!ALLOWED_PREFIXES.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) return null;
  if (NEVER.includes(path)) return null;
  return path + url.search;
}
