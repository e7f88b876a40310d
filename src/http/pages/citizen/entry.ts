import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getEntry } from '../../../app/draw/queries/get-entry.js';
import type { AppContext } from '../../../app/shared/context.js';
import { requestLang } from '../../i18n.js';
import { parseInput } from '../../validation.js';
import { entryPage } from '../../views/citizen/entry.js';
import { sendPage } from './render.js';
import { routePlugin } from '../../route-plugin.js';

const EntryParams = z.object({ id: z.string().max(64) });

/** `/e/:id`: where the booking form sends a citizen entered in a release draw; waits for the result, then shows it. */
export function entryPages(ctx: AppContext) {
  return routePlugin('entryPages', async (app: FastifyInstance) => {
    // Read by its id, the entry's 144-bit secret: misses count against the miss budget like a
    // ticket code's, but no per-address budget holds a crowd behind one address (route-limits.ts).
    app.get('/e/:id', { config: { limit: { byCode: true } } }, async (req, reply) => {
      const { id } = parseInput(EntryParams, req.params);
      const entry = await getEntry(ctx, { id });
      return sendPage(reply, entryPage({ lang: requestLang(req), entry, now: ctx.now() }));
    });
  });
}
