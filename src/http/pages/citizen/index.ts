import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/shared/context.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { toErrorResponse } from '../../errors.js';
import { requestLang } from '../../i18n.js';
import { errorPage } from '../../views/citizen/home.js';
import { bookingPages } from './book.js';
import { entryPages } from './entry.js';
import { changePages } from './change.js';
import { sendPage } from './render.js';
import { recoveryPages } from './recover.js';
import { privacyPages } from './privacy.js';
import { releasePages } from './releases.js';
import { ticketPages } from './ticket.js';
import { t } from '../../../texts/texts.js';
import { routePlugin } from '../../route-plugin.js';

/** What the citizen pages take from the server's HTTP settings. */
export interface CitizenPageOptions {
  /** Behind HTTPS: the language cookie is marked Secure. */
  trustProxy: boolean;
  /** The site's public address for share links and calendar files; see `absoluteUrl`. */
  publicUrl: string | undefined;
  /** The online booking's proof of work: see HttpOptions. */
  powDifficulty: number;
  powWaitSeconds: number;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/** The pages a citizen uses: home, booking form and its review, ticket, lookup, lost code, cancel and move. */
export function citizenPages(ctx: AppContext, opts: CitizenPageOptions) {
  return routePlugin('citizenPages', async (app: FastifyInstance) => {
    // `?lang=en` on any page is the visible switch; the cookie keeps the choice on later pages and posts.
    app.addHook('onRequest', async (req, reply) => {
      const lang = (req.query as Record<string, unknown> | undefined)?.lang;
      if (lang === 'id' || lang === 'en') {
        reply.setCookie('lang', lang, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true, secure: opts.trustProxy });
      }
    });

    // Errors that no form shows next to a field become a page in the citizen's language, not JSON.
    app.setErrorHandler(async (error: unknown, req, reply) => {
      const lang = requestLang(req);
      const notFound = (error instanceof DomainError && error.code === 'NOT_FOUND') || error instanceof InvalidInputError;
      const { status, body, retryAfterSeconds } = notFound ? { status: 404, body: undefined, retryAfterSeconds: undefined } : toErrorResponse(error, lang);
      if (status >= 500) req.log.error({ err: error }, 'page failed');
      if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
      const retryAfter = (error as { headers?: Record<string, string> }).headers;
      if (status === 429 && retryAfter) reply.headers(retryAfter);
      if (status === 429) {
        // Says what happened and when to retry; a form comes back with what was typed.
        const seconds = Number(reply.getHeader('retry-after')) || 60;
        const words = t(lang, 'citizen.rateLimitedText', { seconds });
        const formPage = req.routeOptions.config?.formPage;
        if (formPage && req.body && typeof req.body === 'object') {
          // The form's page may itself fail (an unknown code): the plain refusal page then says it.
          const page = await formPage(req, { fields: {}, form: words }).catch(() => undefined);
          if (page) return sendPage(reply, page, 429);
        }
        return sendPage(reply, errorPage(lang, t(lang, 'citizen.rateLimitedTitle'), t(lang, 'citizen.rateLimitedRetry', { seconds }), req.url.split('?')[0] ?? '/'), 429);
      }
      const title = status === 404 ? t(lang, 'citizen.notFoundTitle') : t(lang, 'citizen.errorTitle');
      const words = status === 404 ? t(lang, 'citizen.notFoundText') : (body?.error.message ?? '');
      return sendPage(reply, errorPage(lang, title, words, req.url.split('?')[0] ?? '/'), status);
    });

    await app.register(ticketPages(ctx, { publicUrl: opts.publicUrl }));
    await app.register(bookingPages(ctx, { difficulty: opts.powDifficulty, waitSeconds: opts.powWaitSeconds }));
    await app.register(entryPages(ctx));
    await app.register(changePages(ctx));
    await app.register(recoveryPages(ctx));
    await app.register(privacyPages(ctx));
    await app.register(releasePages(ctx));
  });
}
