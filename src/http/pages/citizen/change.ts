import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cancelBooking } from '../../../app/booking/commands/cancel-booking.js';
import type { AppContext } from '../../../app/shared/context.js';
import { getRescheduleChoices } from '../../../app/booking/queries/get-reschedule-choices.js';
import { getTicket } from '../../../app/booking/queries/get-ticket.js';
import { rescheduleBooking } from '../../../app/booking/commands/reschedule-booking.js';
import { requestLang } from '../../i18n.js';
import { presentCitizenTicket } from '../../presenters/citizen-ticket.js';
import { bookingCodeField, parseInput } from '../../validation.js';
import { cancelPage, movePage } from '../../views/citizen/change.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import type { SlotRef } from '../../views/citizen/slot-picker.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { chosenSlot, MoveForm, OwnerForm, typed } from './schemas.js';
import { routePlugin } from '../../route-plugin.js';

const CodeParams = z.object({ code: bookingCodeField });

/** Reading a booking by its code: limited per address, and unknown codes count as misses. */
const LOOKUP = { config: { limit: { bucket: 'lookup', byCode: true } } } as const;
/** Changing a booking: the booking limit (read after the form, so a refusal keeps it), and unknown codes count as misses too. */
const CHANGE = { bucket: 'booking', byCode: true, afterBody: true } as const;

/** `/t/:code/cancel` and `/t/:code/move`: both ask for the NIK the booking was made with. */
export function changePages(ctx: AppContext) {
  return routePlugin('changePages', async (app: FastifyInstance) => {
    async function renderCancel(req: FastifyRequest, code: string, nik: string, errors?: FormErrors) {
      const lang = requestLang(req);
      return cancelPage({ lang, ticket: presentCitizenTicket(await getTicket(ctx, { code }), lang), nik, errors });
    }

    async function renderMove(req: FastifyRequest, code: string, nik: string, chosen?: SlotRef, errors?: FormErrors) {
      const lang = requestLang(req);
      const { booking, office, days } = await getRescheduleChoices(ctx, { code });
      const ticket = presentCitizenTicket({ booking, office }, lang);
      return movePage({ lang, ticket, timezone: office.timezone, days, nik, chosen, errors });
    }

    app.get('/t/:code/cancel', LOOKUP, async (req, reply) => {
      const { code } = parseInput(CodeParams, req.params);
      return sendPage(reply, await renderCancel(req, code, ''));
    });

    const cancelAgain = async (req: FastifyRequest, errors: FormErrors) => {
      const { code } = parseInput(CodeParams, req.params);
      return renderCancel(req, code, typed((req.body ?? {}) as Record<string, unknown>, 'nik', 40), errors);
    };
    const moveAgain = async (req: FastifyRequest, errors: FormErrors) => {
      const { code } = parseInput(CodeParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      return renderMove(req, code, typed(body, 'nik', 40), chosenSlot(body), errors);
    };

    app.post('/t/:code/cancel', { config: { limit: CHANGE, formPage: cancelAgain } }, async (req, reply) => {
      const { code } = parseInput(CodeParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        const { nik } = parseInput(OwnerForm, body);
        const cancelled = await cancelBooking(ctx, { code, nik });
        return reply.redirect(`/t/${cancelled.code}`, 303);
      } catch (error) {
        const errors = toFormErrors(error, requestLang(req));
        return sendPage(reply, await renderCancel(req, code, typed(body, 'nik', 40), errors), 422);
      }
    });

    app.get('/t/:code/move', LOOKUP, async (req, reply) => {
      const { code } = parseInput(CodeParams, req.params);
      return sendPage(reply, await renderMove(req, code, ''));
    });

    app.post('/t/:code/move', { config: { limit: CHANGE, formPage: moveAgain } }, async (req, reply) => {
      const { code } = parseInput(CodeParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(MoveForm, body);
        const moved = await rescheduleBooking(ctx, { code, nik: form.nik, date: form.slot.date, sessionId: form.slot.sessionId });
        return reply.redirect(`/t/${moved.code}?ok=moved`, 303);
      } catch (error) {
        const errors = toFormErrors(error, requestLang(req));
        return sendPage(reply, await renderMove(req, code, typed(body, 'nik', 40), chosenSlot(body), errors), 422);
      }
    });
  });
}
