import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getReleases } from '../../app/draw/queries/get-releases.js';
import type { AppContext } from '../../app/shared/context.js';
import { MAX_RELEASE_REPORT_DAYS } from '../../domain/release-report.js';
import { requestLang } from '../i18n.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { presentReleaseDays, ReleaseDaySchema } from '../presenters/releases.js';
import { dateField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const RangeQuery = z.object({
  from: dateField.optional().describe('First date of service, YYYY-MM-DD; by default 14 days before today'),
  to: dateField.optional().describe(`Last date, included; by default the last day already released; at most ${MAX_RELEASE_REPORT_DAYS} days from from`),
  lang: z.enum(['id', 'en']).optional(),
});
const ReleasesAnswer = z.object({ office: z.string(), timezone: z.string(), from: z.string(), to: z.string(), days: z.array(ReleaseDaySchema) });

/** Seconds a cache may keep the answer: a rush is still seen within them, and a crowd of readers costs one query. */
export const RELEASES_MAX_AGE_SECONDS = 5;

/** The public account of releases: anyone may check how a day's places went. */
export function releasesApiRoutes(ctx: AppContext) {
  return routePlugin('releasesApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/offices/:slug/releases',
      {
        schema: {
          tags: ['citizen'],
          summary:
            'Per day of service: places, held for the desk, released online, taken in the draw and after, by the desk, cancelled, each wave\'s draw (entrants, placed, seed once made) and when the online places were all taken. Public, no personal data',
          params: SlugParams,
          querystring: RangeQuery,
          response: { 200: ReleasesAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const r = await getReleases(ctx, { officeSlug: req.params.slug, from: req.query.from, to: req.query.to });
        reply.header('cache-control', `public, max-age=${RELEASES_MAX_AGE_SECONDS}`).header('vary', 'Accept-Language, Cookie');
        return { office: r.office.slug, timezone: r.office.timezone, from: r.from, to: r.to, days: presentReleaseDays(r.days, requestLang(req)) };
      },
    );
  });
}
