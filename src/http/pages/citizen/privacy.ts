import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import { getOffice } from '../../../app/office/queries/get-office.js';
import { eraseOwnData } from '../../../app/privacy/commands/erase-own-data.js';
import { getOwnData } from '../../../app/privacy/queries/get-own-data.js';
import type { AppContext } from '../../../app/shared/context.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { requestLang } from '../../i18n.js';
import { presentOwnData } from '../../presenters/own-data.js';
import { bookingCodeField, nikField, parseInput, textField } from '../../validation.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import { ownDataPage, type PrivacyOffice, privacyIndexPage, privacyPage } from '../../views/citizen/privacy.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { typed } from './schemas.js';
import { routePlugin } from '../../route-plugin.js';

const SlugParams = z.object({ slug: textField(64) });
const CodeParams = z.object({ code: bookingCodeField });
const NikForm = z.object({ nik: nikField });
const EraseForm = z.object({ nik: nikField, confirm: z.literal('1', { error: 'ERASE_CONFIRM_REQUIRED' }) });

/** Counted like the owner checks: per address, and every refusal draws on the process's miss budget. */
const OWNER_LIMIT = { limit: { bucket: 'booking' as const, byCode: true, afterBody: true } };

function privacyOffice(o: Awaited<ReturnType<typeof getOffice>>): PrivacyOffice {
  return { slug: o.slug, name: o.name, address: o.address, contactPhone: o.contact_phone, contactEmail: o.contact_email, retentionDays: Number(o.retention_days) };
}

/** The status of a refused owner form: 404 for no match (a wrong NIK and an unknown code alike), 423 locked, 409 a visit under way, 422 a malformed field. */
function refusalStatus(error: unknown): number {
  if (error instanceof DomainError) return error.code === 'OWNER_CHECK_LOCKED' ? 423 : error.code === 'VISIT_IN_PROGRESS' ? 409 : 404;
  return 422;
}

/** `/privasi`, `/o/:slug/privasi` and a booking's data page `/t/:code/data` (see, download, erase), all without scripts. */
export function privacyPages(ctx: AppContext) {
  return routePlugin('privacyPages', async (app: FastifyInstance) => {
    // One office (the usual installation): its notice at once. Several: each is responsible for its own data, so a list.
    app.get('/privasi', async (req, reply) => {
      const offices = await listOffices(ctx);
      const lang = requestLang(req);
      const [only] = offices;
      if (offices.length === 1 && only) return sendPage(reply, privacyPage(lang, privacyOffice(only)));
      return sendPage(reply, privacyIndexPage(lang, offices.map(privacyOffice)));
    });

    app.get('/o/:slug/privasi', async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return sendPage(reply, privacyPage(requestLang(req), privacyOffice(await getOffice(ctx, { officeSlug: slug }))));
    });

    const codeOf = (req: FastifyRequest) => {
      const { code } = parseInput(CodeParams, req.params);
      return normalizeBookingCode(code) ?? code;
    };
    const formAgain = async (req: FastifyRequest, errors: FormErrors) => ownDataPage({ lang: requestLang(req), code: codeOf(req), nik: '', errors });

    // Any well-formed code gets the form: whether a code exists is said only to its NIK.
    app.get('/t/:code/data', async (req, reply) => {
      const code = codeOf(req);
      if (code !== (req.params as { code: string }).code) return reply.redirect(`/t/${code}/data`, 301);
      return sendPage(reply, ownDataPage({ lang: requestLang(req), code, nik: '' }));
    });

    // The answer depends on the NIK posted, so it is shown here, never redirected to: no NIK goes into a URL.
    app.post('/t/:code/data', { config: { ...OWNER_LIMIT, formPage: formAgain } }, async (req, reply) => {
      const lang = requestLang(req);
      const code = codeOf(req);
      try {
        const { nik } = parseInput(NikForm, req.body);
        const data = presentOwnData(await getOwnData(ctx, { code, nik }), lang);
        return sendPage(reply, ownDataPage({ lang, code, nik, data }));
      } catch (error) {
        if (!(error instanceof DomainError || error instanceof InvalidInputError)) throw error;
        return sendPage(reply, await formAgain(req, toFormErrors(error, lang)), refusalStatus(error));
      }
    });

    app.post('/t/:code/data/download', { config: { ...OWNER_LIMIT, formPage: formAgain } }, async (req, reply) => {
      const lang = requestLang(req);
      const code = codeOf(req);
      try {
        const { nik } = parseInput(NikForm, req.body);
        const data = presentOwnData(await getOwnData(ctx, { code, nik }), lang);
        return sendJsonFile(reply, `antrean-${code}.json`, data);
      } catch (error) {
        if (!(error instanceof DomainError || error instanceof InvalidInputError)) throw error;
        return sendPage(reply, await formAgain(req, toFormErrors(error, lang)), refusalStatus(error));
      }
    });

    app.post('/t/:code/data/erase', { config: { ...OWNER_LIMIT, formPage: formAgain } }, async (req, reply) => {
      const lang = requestLang(req);
      const code = codeOf(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const nik = typed(body, 'nik', 40);
      try {
        const form = parseInput(EraseForm, body);
        const erased = await eraseOwnData(ctx, { code, nik: form.nik });
        return sendPage(reply, ownDataPage({ lang, code, nik: '', erased }));
      } catch (error) {
        if (!(error instanceof DomainError || error instanceof InvalidInputError)) throw error;
        const errors = toFormErrors(error, lang);
        // A missing tick or a visit under way: the data again, with the problem beside the erase button.
        const keepData = (error instanceof InvalidInputError && errors.fields.confirm !== undefined && errors.fields.nik === undefined) || (error instanceof DomainError && error.code === 'VISIT_IN_PROGRESS');
        if (keepData) {
          const data = presentOwnData(await getOwnData(ctx, { code, nik }), lang);
          const eraseErrors = error instanceof DomainError ? { fields: {}, form: errors.form ?? errors.fields.nik ?? '' } : errors;
          return sendPage(reply, ownDataPage({ lang, code, nik, data, eraseErrors }), refusalStatus(error));
        }
        return sendPage(reply, await formAgain(req, errors), refusalStatus(error));
      }
    });
  });
}

/** A JSON file to save, never cached: the owner's copy of their data. */
function sendJsonFile(reply: FastifyReply, name: string, data: unknown): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name}"`)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(data, null, 2));
}
