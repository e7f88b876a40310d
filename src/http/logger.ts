import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches a log line (UU PDP): NIK and phone fields are censored wherever
 * they appear, and long digit runs in URLs (a NIK or phone in a query) are masked.
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

/** A URL with every run of 9 or more digits replaced, so a NIK or phone in it cannot leak. */
export function maskDigitsInUrl(url: string): string {
  return url.replace(/(?:\d[\s.\-+%20]*){9,}/g, '[masked]');
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
        url: maskDigitsInUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
