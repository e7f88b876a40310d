import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { getOwnedTicket } from '../../../app/booking/queries/get-owned-ticket.js';
import { getTicket, type Ticket } from '../../../app/booking/queries/get-ticket.js';
import { getTicketProgress } from '../../../app/booking/queries/get-ticket-progress.js';
import { presentTicketProgress, type TicketProgressView } from '../../presenters/ticket-progress.js';
import { BOOKING_CODE_LENGTH, normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError } from '../../../domain/errors.js';
import { calendarFile } from '../../../domain/ics.js';
import { instantOf } from '../../../domain/local-date.js';
import { requestLang } from '../../i18n.js';
import { type CitizenTicket, presentCitizenTicket } from '../../presenters/citizen-ticket.js';
import { bookingCodeField, parseInput } from '../../validation.js';
import { errorPage, homePage, lookupPage } from '../../views/citizen/home.js';
import { ticketPage } from '../../views/citizen/ticket.js';
import { qrSvg } from '../../views/qr.js';
import { getOfficeGuides } from '../../../app/office/queries/get-office-guides.js';
import { presentOfficeGuide } from '../../presenters/office-guide.js';
import type { FormErrors } from '../../views/citizen/fields.js';
import { toFormErrors } from './form-errors.js';
import { sendPage } from './render.js';
import { OwnerForm, typed } from './schemas.js';
import { zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { domainErrorText, errorText, t } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';
import { answerSurvey } from '../../../app/booking/commands/answer-survey.js';
import { isSurveyScore, SURVEY_ELEMENTS, type SurveyAnswers } from '../../../domain/satisfaction.js';
import type { SurveyView } from '../../views/citizen/survey.js';
import { routePlugin } from '../../route-plugin.js';

const LookupQuery = z.object({ code: z.string().max(40).optional() });
const TicketParams = z.object({ code: z.string().max(40) });
const TicketQuery = z.object({ ok: z.enum(['moved', 'survey']).optional().catch(undefined) });

/** Hosts trusted without PUBLIC_URL: this machine, where someone tries the app out. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The address people share and put in their calendar. The Host header is the client's to
 * choose, so it is never echoed: the configured public address when there is one, the host
 * itself only when it is this machine, and otherwise the path alone (a relative link).
 */
export function absoluteUrl(req: FastifyRequest, path: string, publicUrl: string | undefined): string {
  if (publicUrl) return `${publicUrl}${path}`;
  if (LOCAL_HOSTS.has(req.hostname.toLowerCase())) return `${req.protocol}://${req.host}${path}`;
  return path;
}

/** What the ticket pages take from the server's HTTP settings. */
export interface TicketPageOptions {
  publicUrl: string | undefined;
}

/** Reading a booking by its code: limited per address, and unknown codes count as misses. */
const LOOKUP = { config: { limit: { bucket: 'lookup', byCode: true } } } as const;
/** Answering the survey writes, so it is limited like the other writes a code allows. */
const SURVEY = { config: { limit: { bucket: 'booking', byCode: true } } } as const;

/** The ticket page of a presented ticket. */
async function renderTicket(
  req: FastifyRequest,
  publicUrl: string | undefined,
  ticket: CitizenTicket,
  opts: { moved?: boolean; details?: { nik: string; errors: FormErrors }; progress?: TicketProgressView; survey?: SurveyView | undefined },
) {
  const lang = requestLang(req);
  return ticketPage({
    lang,
    ticket,
    qr: await qrSvg(ticket.code),
    url: absoluteUrl(req, `/t/${ticket.code}`, publicUrl),
    moved: opts.moved ?? false,
    details: opts.details,
    progress: opts.progress,
    survey: opts.survey,
  });
}

/** The survey a finished ticket's page asks, once; nothing before the visit is finished. */
function surveyOf(ticket: Ticket, justAnswered: boolean): SurveyView | undefined {
  if (ticket.booking.status !== 'done') return undefined;
  if (justAnswered) return { state: 'thanks' };
  return ticket.booking.survey_answered === 1 ? { state: 'answered' } : { state: 'open' };
}

/** The nine answers as posted: each a score 1–4, or a problem per missing or odd one. */
function parseSurveyForm(body: Record<string, unknown>, lang: Lang): { answers: SurveyAnswers } | { values: Record<string, string>; errors: FormErrors } {
  const values: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const answers: Partial<SurveyAnswers> = {};
  for (const e of SURVEY_ELEMENTS) {
    const raw = typeof body[e] === 'string' ? (body[e] as string).slice(0, 2) : '';
    values[e] = raw;
    const score = Number(raw);
    if (raw !== '' && isSurveyScore(score)) answers[e] = score;
    else fields[e] = errorText(lang, 'SCORE_INVALID');
  }
  if (Object.keys(fields).length) return { values, errors: { fields, form: t(lang, 'citizen.surveyMissing', { n: Object.keys(fields).length }) } };
  return { answers: answers as SurveyAnswers };
}

/** Where the ticket stands today, in the page's words. */
async function progressOf(ctx: AppContext, req: FastifyRequest, ticket: Ticket): Promise<TicketProgressView> {
  return presentTicketProgress(ticket.booking, await getTicketProgress(ctx, ticket.booking), requestLang(req));
}

/** `/`, `/t` (find a booking by code), `/t/:code` (the ticket) and its calendar file. */
export function ticketPages(ctx: AppContext, opts: TicketPageOptions) {
  return routePlugin('ticketPages', async (app: FastifyInstance) => {
    app.get('/', async (req, reply) => {
      const lang = requestLang(req);
      const guides = await getOfficeGuides(ctx);
      return sendPage(reply, homePage(lang, guides.map((g) => presentOfficeGuide(g, lang))));
    });

    app.get('/t', async (req, reply) => {
      const lang = requestLang(req);
      const { code = '' } = parseInput(LookupQuery, req.query);
      if (code.trim() === '') return sendPage(reply, lookupPage(lang, ''));
      const canonical = normalizeBookingCode(code);
      if (!canonical) {
        // Nine letters and digits that are no code (a look-alike such as O or 1) were typed in the right shape: not found, not malformed.
        const typedLength = code.replace(/[\s\-.]/g, '').length;
        const problem = typedLength === BOOKING_CODE_LENGTH ? t(lang, 'citizen.codeNotFound') : t(lang, 'citizen.codeWrongLength', { n: typedLength });
        return sendPage(reply, lookupPage(lang, code, { fields: { code: problem } }), typedLength === BOOKING_CODE_LENGTH ? 404 : 422);
      }
      return reply.redirect(`/t/${canonical}`, 303);
    });

    app.get('/t/:code', LOOKUP, async (req, reply) => {
      const lang = requestLang(req);
      const { code } = parseInput(TicketParams, req.params);
      const canonical = normalizeBookingCode(code);
      if (canonical && canonical !== code) return reply.redirect(`/t/${canonical}`, 301);
      const { ok } = parseInput(TicketQuery, req.query);
      try {
        const found = await getTicket(ctx, { code });
        const ticket = presentCitizenTicket(found, lang);
        return sendPage(
          reply,
          await renderTicket(req, opts.publicUrl, ticket, { moved: ok === 'moved', progress: await progressOf(ctx, req, found), survey: surveyOf(found, ok === 'survey') }),
        );
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
        // The field's label already says "Kode booking": the words do not repeat it.
        return sendPage(reply, lookupPage(lang, code, { fields: { code: t(lang, 'citizen.codeNotFound') } }), 404);
      }
    });

    // The NIK shows the name and phone whole; a wrong one counts towards the code's owner-check lock.
    const detailsAgain = async (req: FastifyRequest, errors: FormErrors) => {
      const lang = requestLang(req);
      const { code } = parseInput(z.object({ code: bookingCodeField }), req.params);
      const ticket = presentCitizenTicket(await getTicket(ctx, { code }), lang);
      return renderTicket(req, opts.publicUrl, ticket, { details: { nik: typed((req.body ?? {}) as Record<string, unknown>, 'nik', 40), errors } });
    };

    app.post('/t/:code/details', { config: { limit: { ...LOOKUP.config.limit, afterBody: true }, formPage: detailsAgain } }, async (req, reply) => {
      const lang = requestLang(req);
      const { code } = parseInput(z.object({ code: bookingCodeField }), req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        const { nik } = parseInput(OwnerForm, body);
        const owned = await getOwnedTicket(ctx, { code, nik });
        const ticket = presentCitizenTicket(owned, lang, 'owner');
        return sendPage(reply, await renderTicket(req, opts.publicUrl, ticket, { progress: await progressOf(ctx, req, owned) }));
      } catch (error) {
        const errors = toFormErrors(error, lang);
        const found = await getTicket(ctx, { code });
        const ticket = presentCitizenTicket(found, lang);
        return sendPage(reply, await renderTicket(req, opts.publicUrl, ticket, { details: { nik: typed(body, 'nik', 40), errors }, progress: await progressOf(ctx, req, found) }), 422);
      }
    });

    // The satisfaction survey of a finished visit: once per ticket, stored without the booking.
    app.post('/t/:code/survey', SURVEY, async (req, reply) => {
      const lang = requestLang(req);
      const { code } = parseInput(z.object({ code: bookingCodeField }), req.params);
      const parsed = parseSurveyForm((req.body ?? {}) as Record<string, unknown>, lang);
      let survey: SurveyView;
      let status: number;
      if ('answers' in parsed) {
        try {
          await answerSurvey(ctx, { code, answers: parsed.answers });
          return reply.redirect(`/t/${code}?ok=survey`, 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code === 'NOT_FOUND') throw error;
          survey = { state: 'refused', message: domainErrorText(error, lang) };
          status = 409;
        }
      } else {
        survey = { state: 'open', values: parsed.values, errors: parsed.errors };
        status = 422;
      }
      const found = await getTicket(ctx, { code });
      // Before the visit is finished there is no survey to show again: the refusal says why.
      const ticket = presentCitizenTicket(found, lang);
      return sendPage(reply, await renderTicket(req, opts.publicUrl, ticket, { progress: await progressOf(ctx, req, found), survey }), status);
    });

    app.get('/t/:code/calendar.ics', LOOKUP, async (req, reply) => {
      const lang = requestLang(req);
      const { code } = parseInput(z.object({ code: bookingCodeField }), req.params);
      const tk = presentCitizenTicket(await getTicket(ctx, { code }), lang);
      if (tk.status === 'cancelled') {
        return sendPage(reply, errorPage(lang, t(lang, 'citizen.ticketTitle'), t(lang, 'citizen.cancelledNotice'), `/t/${tk.code}`), 410);
      }
      const url = absoluteUrl(req, `/t/${tk.code}`, opts.publicUrl);
      const ics = calendarFile({
        uid: `${tk.code}@antrean`,
        stamp: tk.updatedAt,
        date: tk.date,
        start: tk.session.start,
        end: tk.session.end,
        zone: tk.timezone,
        zoneName: zoneAbbreviation(tk.timezone, instantOf(tk.date, tk.session.start, tk.timezone)),
        summary: t(lang, 'citizen.calendarSummary', { queue: tk.queueNumber, office: tk.officeName }),
        location: `${tk.officeName}, ${tk.officeAddress}`,
        description: t(lang, 'citizen.calendarDescription', {
          code: tk.displayCode,
          service: tk.serviceName,
          from: `${tk.arriveFrom} ${tk.zoneLabel}`,
          until: `${tk.arriveUntil} ${tk.zoneLabel}`,
          documents: tk.documents.join('; '),
          url,
        }),
        // A calendar's URL must be absolute; without a known public address the description keeps the path.
        ...(url.startsWith('/') ? {} : { url }),
        // Two hours ahead leaves time to gather the documents and travel in.
        alarmMinutesBefore: 120,
      });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="antrean-${tk.code}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
    });
  });
}
