import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Encodings offered, preferred first; build-app.ts gives the compress plugin the same. */
export const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Below this a compressed body saves less than its headers cost; the compress plugin's threshold too. */
export const THRESHOLD_BYTES = 1024;

/** Each kept body's compressed forms, made on first ask and dropped with the body. */
const encoded = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();

function compress(body: Buffer, encoding: Encoding): Buffer {
  let forms = encoded.get(body);
  if (!forms) encoded.set(body, (forms = {}));
  // Brotli quality 4, as the compress plugin: the body is kept, but a rush makes it anew after each booking.
  forms[encoding] ??= encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(body);
  return forms[encoding];
}

function acceptedEncoding(req: FastifyRequest): Encoding | undefined {
  const header = req.headers['accept-encoding'];
  if (!header) return undefined;
  // As the compress plugin reads it: `*` and `x-gzip` mean gzip.
  const chosen = negotiate(header.toLowerCase().replace(/\*|x-gzip/g, 'gzip'), [...ENCODINGS]);
  return ENCODINGS.find((e) => e === chosen);
}

/**
 * Sends a JSON body that is kept and served many times (a cached answer), compressed once per
 * body and encoding instead of once per request: behind a phone's `Accept-Encoding` the
 * compress plugin would brotli the same bytes again for every poll. The compress plugin leaves
 * an answer that already carries Content-Encoding alone.
 */
export function sendKeptJson(req: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (body.length < THRESHOLD_BYTES) return reply.send(body);
  reply.header('vary', 'accept-encoding');
  const encoding = acceptedEncoding(req);
  if (!encoding) return reply.send(body);
  reply.header('content-encoding', encoding);
  return reply.send(compress(body, encoding));
}
