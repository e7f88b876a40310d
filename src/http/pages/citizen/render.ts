import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../../views/html.js';
import type { FormErrors } from '../../views/citizen/fields.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A citizen form's page again with what was typed and a problem for the whole form: how a
     * refusal before the handler (the request limit) keeps the citizen's input.
     */
    formPage?: (req: FastifyRequest, errors: FormErrors) => Promise<SafeHtml>;
  }
}

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
