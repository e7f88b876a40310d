import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listDataAccess } from '../../app/privacy/queries/list-data-access.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listChanges } from '../../app/audit/queries/list-changes.js';
import type { AppContext } from '../../app/shared/context.js';
import { createOffice } from '../../app/office/commands/create-office.js';
import { removeDaySessions } from '../../app/office/commands/remove-day-sessions.js';
import { setDaySessions } from '../../app/office/commands/set-day-sessions.js';
import { updateOffice } from '../../app/office/commands/update-office.js';
import { updateSchedule } from '../../app/office/commands/update-schedule.js';
import { officeSettingsOf } from '../../app/office/office-settings.js';
import { getOfficeSettings } from '../../app/office/queries/get-office-settings.js';
import { getSchedule, listDayOverrides } from '../../app/office/queries/get-schedule.js';
import type { AdminActor } from '../../app/shared/admin-actor.js';
import { normalizeBookingCode } from '../../domain/booking-code.js';
import { requestLang } from '../i18n.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { requireRole, verifyCsrf } from '../plugins/staff-auth.js';
import {
  AuditLineSchema,
  OfficeSettingsSchema,
  PlacesWarningSchema,
  presentAuditLine,
  presentOfficeSettings,
  presentWarning,
  SessionSpecSchema,
  WeekSchema,
} from '../presenters/office-admin.js';
import { NewOfficeBody, OfficeChangesBody } from '../office-admin-fields.js';
import { bookingCodeField, dateField, textField } from '../validation.js';
import { routePlugin } from '../route-plugin.js';

/*
 * Shapes only: the domain checks times, overlaps, places and zones, so the API and the admin
 * pages refuse the same things with the same field codes.
 */
const timeField = z.string({ error: 'TIME_INVALID' }).max(5, 'TIME_INVALID');
const SessionBody = z.object({ start: timeField, end: timeField, capacity: z.number({ error: 'CAPACITY_RANGE' }) });
const SessionsBody = z.array(SessionBody, { error: 'INVALID' }).max(50, 'TOO_MANY_SESSIONS');
const WeekBody = z.object({
  weekdays: z.array(z.object({ weekday: z.number({ error: 'WEEKDAY_INVALID' }), sessions: SessionsBody }), { error: 'INVALID' }).max(7, 'WEEKDAY_DUPLICATE'),
});
const DayBody = z.object({ sessions: SessionsBody });
const SlugParams = z.object({ slug: textField(64) });
const DayParams = z.object({ slug: textField(64), date: dateField });
const AuditQuery = z.object({
  office: textField(64).optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  user: textField(64).optional(),
  code: bookingCodeField.optional(),
});

const OfficeAnswer = z.object({ office: OfficeSettingsSchema });
const DataAccessQuery = z.object({
  booking: bookingCodeField.optional().describe('Only reads of this booking code'),
  user: textField(64).optional().describe("Only reads by this staff member's username"),
  from: dateField.optional().describe("First day, on the office's calendar"),
  to: dateField.optional().describe('Last day, included'),
});
const DataAccessAnswer = z.object({
  reads: z.array(
    z
      .object({
        at: z.string(),
        username: z.string(),
        role: z.string(),
        action: z.string().describe('desk_search, booking_lookup, desk_booking, desk_receipt or counter_ticket'),
        code: z.string(),
        queueNumber: z.string(),
        date: z.string(),
      })
      .meta({ id: 'PersonalDataRead' }),
  ),
});
const Warnings = z.array(PlacesWarningSchema).describe('Sessions left with more bookings than places: every booking is kept');
const DayAnswer = z.object({ date: z.string(), sessions: z.array(SessionSpecSchema), warnings: Warnings });

const TAG = ['office administration'];
function spec<P, R>(summary: string, parts: P, response: R) {
  return { onRequest: requireRole('admin'), schema: { tags: TAG, summary: `${summary} [admin]`, security: [{ staffSession: [] }], ...parts, response: { ...response, ...ERROR_RESPONSES } } };
}

