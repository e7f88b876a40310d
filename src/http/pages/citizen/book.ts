import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { issueChallenge, redeemProof } from '../../../app/booking/proof-of-work.js';
import type { ProofSettings } from '../../../domain/proof-of-work.js';
import type { FormProof } from '../../views/citizen/proof-fields.js';
import { bookOrEnter } from '../../../app/draw/commands/book-or-enter.js';
import type { AppContext } from '../../../app/shared/context.js';
import { type BookingChoices, getBookingChoices, getBookingChoicesAnswer } from '../../../app/booking/queries/get-booking-choices.js';
import { assertBookable } from '../../../domain/availability.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { maskNik } from '../../../domain/nik.js';
import { decodeLogo } from '../../../domain/office-settings.js';
import { getOffice } from '../../../app/office/queries/get-office.js';
import { logoUrlOf } from '../../../app/office/office-settings.js';
import { nearestSessionWithPlaces } from '../../../domain/next-open-day.js';
import { normalizePersonName } from '../../../domain/person-name.js';
import { requestLang } from '../../i18n.js';
import { parseInput, PersonFields, personOf, textField } from '../../validation.js';
import { type BookValues, bookPage, bookSlots } from '../../views/citizen/book.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import { reviewPage } from '../../views/citizen/review.js';
import type { SlotRef } from '../../views/citizen/slot-picker.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { chosenSlot, slotField, typed } from './schemas.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { t } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';
import { routePlugin } from '../../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });

const BookForm = PersonFields.extend({
  // A missing or odd key only loses the double-tap protection, never the booking.
  idempotencyKey: z.string().min(8).max(200).optional().catch(undefined),
  // The form's service is a choice, so a missing one reads as "choose a service".
  service: z.string({ error: () => 'UNKNOWN_SERVICE' }).trim().min(1, 'UNKNOWN_SERVICE').max(32, 'UNKNOWN_SERVICE'),
  slot: slotField,
});

/**
 * Which button sent the form: a session (none: show the review), "Ambil nomor" on the review
 * (`confirm`: book), or "Ubah" (`edit`: the form again with everything kept).
 */
const Step = z.enum(['confirm', 'edit']).optional().catch(undefined);

const EMPTY: BookValues = { nik: '', name: '', phone: '', email: '', service: '' };

/** The form's fields as typed, for giving them back. */
function typedValues(body: Record<string, unknown>): BookValues {
  return { nik: typed(body, 'nik', 40), name: typed(body, 'name', 120), phone: typed(body, 'phone', 40), email: typed(body, 'email', 254), service: typed(body, 'service', 32) };
}

/** The proof of work the form sent, to carry to the next step; undefined when it sent none. */
function sentProof(body: Record<string, unknown>, difficulty: number): FormProof | undefined {
  const token = typed(body, 'proofToken', 300);
  return token ? { token, difficulty, nonce: typed(body, 'proofNonce', 64) } : undefined;
}

/** The review of a parsed form at a slot, in words. */
function review(
  lang: Lang,
  choices: BookingChoices,
  body: Record<string, unknown>,
  form: z.output<typeof BookForm>,
  slot: SlotRef,
  filled: boolean,
  proof: FormProof | undefined,
) {
  const { office, services, days } = choices;
  const service = services.find((s) => s.code === form.service);
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);
  const day = days.find((d) => d.date === slot.date);
  if (!day) throw new DomainError('NOT_BOOKABLE', { date: slot.date, reason: 'outside_window' });
  // The same refusals as booking gives, before the citizen is asked to confirm a time they cannot have.
  const session = assertBookable(day, slot.sessionId, office.timezone);
  const eligibility = lang === 'en' ? service.eligibility_en || service.eligibility : service.eligibility;
  return reviewPage({
    lang,
    office,
    values: typedValues(body),
    idempotencyKey: form.idempotencyKey ?? randomUUID(),
    proof,
    slot,
    shown: {
      serviceName: lang === 'en' ? service.name_en : service.name,
      eligibility,
      day: formatDate(slot.date, lang),
      hour: `${formatTime(session.start, lang)}–${formatTime(session.end, lang)} ${zoneAbbreviation(office.timezone)}`,
      name: normalizePersonName(form.name) ?? form.name,
      nikMasked: maskNik(form.nik),
    },
    filled,
  });
}

