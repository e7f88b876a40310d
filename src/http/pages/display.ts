import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/shared/context.js';
import { getDisplayState } from '../../app/floor/queries/get-display-state.js';
import { parseInput, textField } from '../validation.js';
import { displayPage } from '../views/staff/display.js';
import { requirePageRole, sendStaffPage } from './staff/guard.js';
import { routePlugin } from '../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });

/**
 * `/display/:slug`, the waiting-room board. Any staff role may open it (a desk PC may show it on
 * a second screen); the TV itself logs in once as `display`, whose session lasts a month.
 */
export function displayPages(ctx: AppContext) {
  return routePlugin('displayPages', async (app: FastifyInstance) => {
    app.get('/display/:slug', { onRequest: requirePageRole('display', 'desk', 'counter', 'admin') }, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return sendStaffPage(reply, displayPage(await getDisplayState(ctx, { officeSlug: slug })));
    });
  });
}
