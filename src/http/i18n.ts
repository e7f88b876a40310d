import type { FastifyRequest } from 'fastify';
import type { Lang } from '../texts/lang.js';

/**
 * The language of an answer: an explicit `lang` query or cookie first (the page's switch), then
 * the browser's Accept-Language, then Indonesian, the language of the people served.
 */
export function requestLang(req: FastifyRequest): Lang {
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  if (query === 'en' || query === 'id') return query;
  const cookie = (req as { cookies?: Record<string, string | undefined> }).cookies?.lang;
  if (cookie === 'en' || cookie === 'id') return cookie;
  return langFromAcceptLanguage(req.headers['accept-language']);
}

/**
 * The preferred of Indonesian and English in an Accept-Language header, by quality. Kept by hand
 * rather than taken from `negotiator`: two languages need a dozen lines, and it also reads `in`,
 * the old code for Indonesian that some phones still send.
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'id';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const primary = tag.split('-')[0];
    const lang = primary === 'id' || primary === 'in' ? 'id' : primary === 'en' ? 'en' : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'id';
}
