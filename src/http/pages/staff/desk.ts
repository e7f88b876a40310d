import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordStaffReads } from '../../../app/privacy/staff-reads.js';
import { readerOf } from '../../plugins/staff-auth.js';
import { z } from 'zod';
import { book } from '../../../app/booking/commands/book.js';
import { cancelBooking } from '../../../app/booking/commands/cancel-booking.js';
import { changeBookingService } from '../../../app/booking/commands/change-booking-service.js';
import { rescheduleBooking } from '../../../app/booking/commands/reschedule-booking.js';
import { setPriority } from '../../../app/floor/commands/set-priority.js';
import { listToday } from '../../../app/floor/queries/list-today.js';
import { DAY_GROUPS } from '../../../domain/day-list.js';
import { checkIn } from '../../../app/floor/commands/check-in.js';
import type { AppContext } from '../../../app/shared/context.js';
import { findBookings } from '../../../app/booking/queries/find-bookings.js';
import { getBooking } from '../../../app/booking/queries/get-booking.js';
import { getBookingChoices } from '../../../app/booking/queries/get-booking-choices.js';
import { getOffice } from '../../../app/office/queries/get-office.js';
import { getTicket } from '../../../app/booking/queries/get-ticket.js';
import { listSkippedTickets } from '../../../app/floor/queries/list-skipped-tickets.js';
import { requeueTicket } from '../../../app/floor/commands/requeue-ticket.js';
import { walkIn } from '../../../app/floor/commands/walk-in.js';
import { looksLikeBookingCode, normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { timeIn, todayIn } from '../../../domain/local-date.js';
import { PRIORITY_GROUPS } from '../../../domain/queue-order.js';
import { walkInSlot } from '../../../domain/walk-in-slot.js';
import { presentCitizenTicket } from '../../presenters/citizen-ticket.js';
import { presentTicket } from '../../presenters/ticket.js';
import { dateField, DeskPersonFields, idField, parseInput, personOf, textField } from '../../validation.js';
import {
  assistedPage,
  type CheckInModel,
  type CheckInProblem,
  checkInPage,
  type DeskFormErrors,
  type DeskOffice,
  type DeskTicket,
  deskPath,
  managePage,
  managePath,
  searchPage,
  todayPage,
  walkInPage,
} from '../../views/staff/desk.js';
import { qrSvg } from '../../views/qr.js';
import { receiptPage } from '../../views/staff/receipt.js';
import { requirePageRole, sendStaffPage, staffIdOf, viewerOf } from './guard.js';
import { type NamedActor } from '../../../app/shared/ticket-lifecycle.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { domainErrorText, errorText, statusText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

const SlugParams = z.object({ slug: textField(64) });
const ReceiptParams = SlugParams.extend({ code: z.string().max(40) });
/** Flash after a redirect: only these words, and a code to look the booking up by. */
const DeskQuery = z.object({
  ok: z.enum(['checked_in', 'requeued', 'priority']).optional().catch(undefined),
  ticket: z.string().max(40).optional().catch(undefined),
  code: z.string().max(40).optional().catch(undefined),
  /** The early person whose reason prompt a new scan replaced. */
  left: z.string().max(40).optional().catch(undefined),
});
const ManageQuery = z.object({ ok: z.enum(['moved', 'cancelled', 'service', 'priority']).optional().catch(undefined) });
const ServiceForm = z.object({ service: z.string().max(32).catch('') });
const PriorityForm = z.object({ priority: z.enum(PRIORITY_GROUPS).or(z.literal('')).catch(''), back: z.string().max(10).optional().catch(undefined) });
const MoveForm = z.object({ slot: z.string().max(64).catch('') });
const ConfirmForm = z.object({ confirm: z.string().max(4).optional().catch(undefined) });
const TodayQuery = z.object({ group: z.enum(DAY_GROUPS).optional().catch(undefined) });
const CheckInForm = z.object({
  // A scanner may type more than a code (a URL, stray keys); the use case reads what it can.
  code: z.string().max(200).catch(''),
  priority: z.enum(PRIORITY_GROUPS).optional().catch(undefined),
  overrideReason: z.string().max(1000).catch(''),
  override: z.string().optional().catch(undefined),
  /** Sent by the page's script when it turned a code typed into the reason prompt into a new scan: whose prompt it was. */
  left: z.string().max(40).optional().catch(undefined),
});
const CodeForm = z.object({ code: z.string().max(40).catch('') });
const PersonForm = z.object({
  nik: z.string().max(40).catch(''),
  name: z.string().max(400).catch(''),
  phone: z.string().max(40).catch(''),
  email: z.string().max(254).catch(''),
  service: z.string().max(32).catch(''),
});
const AssistedForm = PersonForm.extend({ slot: z.string().max(64).catch('') });
/** The same rules as the API's (one person schema), so the desk sees every problem of a form at once. */
const AssistedFields = DeskPersonFields.extend({ date: dateField, sessionId: idField('SESSION_INVALID') });
const SearchQuery = z.object({ q: z.string().max(100).catch('') });
/** The longest override reason, as the API allows. */
const MAX_REASON = 200;

function deskOffice(o: { slug: string; name: string; timezone: string }): DeskOffice {
  return { slug: o.slug, name: o.name, timezone: o.timezone };
}

/** The desk's pages of one office: check-in, requeue, walk-in, assisted booking, search, receipt. */
export function deskPages(ctx: AppContext) {
  return routePlugin('deskPages', async (app: FastifyInstance) => {
    const desk = { onRequest: requirePageRole('desk', 'admin') };
    const actor = (req: FastifyRequest) => ({ userId: staffIdOf(req) });
    const namedActor = (req: FastifyRequest): NamedActor => ({ userId: staffIdOf(req), username: viewerOf(req).username });

    /** A booking of this office by code, or undefined: for showing what a refused code names. */
    async function findTicket(req: FastifyRequest, slug: string, code: string): Promise<DeskTicket | undefined> {
      try {
        const b = await getBooking(ctx, { code: code });
        if (b.office_slug !== slug) return undefined;
        await recordStaffReads(ctx, readerOf(req), [b], 'booking_lookup');
        return presentTicket(b, STAFF_LANG);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      }
    }

    async function renderCheckIn(req: FastifyRequest, reply: FastifyReply, slug: string, over: Partial<CheckInModel>, status = 200) {
      const office = await getOffice(ctx, { officeSlug: slug });
      const skipped = (await listSkippedTickets(ctx, { officeSlug: slug })).map((b) => presentTicket(b, STAFF_LANG));
      const model: CheckInModel = { viewer: viewerOf(req), office: deskOffice(office), code: '', priority: null, overrideReason: '', skipped, ...over };
      return sendStaffPage(reply, checkInPage(model), status);
    }

    app.get('/staff/desk/:slug', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = DeskQuery.parse(req.query ?? {});
      const done = q.ok && q.ticket ? await findTicket(req, slug, q.ticket) : undefined;
      const left = q.ok === 'checked_in' && q.left ? await findTicket(req, slug, q.left) : undefined;
      return renderCheckIn(req, reply, slug, {
        code: q.code ?? '',
        checkedIn: q.ok === 'checked_in' ? done : undefined,
        requeued: q.ok === 'requeued' ? done : undefined,
        prioritized: q.ok === 'priority' ? done : undefined,
        // Only one still waiting to be checked in was left behind; anyone else needs no word.
        leftBehind: left?.status === 'booked' ? left : undefined,
      });
    });

    app.post('/staff/desk/:slug/check-in', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = CheckInForm.parse(req.body ?? {});
      let code = form.code.trim();
      let reason = form.overrideReason.trim();
      let priority = form.priority ?? null;
      let leftBehind: string | null = form.left ? normalizeBookingCode(form.left) : null;
      // The scanner typed the next person's code into the reason prompt: that is a new scan. The
      // early person is not checked in (their reason was never given); the one at the desk is.
      if (looksLikeBookingCode(reason)) {
        leftBehind = normalizeBookingCode(code);
        code = reason;
        reason = '';
        priority = null;
        form.override = undefined;
      }
      const again = (problem: CheckInProblem, status: number) =>
        renderCheckIn(req, reply, slug, { code: problem.canOverride ? code : '', priority, overrideReason: reason, problem }, status);
      const canonical = normalizeBookingCode(code);
      if (!canonical) return again({ title: code === '' ? errorText(STAFF_LANG, 'REQUIRED') : errorText(STAFF_LANG, 'CODE_INVALID') }, 422);
      try {
        await checkIn(ctx, { officeSlug: slug, code: canonical, actor: actor(req), priority, overrideReason: reason.slice(0, MAX_REASON) || null });
        const left = leftBehind && leftBehind !== canonical ? `&left=${leftBehind}` : '';
        return reply.redirect(`${deskPath(slug)}?ok=checked_in&ticket=${canonical}${left}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const ticket = await findTicket(req, slug, canonical);
        const d = error.details;
        if (error.code === 'CHECK_IN_WINDOW' && ticket) {
          const office = await getOffice(ctx, { officeSlug: slug });
          const detail = st('staff.windowExplain', {
            session: `${formatTime(ticket.session.start, STAFF_LANG)}–${formatTime(ticket.session.end, STAFF_LANG)}`,
            opens: formatTime(String(d.opensAt), STAFF_LANG),
            closes: formatTime(String(d.closesAt), STAFF_LANG),
            zone: zoneAbbreviation(office.timezone),
            now: formatTime(timeIn(office.timezone, ctx.now()), STAFF_LANG),
          });
          const reasonError = form.override && !reason ? errorText(STAFF_LANG, 'REQUIRED') : undefined;
          return again({ title: d.timing === 'late' ? st('staff.tooLate') : st('staff.tooEarly'), detail, ticket, canOverride: true, reasonError }, 409);
        }
        if (error.code === 'WRONG_DAY' && ticket) return again({ title: st('staff.wrongDay', { date: formatDate(ticket.date, STAFF_LANG) }), detail: st('staff.wrongDayHelp'), ticket }, 409);
        if (error.code === 'NOT_ACTIVE' && ticket) return again({ title: st('staff.notActive', { status: statusText(STAFF_LANG, ticket.status) }), ticket }, 409);
        if (error.code === 'NOT_FOUND') return again({ title: st('staff.notFoundCode', { code }) }, 404);
        return again({ title: domainErrorText(error, STAFF_LANG), ticket }, 409);
      }
    });

    app.post('/staff/desk/:slug/requeue', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const { code } = CodeForm.parse(req.body ?? {});
      try {
        const b = await requeueTicket(ctx, { officeSlug: slug, code, actor: actor(req) });
        return reply.redirect(`${deskPath(slug)}?ok=requeued&ticket=${b.code}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const ticket = await findTicket(req, slug, code);
        return renderCheckIn(req, reply, slug, { problem: { title: domainErrorText(error, STAFF_LANG), ticket } }, error.code === 'NOT_FOUND' ? 404 : 409);
      }
    });

    async function renderWalkIn(req: FastifyRequest, reply: FastifyReply, slug: string, values: z.output<typeof PersonForm>, errors?: DeskFormErrors, status = 200) {
      const choices = await getBookingChoices(ctx, { officeSlug: slug, channel: 'walk_in' });
      const next = walkInSlot(choices.days, choices.today);
      const page = walkInPage({
        viewer: viewerOf(req),
        office: deskOffice(choices.office),
        services: choices.services.map((s) => ({ code: s.code, name: s.name })),
        values,
        nextDate: next?.date ?? null,
        errors,
      });
      return sendStaffPage(reply, page, status);
    }

    app.get('/staff/desk/:slug/walk-in', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return renderWalkIn(req, reply, slug, { nik: '', name: '', phone: '', email: '', service: '' });
    });

    app.post('/staff/desk/:slug/walk-in', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = PersonForm.parse(req.body ?? {});
      try {
        // Every field's problem at once, before the use case reads them one rule at a time.
        const person = parseInput(DeskPersonFields, form);
        const { booking } = await walkIn(ctx, { officeSlug: slug, actor: actor(req), ...personOf(person) });
        return reply.redirect(`${deskPath(slug)}/receipt/${booking.code}?fresh=1`, 303);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        return renderWalkIn(req, reply, slug, form, errors, error instanceof InvalidInputError ? 422 : 409);
      }
    });

    async function renderAssisted(req: FastifyRequest, reply: FastifyReply, slug: string, values: z.output<typeof AssistedForm>, errors?: DeskFormErrors, status = 200) {
      const choices = await getBookingChoices(ctx, { officeSlug: slug, channel: 'desk' });
      const page = assistedPage({
        viewer: viewerOf(req),
        office: deskOffice(choices.office),
        services: choices.services.map((s) => ({ code: s.code, name: s.name })),
        days: choices.days,
        values,
        errors,
      });
      return sendStaffPage(reply, page, status);
    }

    app.get('/staff/desk/:slug/book', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      return renderAssisted(req, reply, slug, { nik: '', name: '', phone: '', email: '', service: '', slot: '' });
    });

    app.post('/staff/desk/:slug/book', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const form = AssistedForm.parse(req.body ?? {});
      const [date = '', session = ''] = form.slot.split('|');
      try {
        const fields = parseInput(AssistedFields, { ...form, date, sessionId: session });
        const { booking } = await book(ctx, {
          officeSlug: slug,
          date: fields.date,
          sessionId: fields.sessionId,
          ...personOf(fields),
          channel: 'desk',
          actorUserId: staffIdOf(req),
        });
        return reply.redirect(`${deskPath(slug)}/receipt/${booking.code}?fresh=1`, 303);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        return renderAssisted(req, reply, slug, form, errors, error instanceof InvalidInputError ? 422 : 409);
      }
    });

    app.get('/staff/desk/:slug/search', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const office = await getOffice(ctx, { officeSlug: slug });
      const q = SearchQuery.parse(req.query ?? {}).q.trim();
      const tooShort = q.length > 0 && q.length < 2;
      const found = q.length >= 2 ? await findBookings(ctx, { officeSlug: slug, query: q, reader: readerOf(req) }) : null;
      const results = found ? found.bookings.map((b) => presentTicket(b, STAFF_LANG)) : null;
      const today = todayIn(office.timezone, ctx.now());
      const page = searchPage({ viewer: viewerOf(req), office: deskOffice(office), q, results, more: found?.more ?? false, problem: tooShort ? st('staff.searchTooShort') : undefined, today });
      return sendStaffPage(reply, page, tooShort ? 422 : 200);
    });

    app.get('/staff/desk/:slug/receipt/:code', desk, async (req, reply) => {
      const { slug, code } = parseInput(ReceiptParams, req.params);
      const ticket = await getTicket(ctx, { code });
      // Codes are global; a desk prints only its own office's receipts.
      if (ticket.office.slug !== slug) throw new DomainError('NOT_FOUND', { what: 'booking' });
      await recordStaffReads(ctx, readerOf(req), [ticket.booking], 'desk_receipt');
      const fresh = (req.query as Record<string, unknown> | undefined)?.fresh === '1';
      // Staff at the desk see the person in front of them: the full name, as before.
      const tk = presentCitizenTicket(ticket, STAFF_LANG, 'owner');
      const today = todayIn(ticket.office.timezone, ctx.now());
      const page = receiptPage({ viewer: viewerOf(req), office: { slug, name: ticket.office.name }, ticket: tk, qr: await qrSvg(tk.code), fresh, today });
      return sendStaffPage(reply, page);
    });

    app.get('/staff/desk/:slug/today', desk, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const { group } = TodayQuery.parse(req.query ?? {});
      const office = await getOffice(ctx, { officeSlug: slug });
      const day = await listToday(ctx, { officeSlug: slug, group });
      const page = todayPage({
        viewer: viewerOf(req),
        office: deskOffice(office),
        today: day.today,
        group: group ?? null,
        counts: day.counts,
        tickets: day.tickets.map((b) => presentTicket(b, STAFF_LANG)),
      });
      return sendStaffPage(reply, page);
    });

    /** The page of one booking, with what was just done or what went wrong. */
    async function renderManage(req: FastifyRequest, reply: FastifyReply, slug: string, code: string, over: { done?: string; errors?: DeskFormErrors; slot?: string }, status = 200) {
      const booking = await getBooking(ctx, { code });
      // Codes are global; a desk manages only its own office's bookings.
      if (booking.office_slug !== slug) throw new DomainError('NOT_FOUND', { what: 'booking' });
      await recordStaffReads(ctx, readerOf(req), [booking], 'desk_booking');
      const choices = await getBookingChoices(ctx, { officeSlug: slug, channel: 'desk' });
      const page = managePage({
        viewer: viewerOf(req),
        office: deskOffice(choices.office),
        ticket: presentTicket(booking, STAFF_LANG),
        today: choices.today,
        services: choices.services.map((s) => ({ code: s.code, name: s.name })),
        days: choices.days,
        slot: over.slot ?? '',
        done: over.done,
        errors: over.errors,
      });
      return sendStaffPage(reply, page, status);
    }

    /** Runs one change of a booking from its page: back to the page with a word on success, the problem on refusal. */
    async function change(req: FastifyRequest, reply: FastifyReply, ok: z.output<typeof ManageQuery>['ok'], run: (slug: string, code: string) => Promise<unknown>, slot?: string) {
      const { slug, code } = parseInput(ReceiptParams, req.params);
      try {
        await run(slug, code);
        return reply.redirect(`${managePath(slug, code)}?ok=${ok}`, 303);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        if (error instanceof DomainError && error.code === 'NOT_FOUND') throw error;
        return renderManage(req, reply, slug, code, { errors, slot }, error instanceof InvalidInputError ? 422 : 409);
      }
    }

    app.get('/staff/desk/:slug/booking/:code', desk, async (req, reply) => {
      const { slug, code } = parseInput(ReceiptParams, req.params);
      const { ok } = ManageQuery.parse(req.query ?? {});
      const words = { moved: st('staff.movedDone'), cancelled: st('staff.cancelledDone'), service: st('staff.serviceDone'), priority: st('staff.priorityDoneShort') } as const;
      return renderManage(req, reply, slug, code, { done: ok ? words[ok] : undefined });
    });

    app.post('/staff/desk/:slug/booking/:code/cancel', desk, async (req, reply) =>
      change(req, reply, 'cancelled', async (slug, code) => {
        // A cancel cannot be undone: the clerk ticks that the person asked for it.
        if (ConfirmForm.parse(req.body ?? {}).confirm !== '1') throw new InvalidInputError([{ field: 'confirm', problem: 'CONFIRM_REQUIRED' }]);
        await cancelBooking(ctx, { code, desk: { officeSlug: slug, actor: actor(req) } });
      }),
    );

    app.post('/staff/desk/:slug/booking/:code/move', desk, async (req, reply) => {
      const { slot } = MoveForm.parse(req.body ?? {});
      return change(
        req,
        reply,
        'moved',
        async (slug, code) => {
          const [date = '', session = ''] = slot.split('|');
          const target = parseInput(z.object({ date: dateField, sessionId: idField('SESSION_INVALID') }), { date, sessionId: session });
          await rescheduleBooking(ctx, { code, date: target.date, sessionId: target.sessionId, desk: { officeSlug: slug, actor: actor(req) } });
        },
        slot,
      );
    });

    app.post('/staff/desk/:slug/booking/:code/service', desk, async (req, reply) =>
      change(req, reply, 'service', async (slug, code) => {
        const { service } = ServiceForm.parse(req.body ?? {});
        await changeBookingService(ctx, { officeSlug: slug, code, serviceCode: service, actor: namedActor(req) });
      }),
    );

    app.post('/staff/desk/:slug/booking/:code/priority', desk, async (req, reply) => {
      const form = PriorityForm.parse(req.body ?? {});
      if (form.back === 'desk') {
        // From the check-in notice: back to the scan field, with the priority confirmed there.
        const { slug, code } = parseInput(ReceiptParams, req.params);
        try {
          const b = await setPriority(ctx, { officeSlug: slug, code, priority: form.priority || null, actor: namedActor(req) });
          return reply.redirect(`${deskPath(slug)}?ok=priority&ticket=${b.code}`, 303);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const ticket = await findTicket(req, slug, code);
          return renderCheckIn(req, reply, slug, { problem: { title: domainErrorText(error, STAFF_LANG), ticket } }, error.code === 'NOT_FOUND' ? 404 : 409);
        }
      }
      return change(req, reply, 'priority', async (slug, code) => {
        await setPriority(ctx, { officeSlug: slug, code, priority: form.priority || null, actor: namedActor(req) });
      });
    });
  });
}

/** Field problems in words. Booking refusals about the day or session belong to the slot; the rest to the form. */
function formErrors(error: unknown): DeskFormErrors | undefined {
  if (error instanceof InvalidInputError) {
    const fields: Record<string, string> = {};
    for (const f of error.fields) {
      // The day and session are one choice on the form: whatever is wrong with them, choose again.
      if (f.field === 'date' || f.field === 'sessionId') fields.slot ??= errorText(STAFF_LANG, 'SESSION_INVALID');
      else fields[f.field] ??= errorText(STAFF_LANG, f.problem);
    }
    return { fields };
  }
  if (error instanceof DomainError) {
    const words = domainErrorText(error, STAFF_LANG);
    if (['SESSION_FULL', 'NOT_BOOKABLE', 'NOT_YET_OPEN', 'CLOSED'].includes(error.code)) return { fields: { slot: words }, form: words };
    return { fields: {}, form: words };
  }
  return undefined;
}
