import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookOrEnter } from '../../app/draw/commands/book-or-enter.js';
import { getEntry } from '../../app/draw/queries/get-entry.js';
import { EntrySchema, presentEntry } from '../presenters/entry.js';
import { cancelBooking } from '../../app/booking/commands/cancel-booking.js';
import type { AppContext } from '../../app/shared/context.js';
import { getAvailabilityAnswer } from '../../app/booking/queries/get-availability.js';
import { sendKeptJson } from '../precompressed.js';
import { getBooking } from '../../app/booking/queries/get-booking.js';
import { listOffices } from '../../app/office/queries/list-offices.js';
import { listOfficeServices } from '../../app/office/queries/list-office-services.js';
import { rescheduleBooking } from '../../app/booking/commands/reschedule-booking.js';
import { issueChallenge, redeemProof } from '../../app/booking/proof-of-work.js';
import { MAX_NONCE_LENGTH, type ProofSettings } from '../../domain/proof-of-work.js';
import { requestLang } from '../i18n.js';
import { eraseOwnData } from '../../app/privacy/commands/erase-own-data.js';
import { getOwnData } from '../../app/privacy/queries/get-own-data.js';
import { OwnDataSchema, presentOwnData } from '../presenters/own-data.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { DaySchema, presentDays } from '../presenters/availability.js';
import { presentService, ServiceSchema } from '../presenters/service.js';
import { BookingSchema, presentBooking, presentBookingToCodeHolder } from '../presenters/booking.js';
import { BookingWithPlaceSchema, presentPlace } from '../presenters/ticket-progress.js';
import { getTicketProgress } from '../../app/booking/queries/get-ticket-progress.js';
import { recoverBookings } from '../../app/booking/queries/recover-bookings.js';
import { answerSurvey } from '../../app/booking/commands/answer-survey.js';
import { SurveyAnswersSchema } from '../presenters/satisfaction.js';
import type { SurveyAnswers } from '../../domain/satisfaction.js';
import { bookingCodeField, dateField, idField, nikField, PersonFields, personOf, phoneField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

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

/** The body of a booking request: where and when, and the person (parsed as at every booking entry). */
const BookingBody = PersonFields.extend({
  office: textField(64),
  date: dateField,
  sessionId: idField('SESSION_INVALID'),
  proof: z
    .object({
      token: z.string({ error: 'INVALID' }).max(300, 'TOO_LONG').describe('The token of `GET /api/v1/challenge`'),
      nonce: z.string({ error: 'INVALID' }).max(MAX_NONCE_LENGTH, 'TOO_LONG').optional().describe("Makes sha256(token + ':' + nonce) start with `difficulty` zero bits; without it the token is accepted `waitSeconds` after issue"),
    })
    .optional()
    .describe('The solved proof of work; required unless the server runs with POW_DIFFICULTY=0. Each token books once.'),
});
const ChallengeAnswer = z.object({
  challenge: z.object({
    token: z.string().describe('Signed, stateless: any process of the site checks it'),
    difficulty: z.number().int().describe("Leading zero bits sha256(token + ':' + nonce) must have; 0: the proof is off"),
    issuedAt: z.string(),
    expiresAt: z.string(),
    waitSeconds: z.number().int().describe('From this many seconds after issue the token is accepted without a nonce'),
  }),
});

const CancelBody = z.object({ nik: nikField });
const SurveyBody = z.object({ answers: SurveyAnswersSchema });
const OwnerBody = z.object({ nik: nikField.describe('The NIK the booking was made with') });
const ErasedAnswer = z.object({ erased: z.literal(true), code: z.string(), cancelled: z.boolean().describe('A booking still ahead was cancelled with it') });
const RescheduleBody = z.object({ nik: nikField, date: dateField, sessionId: idField('SESSION_INVALID') });

/** An Idempotency-Key is an opaque client token; bound its size so it cannot bloat the table. */
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().min(8, 'INVALID').max(200, 'TOO_LONG').optional().describe('Makes a retried booking safe: the same key replays the first answer'),
});

