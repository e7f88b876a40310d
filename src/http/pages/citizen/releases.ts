import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { logoUrlOf } from '../../../app/office/office-settings.js';
import { getReleases } from '../../../app/draw/queries/get-releases.js';
import type { AppContext } from '../../../app/shared/context.js';
import { requestLang } from '../../i18n.js';
import { RELEASES_MAX_AGE_SECONDS } from '../../routes/releases-api.js';
import { dateField, parseInput, textField } from '../../validation.js';
import { releasesPage } from '../../views/citizen/releases.js';
import { routePlugin } from '../../route-plugin.js';

const Params = z.object({ slug: textField(64) });
const Query = z.object({ from: dateField.optional(), to: dateField.optional() });

/** `/o/:slug/pembukaan`: the public page of releases, the API's figures for people. */
export function releasePages(ctx: AppContext) {
  return routePlugin('releasePages', async (app: FastifyInstance) => {
    app.get('/o/:slug/pembukaan', async (req, reply) => {
      const { slug } = parseInput(Params, req.params);
      const { from, to } = parseInput(Query, req.query);
      const r = await getReleases(ctx, { officeSlug: slug, from, to });
      const page = releasesPage({
        lang: requestLang(req),
        office: { slug: r.office.slug, name: r.office.name, timezone: r.office.timezone },
        logoUrl: logoUrlOf(r.office),
        drawSeconds: Number(r.office.draw_seconds),
        from: r.from,
        to: r.to,
        days: r.days,
        now: ctx.now(),
      });
      // Public figures, the same for everyone: a few seconds of cache take a crowd off the database.
      // A `?lang=` answer sets the language cookie, which no shared cache may hand to others.
      const shared = (req.query as Record<string, unknown>).lang === undefined;
      return reply
        .header('cache-control', `${shared ? 'public' : 'private'}, max-age=${RELEASES_MAX_AGE_SECONDS}`)
        .header('vary', 'Accept-Language, Cookie')
        .type('text/html; charset=utf-8')
        .send(page.value);
    });
  });
}
