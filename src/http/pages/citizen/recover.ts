import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recoverBookings } from '../../../app/booking/queries/recover-bookings.js';
import type { AppContext } from '../../../app/shared/context.js';
import { DomainError } from '../../../domain/errors.js';
import { requestLang } from '../../i18n.js';
import { presentBooking } from '../../presenters/booking.js';
import { nikField, parseInput, phoneField } from '../../validation.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import { recoverPage } from '../../views/citizen/recover.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { typed } from './schemas.js';
import { routePlugin } from '../../route-plugin.js';

const RecoverForm = z.object({ nik: nikField, phone: phoneField });

/** The form as typed, for giving it back. */
function typedValues(req: FastifyRequest) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return { nik: typed(body, 'nik', 40), phone: typed(body, 'phone', 40) };
}

/** `/t/lupa`: a lost code found again with the NIK and phone together, under the owner checks' limits. */
export function recoveryPages(ctx: AppContext) {
  return routePlugin('recoveryPages', async (app: FastifyInstance) => {
    const again = async (req: FastifyRequest, errors: FormErrors) => recoverPage({ lang: requestLang(req), values: typedValues(req), errors });

    app.get('/t/lupa', async (req, reply) => sendPage(reply, recoverPage({ lang: requestLang(req), values: { nik: '', phone: '' } })));

    // The answer depends on what was posted, so it is shown here rather than redirected to: no code goes into a URL the NIK was typed for.
    app.post('/t/lupa', { config: { limit: { bucket: 'booking', byCode: true, afterBody: true }, formPage: again } }, async (req, reply) => {
      const lang = requestLang(req);
      try {
        const form = parseInput(RecoverForm, req.body);
        const bookings = await recoverBookings(ctx, form);
        return sendPage(reply, recoverPage({ lang, values: { nik: '', phone: '' }, found: bookings.map((b) => presentBooking(b, lang)) }));
      } catch (error) {
        const errors = toFormErrors(error, lang);
        // The same status as the API: 404 for no match, 423 when locked, 422 for a malformed field.
        const status = error instanceof DomainError ? (error.code === 'OWNER_CHECK_LOCKED' ? 423 : 404) : 422;
        return sendPage(reply, await again(req, errors), status);
      }
    });
  });
}