/** The admin making the change, from the session the role guard checked. */
function adminOf(req: FastifyRequest): AdminActor {
  if (!req.staff) throw new Error('role guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username, officeId: req.staff.officeId };
}

/** Offices, their week, dates with their own sessions, and the audit, under /api/v1; admin only, an office-tied admin only for that office. */
export function officeAdminApiRoutes(ctx: AppContext) {
  return routePlugin('officeAdminApiRoutes', async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', verifyCsrf);

    app.post('/offices', spec('Open an office with the seed defaults, bookable at once', { body: NewOfficeBody }, { 201: OfficeAnswer }), async (req, reply) => {
      const office = await createOffice(ctx, { ...req.body, actor: adminOf(req) });
      return reply.status(201).send({ office: presentOfficeSettings(officeSettingsOf(office)) });
    });

    app.get('/offices/:slug/settings', spec("An office's settings and booking rules", { params: SlugParams }, { 200: OfficeAnswer }), async (req) => {
      const { settings } = await getOfficeSettings(ctx, { officeSlug: req.params.slug, actor: adminOf(req) });
      return { office: presentOfficeSettings(settings) };
    });

    app.get(
      '/offices/:slug/data-access',
      spec(
        'Every staff read of personal data at the office (desk search, booking lookup and page, receipt, counter view): who, when, which booking, for what; newest first, at most 1000',
        { params: SlugParams, querystring: DataAccessQuery },
        { 200: DataAccessAnswer },
      ),
      async (req) => {
        const { lines } = await listDataAccess(ctx, { officeSlug: req.params.slug, actor: adminOf(req), ...stripUndefined(req.query) });
        return { reads: lines };
      },
    );

    app.patch(
      '/offices/:slug',
      spec('Change name, address, zone and booking rules; all or nothing', { params: SlugParams, body: OfficeChangesBody }, { 200: OfficeAnswer }),
      async (req) => {
        const settings = await updateOffice(ctx, { officeSlug: req.params.slug, changes: stripUndefined(req.body), actor: adminOf(req) });
        return { office: presentOfficeSettings(settings) };
      },
    );

    app.get('/offices/:slug/schedule', spec('The week: ISO weekdays 1–7 with their sessions; none means closed', { params: SlugParams }, { 200: WeekSchema }), async (req) => {
      const { schedule } = await getSchedule(ctx, { officeSlug: req.params.slug, actor: adminOf(req) });
      return schedule;
    });

    app.put(
      '/offices/:slug/schedule',
      spec('Replace the week; applies to what is not yet booked', { params: SlugParams, body: WeekBody }, { 200: WeekSchema.extend({ warnings: Warnings }) }),
      async (req) => {
        const { schedule, warnings } = await updateSchedule(ctx, { officeSlug: req.params.slug, weekdays: req.body.weekdays, actor: adminOf(req) });
        return { ...schedule, warnings: warnings.map((w) => presentWarning(w, requestLang(req))) };
      },
    );

    app.get(
      '/offices/:slug/days',
      spec('Dates from today on with sessions of their own', { params: SlugParams }, { 200: z.object({ days: z.array(z.object({ date: z.string(), sessions: z.array(SessionSpecSchema) })) }) }),
      async (req) => {
        const { days } = await listDayOverrides(ctx, { officeSlug: req.params.slug, actor: adminOf(req) });
        return { days };
      },
    );

    app.put(
      '/offices/:slug/days/:date',
      spec("Give one date its own sessions, replacing its weekday's", { params: DayParams, body: DayBody }, { 200: DayAnswer }),
      async (req) => {
        const r = await setDaySessions(ctx, { officeSlug: req.params.slug, date: req.params.date, sessions: req.body.sessions, actor: adminOf(req) });
        return { ...r, warnings: r.warnings.map((w) => presentWarning(w, requestLang(req))) };
      },
    );

    app.delete(
      '/offices/:slug/days/:date',
      spec("Remove a date's own sessions: it follows its weekday again", { params: DayParams }, { 200: z.object({ date: z.string(), warnings: Warnings }) }),
      async (req) => {
        const r = await removeDaySessions(ctx, { officeSlug: req.params.slug, date: req.params.date, actor: adminOf(req) });
        return { ...r, warnings: r.warnings.map((w) => presentWarning(w, requestLang(req))) };
      },
    );

    app.get(
      '/audit',
      spec('Configuration changes and ticket events, newest first (at most 500)', { querystring: AuditQuery }, { 200: z.object({ entries: z.array(AuditLineSchema) }) }),
      async (req) => {
        const q = req.query;
        const lines = await listChanges(ctx, {
          filter: { officeSlug: q.office, from: q.from, to: q.to, username: q.user, code: q.code ? (normalizeBookingCode(q.code) ?? q.code) : undefined },
          actor: adminOf(req),
        });
        return { entries: lines.map(presentAuditLine) };
      },
    );
  });
}

/** The body's given fields only, for a PATCH that leaves absent ones alone. */
function stripUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
