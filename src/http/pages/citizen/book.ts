import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { book } from '../../../app/booking/commands/book.js';
import type { AppContext } from '../../../app/shared/context.js';
import { getBookingChoices } from '../../../app/booking/queries/get-booking-choices.js';
import { requestLang } from '../../i18n.js';
import { parseInput, PersonFields, personOf, textField } from '../../validation.js';
import { type BookValues, bookPage } from '../../views/citizen/book.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import type { SlotRef } from '../../views/citizen/slot-picker.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { chosenSlot, slotField, typed } from './schemas.js';

const SlugParams = z.object({ slug: textField(64) });

const BookForm = PersonFields.extend({
  // A missing or odd key only loses the double-tap protection, never the booking.
  idempotencyKey: z.string().min(8).max(200).optional().catch(undefined),
  // The form's service is a choice, so a missing one reads as "choose a service".
  service: z.string({ error: () => 'UNKNOWN_SERVICE' }).trim().min(1, 'UNKNOWN_SERVICE').max(32, 'UNKNOWN_SERVICE'),
  slot: slotField,
});

const EMPTY: BookValues = { nik: '', name: '', phone: '', email: '', service: '' };

/** `/o/:slug`: the booking form, and booking by pressing one of its sessions. */
export function bookingPages(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    async function render(req: FastifyRequest, slug: string, values: BookValues, chosen?: SlotRef, errors?: FormErrors) {
      const lang = requestLang(req);
      const { office, services, days } = await getBookingChoices(ctx, { officeSlug: slug });
      return bookPage({
        lang,
        office,
        services: services.map((s) => ({ code: s.code, name: lang === 'en' ? s.name_en : s.name })),
        days,
        values,
        idempotencyKey: randomUUID(),
        chosen,
        errors,
      });
    }

    app.get('/o/:slug', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return sendPage(reply, await render(req, slug, EMPTY));
    });

    app.post('/o/:slug', { config: { limit: { bucket: 'booking' } } }, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(BookForm, body);
        const { booking } = await book(ctx, {
          officeSlug: slug,
          date: form.slot.date,
          sessionId: form.slot.sessionId,
          ...personOf(form),
          channel: 'online',
          idempotencyKey: form.idempotencyKey,
          lang: requestLang(req),
        });
        // POST, redirect, GET: a reload of the ticket never books again.
        return reply.redirect(`/t/${booking.code}`, 303);
      } catch (error) {
        const errors = toFormErrors(error, requestLang(req));
        const values = { nik: typed(body, 'nik', 40), name: typed(body, 'name', 120), phone: typed(body, 'phone', 40), email: typed(body, 'email', 254), service: typed(body, 'service', 32) };
        return sendPage(reply, await render(req, slug, values, chosenSlot(body), errors), 422);
      }
    });
  };
}