const OfficesAnswer = z.object({ offices: z.array(z.object({ slug: z.string(), name: z.string(), timezone: z.string() })) });
const ServicesAnswer = z.object({ services: z.array(ServiceSchema) });
const ServicesQuery = z.object({
  includeInactive: z.enum(['true', 'false'], { error: 'BOOLEAN_INVALID' }).optional().describe('true: switched-off services too, for the admin'),
});
const AvailabilityAnswer = z.object({ office: z.string(), timezone: z.string(), days: z.array(DaySchema) });
const BookingAnswer = z.object({ booking: BookingSchema });
const EntryAnswer = z.object({ entry: EntrySchema });
const EntryParams = z.object({ id: z.string().max(64, 'TOO_LONG') });
const BookingWithPlaceAnswer = z.object({ booking: BookingWithPlaceSchema });
const RecoverBody = z.object({ nik: nikField, phone: phoneField.describe('The phone the booking was made with: 08…, +62… or 62…') });
const RecoverAnswer = z.object({ bookings: z.array(BookingSchema).describe('The active bookings of the NIK made with that phone') });

const CITIZEN = ['citizen'];

/** The JSON API a citizen's phone (or any client) books through. */
export function citizenApiRoutes(ctx: AppContext, proof: ProofSettings) {
  return routePlugin('citizenApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/challenge',
      { schema: { tags: CITIZEN, summary: 'A proof-of-work challenge for one online booking', response: { 200: ChallengeAnswer, ...ERROR_RESPONSES } } },
      async (_req, reply) => {
        reply.header('cache-control', 'no-store');
        return { challenge: issueChallenge(ctx, proof) };
      },
    );

    app.get('/offices', { schema: { tags: CITIZEN, summary: 'The offices', response: { 200: OfficesAnswer, ...ERROR_RESPONSES } } }, async () => {
      const offices = await listOffices(ctx);
      return { offices: offices.map((o) => ({ slug: o.slug, name: o.name, timezone: o.timezone })) };
    });

    app.get(
      '/offices/:slug/services',
      {
        schema: {
          tags: CITIZEN,
          summary: 'Services of an office in their order, with the documents to bring',
          params: SlugParams,
          querystring: ServicesQuery,
          response: { 200: ServicesAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        const services = await listOfficeServices(ctx, { officeSlug: req.params.slug, includeInactive: req.query.includeInactive === 'true' });
        return { services: services.map((s, i) => presentService(s, lang, i + 1)) };
      },
    );

    app.get(
      '/offices/:slug/availability',
      {
        schema: {
          tags: CITIZEN,
          summary: 'Every date from `from` for `days` days: closed ones with a reason, sessions with places',
          params: SlugParams,
          querystring: AvailabilityQuery,
          response: { 200: AvailabilityAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const lang = requestLang(req);
        // Serialized once per process and change (see getAvailabilityAnswer), checked against the schema then.
        const body = await getAvailabilityAnswer(ctx, {
          officeSlug: req.params.slug,
          from: req.query.from,
          days: req.query.days,
          variant: lang,
          // Bytes, not a string: kept and written many times, encoded (and compressed) once.
          render: ({ office, days }) =>
            Buffer.from(JSON.stringify(z.encode(AvailabilityAnswer, { office: office.slug, timezone: office.timezone, days: presentDays(days, lang, office.timezone) }))),
        });
        // Remaining places change by the second; a cache in the browser or a proxy would show sessions as open that are full.
        reply.header('cache-control', 'no-store');
        return sendKeptJson(req, reply, body);
      },
    );

    app.post(
      '/bookings',
      {
        config: { limit: { bucket: 'booking' as const } },
        schema: {
          tags: CITIZEN,
          summary:
            'Book a place in a session; within the draw window after a release (`drawSeconds` after each wave) the person is entered in the draw instead: 202 with the entry, its result at GET /entries/:id',
          headers: IdempotencyHeaders,
          body: BookingBody,
          response: { 201: BookingAnswer, 202: EntryAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const body = req.body;
        await redeemProof(ctx, proof, { proof: body.proof, idempotencyKey: req.headers['idempotency-key'] });
        const result = await bookOrEnter(ctx, {
          officeSlug: body.office,
          date: body.date,
          sessionId: body.sessionId,
          channel: 'online',
          idempotencyKey: req.headers['idempotency-key'],
          lang: requestLang(req),
          ...personOf(body),
        });
        if (result.kind === 'entered') return reply.status(202).send({ entry: presentEntry(result.entry, requestLang(req)) });
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send({ booking: presentBooking(result.booking, requestLang(req)) });
      },
    );

    app.get(
      '/entries/:id',
      {
        // Read by a 144-bit secret: guessing is bounded by the miss budget, never a crowd behind one address.
        config: { limit: { byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'An entry in a release draw by its id: entered (waiting), booked (with the booking) or unplaced (with the next days that have places)',
          params: EntryParams,
          response: { 200: EntryAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const entry = await getEntry(ctx, { id: req.params.id });
        reply.header('cache-control', 'no-store');
        return { entry: presentEntry(entry, requestLang(req)) };
      },
    );

    app.get(
      '/bookings/:code',
      {
        config: { limit: { bucket: 'lookup' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'A booking by its code, with its place in today\'s line once checked in: to the code alone, the name as initials and no phone',
          params: CodeParams,
          response: { 200: BookingWithPlaceAnswer, ...ERROR_RESPONSES },
        },
      },
      // The code alone is not proof of who booked: no full name, no phone.
      async (req, reply) => {
        const booking = await getBooking(ctx, { code: req.params.code });
        const progress = await getTicketProgress(ctx, booking);
        // The place changes with every call at the office.
        reply.header('cache-control', 'no-store');
        return { booking: { ...presentBookingToCodeHolder(booking, requestLang(req)), ...presentPlace(booking, progress) } };
      },
    );

    app.post(
      '/bookings/recover',
      {
        // Counted like the owner checks: per address, and every refusal draws on the process's miss budget.
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'A lost code: the active bookings of a NIK made with that phone; the same 404 for a wrong NIK or a wrong phone',
          body: RecoverBody,
          response: { 200: RecoverAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const bookings = await recoverBookings(ctx, { nik: req.body.nik, phone: req.body.phone });
        return { bookings: bookings.map((b) => presentBooking(b, requestLang(req))) };
      },
    );

    app.post(
      '/bookings/:code/cancel',
      {
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: { tags: CITIZEN, summary: 'Cancel with the NIK the booking was made with; the place is freed', params: CodeParams, body: CancelBody, response: { 200: BookingAnswer, ...ERROR_RESPONSES } },
      },
      async (req) => ({ booking: presentBooking(await cancelBooking(ctx, { code: req.params.code, nik: req.body.nik }), requestLang(req)) }),
    );

    app.post(
      '/bookings/:code/data',
      {
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: "Everything kept about a booking, for the NIK it was made with (the citizen's copy, also as a download on /t/:code/data); the same 404 for a wrong NIK or code",
          params: CodeParams,
          body: OwnerBody,
          response: { 200: OwnDataSchema, ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return presentOwnData(await getOwnData(ctx, { code: req.params.code, nik: req.body.nik }), requestLang(req));
      },
    );

    app.post(
      '/bookings/:code/data/erase',
      {
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'Erase the personal data of a booking at once, with its NIK; a booking still ahead is cancelled with it (409 VISIT_IN_PROGRESS while it is on the floor today)',
          params: CodeParams,
          body: OwnerBody,
          response: { 200: ErasedAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const erased = await eraseOwnData(ctx, { code: req.params.code, nik: req.body.nik });
        return { erased: true as const, code: erased.code, cancelled: erased.cancelled };
      },
    );

    app.post(
      '/bookings/:code/reschedule',
      {
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'Move to another session with the NIK; the old place is kept if the new one is taken',
          params: CodeParams,
          body: RescheduleBody,
          response: { 200: BookingAnswer, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const moved = await rescheduleBooking(ctx, { code: req.params.code, nik: req.body.nik, date: req.body.date, sessionId: req.body.sessionId });
        return { booking: presentBooking(moved, requestLang(req)) };
      },
    );

    app.post(
      '/bookings/:code/survey',
      {
        config: { limit: { bucket: 'booking' as const, byCode: true } },
        schema: {
          tags: CITIZEN,
          summary: 'Answer the satisfaction survey of a finished visit, once per ticket; the answers are stored without the booking',
          params: CodeParams,
          body: SurveyBody,
          response: { 201: z.object({ answered: z.literal(true) }), ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        await answerSurvey(ctx, { code: req.params.code, answers: req.body.answers as SurveyAnswers });
        return reply.status(201).send({ answered: true as const });
      },
    );
  });
}
