import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../../views/html.js';

/**
 * Sends a page. Nothing is cached: remaining places change by the second, and a form carries a
 * fresh idempotency key that must not be reused from a cache.
 */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('vary', 'Accept-Language, Cookie')
    .type('text/html; charset=utf-8')
    .send(page.value);
}