/** `/o/:slug`: the booking form; pressing a session shows "Periksa lagi", and its "Ambil nomor" books. */
export function bookingPages(ctx: AppContext, proofSettings: ProofSettings) {
  /** A fresh proof of work for a form; none when the proof is off. */
  const newProof = (): FormProof | undefined => {
    if (proofSettings.difficulty <= 0) return undefined;
    const c = issueChallenge(ctx, proofSettings);
    return { token: c.token, difficulty: c.difficulty, nonce: '' };
  };
  /** The proof the form sent, or a fresh one when it sent none (the proof was turned on meanwhile). */
  const carriedProof = (body: Record<string, unknown>) => (proofSettings.difficulty <= 0 ? undefined : (sentProof(body, proofSettings.difficulty) ?? newProof()));
  return routePlugin('bookingPages', async (app: FastifyInstance) => {
    async function render(req: FastifyRequest, slug: string, values: BookValues, chosen?: SlotRef, errors?: FormErrors) {
      const lang = requestLang(req);
      const formOf = (c: BookingChoices) => ({
        office: c.office,
        services: c.services.map((s) => ({ code: s.code, name: lang === 'en' ? s.name_en : s.name })),
        slots: bookSlots({ lang, office: c.office, days: c.days, chosen, error: errors?.fields.slots }),
      });
      // Without a slot pressed or a problem, every visitor sees the same choices: kept, not planned and rendered per visit.
      const { office, services, slots } =
        chosen || errors ? formOf(await getBookingChoices(ctx, { officeSlug: slug })) : await getBookingChoicesAnswer(ctx, { officeSlug: slug, variant: lang, render: formOf });
      return bookPage({
        lang,
        office,
        retentionDays: Number(office.retention_days),
        logoUrl: logoUrlOf(office),
        services,
        slots,
        values,
        idempotencyKey: randomUUID(),
        proof: newProof(),
        errors,
      });
    }

    /** The booking form again, as typed, with a problem for the whole form (the request limit). */
    async function formPage(req: FastifyRequest, errors: FormErrors) {
      const { slug } = parseInput(SlugParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      return render(req, slug, typedValues(body), chosenSlot(body), errors);
    }

    // The office's logo, uploaded by the admin: served from here, so pages load nothing from other hosts.
    app.get('/o/:slug/logo', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const logo = decodeLogo((await getOffice(ctx, { officeSlug: slug })).logo);
      if (!logo) throw new DomainError('NOT_FOUND', { what: 'office' });
      return (
        reply
          // The URL carries the image's version; a new logo has a new URL.
          .header('cache-control', 'public, max-age=31536000, immutable')
          // An SVG opened on its own must not run anything in this site's name.
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .type(logo.type)
          .send(Buffer.from(logo.bytes))
      );
    });

    app.get('/o/:slug', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return sendPage(reply, await render(req, slug, EMPTY));
    });

    // Every step counts against the booking limit; the place is taken only by "Ambil nomor".
    app.post('/o/:slug', { config: { limit: { bucket: 'booking', afterBody: true }, formPage } }, async (req, reply) => {
      const lang = requestLang(req);
      const { slug } = parseInput(SlugParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const step = Step.parse(body.step);
      try {
        if (step === 'edit') return sendPage(reply, await render(req, slug, typedValues(body), chosenSlot(body)));
        const form = parseInput(BookForm, body);
        if (step !== 'confirm') {
          const choices = await getBookingChoices(ctx, { officeSlug: slug });
          return sendPage(reply, review(lang, choices, body, form, form.slot, false, carriedProof(body)));
        }
        const proof = sentProof(body, proofSettings.difficulty);
        await redeemProof(ctx, proofSettings, { proof: proof && { token: proof.token, nonce: proof.nonce }, idempotencyKey: form.idempotencyKey });
        try {
          const result = await bookOrEnter(ctx, {
            officeSlug: slug,
            date: form.slot.date,
            sessionId: form.slot.sessionId,
            ...personOf(form),
            channel: 'online',
            idempotencyKey: form.idempotencyKey,
            lang,
          });
          // Within a release's draw window: the waiting page of the entry, which shows the result.
          if (result.kind === 'entered') return reply.redirect(`/e/${result.entry.id}`, 303);
          // POST, redirect, GET: a reload of the ticket never books again.
          return reply.redirect(`/t/${result.booking.code}`, 303);
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'SESSION_FULL')) throw error;
          // Filled while the citizen checked: offer the nearest time with places, one tap away.
          const choices = await getBookingChoices(ctx, { officeSlug: slug });
          const nearest = nearestSessionWithPlaces(choices.days, form.slot);
          if (!nearest) {
            return sendPage(reply, await render(req, slug, typedValues(body), form.slot, { fields: { slots: t(lang, 'citizen.reviewNoPlace') } }), 409);
          }
          const offered = { date: nearest.day.date, sessionId: nearest.session.id };
          // The proof was spent on the try that found the session full: the offer carries a fresh one.
          return sendPage(reply, review(lang, choices, body, form, offered, true, newProof()), 409);
        }
      } catch (error) {
        const errors = toFormErrors(error, lang);
        return sendPage(reply, await render(req, slug, typedValues(body), chosenSlot(body), errors), 422);
      }
    });
  });
}
