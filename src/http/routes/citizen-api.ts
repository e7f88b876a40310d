import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { book } from '../../app/book.js';
import { cancelBooking } from '../../app/cancel-booking.js';
import type { AppContext } from '../../app/context.js';
import { getAvailability } from '../../app/get-availability.js';
import { getBooking } from '../../app/get-booking.js';
import { listOffices } from '../../app/list-offices.js';
import { listServices } from '../../app/list-services.js';
import { rescheduleBooking } from '../../app/reschedule-booking.js';
import { requestLang } from '../i18n.js';
import { presentDays } from '../presenters/availability.js';
import { presentBooking, presentBookingToCodeHolder } from '../presenters/booking.js';
import { bookingCodeField, dateField, idField, nameField, nikField, parseInput, phoneField, textField } from '../validation.js';

const SlugParams = z.object({ slug: textField(64) });
const CodeParams = z.object({ code: bookingCodeField });

const AvailabilityQuery = z.object({
  from: dateField.optional(),
  days: z
    .string()
    .regex(/^\d{1,3}$/, 'NUMBER_INVALID')
    .transform(Number)
    .pipe(z.number().int().min(1, 'NUMBER_INVALID').max(60, 'NUMBER_INVALID'))
    .default(14),
  lang: z.enum(['id', 'en']).optional(),
});

/** The body of a booking request, shared with the desk's assisted booking. */
export const BookingBody = z.object({
  office: textField(64),
  date: dateField,
  sessionId: idField('SESSION_INVALID'),
  service: textField(32),
  nik: nikField,
  name: nameField,
  phone: phoneField,
});

const CancelBody = z.object({ nik: nikField });
const RescheduleBody = z.object({ nik: nikField, date: dateField, sessionId: idField('SESSION_INVALID') });

/** An Idempotency-Key is an opaque client token; bound its size so it cannot bloat the table. */
const IdempotencyKey = z.string().min(8).max(200).optional();

/** The JSON API a citizen's phone (or any client) books through. */
export function citizenApiRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/offices', async () => {
      const offices = await listOffices(ctx);
      return { offices: offices.map((o) => ({ slug: o.slug, name: o.name, timezone: o.timezone })) };
    });

    app.get('/offices/:slug/services', async (req) => {
      const { slug } = parseInput(SlugParams, req.params);
      const lang = requestLang(req);
      const services = await listServices(ctx, slug);
      return {
        services: services.map((s) => ({
          code: s.code,
          name: lang === 'en' ? s.name_en : s.name,
          documents: JSON.parse(s.documents) as string[],
          needsPresence: s.needs_presence === 1,
        })),
      };
    });

    app.get('/offices/:slug/availability', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = parseInput(AvailabilityQuery, req.query);
      const { office, days } = await getAvailability(ctx, { officeSlug: slug, from: q.from, days: q.days });
      // Remaining places change by the second; a cache would show sessions as open that are full.
      reply.header('cache-control', 'no-store');
      return { office: office.slug, timezone: office.timezone, days: presentDays(days, requestLang(req)) };
    });

    app.post('/bookings', { config: { limit: { bucket: 'booking' } } }, async (req, reply) => {
      const body = parseInput(BookingBody, req.body);
      const key = parseInput(z.object({ 'idempotency-key': IdempotencyKey }), req.headers)['idempotency-key'];
      const result = await book(ctx, {
        officeSlug: body.office,
        date: body.date,
        sessionId: body.sessionId,
        serviceCode: body.service,
        nik: body.nik,
        name: body.name,
        phone: body.phone,
        channel: 'online',
        idempotencyKey: key,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ booking: presentBooking(result.booking, requestLang(req)) });
    });

    app.get('/bookings/:code', { config: { limit: { bucket: 'lookup', byCode: true } } }, async (req) => {
      const { code } = parseInput(CodeParams, req.params);
      // The code alone is not proof of who booked: no full name, no phone.
      return { booking: presentBookingToCodeHolder(await getBooking(ctx, code), requestLang(req)) };
    });

    app.post('/bookings/:code/cancel', { config: { limit: { bucket: 'booking', byCode: true } } }, async (req) => {
      const { code } = parseInput(CodeParams, req.params);
      const body = parseInput(CancelBody, req.body);
      return { booking: presentBooking(await cancelBooking(ctx, { code, nik: body.nik }), requestLang(req)) };
    });

    app.post('/bookings/:code/reschedule', { config: { limit: { bucket: 'booking', byCode: true } } }, async (req) => {
      const { code } = parseInput(CodeParams, req.params);
      const body = parseInput(RescheduleBody, req.body);
      const moved = await rescheduleBooking(ctx, { code, nik: body.nik, date: body.date, sessionId: body.sessionId });
      return { booking: presentBooking(moved, requestLang(req)) };
    });
  };
}
