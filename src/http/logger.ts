import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches a log line (UU PDP): NIK and phone fields are censored wherever
 * they appear, and logged URLs lose booking codes, query values and long digit runs (redactUrl).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'nik',
  'phone',
  '*.nik',
  '*.phone',
  '*.*.nik',
  '*.*.phone',
  'body.nik',
  'body.phone',
  'password',
  '*.password',
];

/** Path segments followed by a booking code: the ticket, the API and the desk's receipt. */
const CODE_PARENTS = new Set(['t', 'bookings', 'receipt']);

/** Query parameters that never carry personal data or a code; every other value is hidden. */
const SAFE_QUERY_KEYS = new Set(['lang', 'from', 'days', 'ok', 'fresh']);

/**
 * A URL fit for a log line. Percent-escapes are decoded first (repeatedly, as a router or a
 * proxy might), so `%2D` or `%252D` between a NIK's digits cannot slip past the masks. A booking
 * code is a bearer secret: the segment after `/t/`, `/bookings/` or `/receipt/` is replaced,
 * and so is every query value but a few harmless ones (`?q=` holds a NIK, a name or a code).
 * Any run of 9 or more digits left, whatever separates them, is masked too.
 */
export function redactUrl(url: string): string {
  const decoded = decodeRepeatedly(url);
  const mark = decoded.indexOf('?');
  const path = mark === -1 ? decoded : decoded.slice(0, mark);
  const segments = path.split('/');
  const redactedPath = segments.map((s, i) => (i > 0 && CODE_PARENTS.has((segments[i - 1] ?? '').toLowerCase()) && s !== '' ? '[code]' : s)).join('/');
  const query =
    mark === -1
      ? ''
      : `?${decoded
          .slice(mark + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            const key = eq === -1 ? pair : pair.slice(0, eq);
            return eq === -1 || SAFE_QUERY_KEYS.has(key) ? pair : `${key}=[redacted]`;
          })
          .join('&')}`;
  return `${redactedPath}${query}`.replace(/(?:\d[^A-Za-z0-9]*){9,}/g, '[masked]');
}

/** Percent-escapes decoded until none are left (at most a few rounds); malformed ones stay as they are. */
function decodeRepeatedly(url: string): string {
  let current = url;
  for (let round = 0; round < 4; round++) {
    const next = current.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The process's JSON logger. `destination` lets tests capture every line. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
