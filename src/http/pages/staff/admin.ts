import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listDataAccess } from '../../../app/privacy/queries/list-data-access.js';
import { z } from 'zod';
import { listChanges } from '../../../app/audit/queries/list-changes.js';
import type { AppContext } from '../../../app/shared/context.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import { createOffice } from '../../../app/office/commands/create-office.js';
import { removeDaySessions } from '../../../app/office/commands/remove-day-sessions.js';
import { setDaySessions } from '../../../app/office/commands/set-day-sessions.js';
import { updateOffice } from '../../../app/office/commands/update-office.js';
import { updateSchedule } from '../../../app/office/commands/update-schedule.js';
import type { WeekDocument } from '../../../app/office/office-settings.js';
import { getOfficeSettings } from '../../../app/office/queries/get-office-settings.js';
import { getDateSessions, getSchedule, listDayOverrides } from '../../../app/office/queries/get-schedule.js';
import type { PlacesWarning } from '../../../app/office/schedule-change.js';
import type { AdminActor } from '../../../app/shared/admin-actor.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError, type FieldProblem, InvalidInputError } from '../../../domain/errors.js';
import { isLocalDate, isServedDate } from '../../../domain/local-date.js';
import type { SessionSpec, WeekdaySessions } from '../../../domain/schedule.js';
import { NewOfficeBody } from '../../office-admin-fields.js';
import { presentWarning } from '../../presenters/office-admin.js';
import { parseInput, textField } from '../../validation.js';
import {
  ADMIN_PATH,
  type AdminFormErrors,
  auditPage,
  dataAccessPage,
  type DayRow,
  daysPage,
  officesPage,
  schedulePage,
  settingsPage,
  settingsValues,
  type SettingsValues,
  WAVE_ROWS,
  weekdayName,
  type WeekRow,
} from '../../views/staff/admin.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { domainErrorText, errorText, textsFor } from '../../../texts/texts.js';
import { requirePageRole, sendStaffPage, viewerOf } from './guard.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);
const SlugParams = z.object({ slug: textField(64) });
const DayParams = z.object({ slug: textField(64), date: z.string().max(10) });
const text = (max: number) => z.string().max(max).catch('');
/** Rows a grid form may send; more is not a person typing. */
const MAX_ROWS = 40;

function adminOf(req: FastifyRequest): AdminActor {
  if (!req.staff) throw new Error('page guard let an anonymous request through');
  return { userId: req.staff.id, username: req.staff.username, officeId: req.staff.officeId };
}

/** Field problems in words, keyed by the form's own field names through `nameOf`. */
function wordsOf(problems: FieldProblem[], nameOf: (field: string) => { name: string; prefix?: string } = (f) => ({ name: f })): AdminFormErrors {
  const fields: Record<string, string> = {};
  let form: string | undefined;
  for (const p of problems) {
    const { name, prefix } = nameOf(p.field);
    const words = `${prefix ? `${prefix}: ` : ''}${errorText(STAFF_LANG, p.problem)}`;
    if (name === 'form') form ??= words;
    else fields[name] ??= words;
  }
  return { fields, form };
}

/** A refusal a person can fix, as form errors; anything else is thrown on to the error page. */
function formErrorsOf(error: unknown, nameOf?: (field: string) => { name: string; prefix?: string }): AdminFormErrors | undefined {
  if (error instanceof InvalidInputError) return wordsOf(error.fields, nameOf);
  if (error instanceof DomainError && error.code === 'SLUG_TAKEN') return { fields: { slug: domainErrorText(error, STAFF_LANG) } };
  if (error instanceof DomainError && error.code === 'NOT_FOUND' && error.details.what === 'day') return { fields: {}, form: domainErrorText(error, STAFF_LANG) };
  return undefined;
}

function warningWords(warnings: PlacesWarning[]): string[] {
  return warnings.map((w) => presentWarning(w, STAFF_LANG).message);
}

/** Places as typed: whole digits (or a minus sign, for the domain to refuse), anything else NaN. */
function placesOf(typed: string): number {
  return /^-?\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
}

/** The release settings as typed on the settings form; blank wave rows are no wave, none at all one wave at the release time. */
function releaseOf(values: SettingsValues) {
  const waves = values.waves.filter((w) => w.time || w.percent).map((w) => ({ time: w.time, percent: placesOf(w.percent) }));
  return { time: values.releaseTime, drawSeconds: placesOf(values.drawSeconds), waves: waves.length ? waves : null };
}

/** Where a settings problem shows on the form: the release's fields under their form names. */
function settingsFieldOf(field: string): { name: string } {
  const names: Record<string, string> = {
    'release.time': 'releaseTime',
    'release.drawSeconds': 'drawSeconds',
    'release.waves': 'waves',
    'release.daysAhead': 'bookingDaysAhead',
    'release.deskShare': 'deskSharePercent',
  };
  return { name: names[field] ?? field };
}

/** The week as grid rows: one per distinct session time, its places under each weekday. */
function weekRows(week: WeekDocument): WeekRow[] {
  const rows = new Map<string, WeekRow>();
  for (const d of week.weekdays) {
    for (const s of d.sessions) {
      const key = `${s.start}-${s.end}`;
      const row = rows.get(key) ?? { start: s.start, end: s.end, places: ['', '', '', '', '', '', ''] };
      row.places[d.weekday - 1] = String(s.capacity);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1));
}

/** The typed grid rows of a schedule form. */
function typedWeekRows(body: Record<string, unknown>): WeekRow[] {
  const count = Math.min(MAX_ROWS, Number(text(4).parse(body.rows)) || 0);
  const at = (name: string) => text(12).parse(body[name]).trim();
  return Array.from({ length: count }, (_, i) => ({
    start: at(`r${i}_start`),
    end: at(`r${i}_end`),
    places: [1, 2, 3, 4, 5, 6, 7].map((w) => at(`r${i}_d${w}`)),
  }));
}

/** The week document of grid rows, and where each of its fields came from in the form. */
function weekOf(rows: WeekRow[]): { weekdays: WeekdaySessions[]; nameOf: (field: string) => { name: string; prefix?: string } } {
  const origin = new Map<string, { name: string; prefix: string }>();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday, dayIndex) => {
    const sessions: SessionSpec[] = [];
    rows.forEach((r, i) => {
      const places = r.places[weekday - 1] ?? '';
      if ((!r.start && !r.end) || !places) return;
      const path = `weekdays.${dayIndex}.sessions.${sessions.length}`;
      const prefix = `${weekdayName(weekday)} ${r.start}–${r.end}`;
      origin.set(`${path}.start`, { name: `r${i}_start`, prefix });
      origin.set(`${path}.end`, { name: `r${i}_end`, prefix });
      origin.set(`${path}.capacity`, { name: `r${i}_d${weekday}`, prefix });
      sessions.push({ start: r.start, end: r.end, capacity: placesOf(places) });
    });
    return { weekday, sessions };
  });
  return { weekdays, nameOf: (field) => origin.get(field) ?? { name: 'form', prefix: field } };
}

/** The typed rows of a date form, and the sessions they give. */
function typedDayRows(body: Record<string, unknown>): DayRow[] {
  const count = Math.min(MAX_ROWS, Number(text(4).parse(body.rows)) || 0);
  const at = (name: string) => text(12).parse(body[name]).trim();
  return Array.from({ length: count }, (_, i) => ({ start: at(`s${i}_start`), end: at(`s${i}_end`), capacity: at(`s${i}_capacity`) })).filter(
    (r) => r.start || r.end || r.capacity,
  );
}

/** The admin pages: offices, an office's settings, its week, its dates with their own sessions, and the audit. */
export function adminPages(ctx: AppContext) {
  return routePlugin('adminPages', async (app: FastifyInstance) => {
    const admin = { onRequest: requirePageRole('admin') };

    async function renderOffices(req: FastifyRequest, reply: FastifyReply, values = { slug: '', name: '', address: '', timezone: 'Asia/Jakarta' }, errors?: AdminFormErrors, status = 200) {
      const actor = adminOf(req);
      const offices = (await listOffices(ctx)).filter((o) => actor.officeId === null || o.id === actor.officeId);
      return sendStaffPage(reply, officesPage({ viewer: viewerOf(req), offices, canCreate: actor.officeId === null, values, errors }), status);
    }

    app.get(`${ADMIN_PATH}`, admin, async (_req, reply) => reply.redirect(`${ADMIN_PATH}/offices`, 303));
    app.get(`${ADMIN_PATH}/offices`, admin, async (req, reply) => renderOffices(req, reply));

    app.post(`${ADMIN_PATH}/offices`, admin, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { slug: text(64).parse(body.slug).trim(), name: text(120).parse(body.name), address: text(300).parse(body.address), timezone: text(64).parse(body.timezone) };
      try {
        const fields = parseInput(NewOfficeBody, values);
        const office = await createOffice(ctx, { ...fields, actor: adminOf(req) });
        return reply.redirect(`${ADMIN_PATH}/offices/${office.slug}?ok=created`, 303);
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) throw error;
        return renderOffices(req, reply, values, errors, error instanceof DomainError ? 409 : 422);
      }
    });

    async function renderSettings(req: FastifyRequest, reply: FastifyReply, slug: string, over: { values?: SettingsValues; notice?: string; errors?: AdminFormErrors }, status = 200) {
      const { office, settings } = await getOfficeSettings(ctx, { officeSlug: slug, actor: adminOf(req) });
      const page = settingsPage({ viewer: viewerOf(req), office, values: over.values ?? settingsValues(settings), notice: over.notice, errors: over.errors });
      return sendStaffPage(reply, page, status);
    }

    app.get(`${ADMIN_PATH}/offices/:slug`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const ok = z.object({ ok: z.enum(['created', 'saved']).optional().catch(undefined) }).parse(req.query ?? {}).ok;
      const { office } = await getOfficeSettings(ctx, { officeSlug: slug, actor: adminOf(req) });
      return renderSettings(req, reply, slug, { notice: ok === 'created' ? st('staff.officeCreated', { name: office.name }) : ok === 'saved' ? st('staff.saved') : undefined });
    });

    app.post(`${ADMIN_PATH}/offices/:slug`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values: SettingsValues = {
        name: text(120).parse(body.name),
        address: text(300).parse(body.address),
        contactPhone: text(40).parse(body.contactPhone).trim(),
        contactEmail: text(120).parse(body.contactEmail).trim(),
        timezone: text(64).parse(body.timezone),
        bookingDaysAhead: text(6).parse(body.bookingDaysAhead).trim(),
        sameDayBooking: body.sameDayBooking === '1',
        checkInBeforeMinutes: text(6).parse(body.checkInBeforeMinutes).trim(),
        checkInAfterMinutes: text(6).parse(body.checkInAfterMinutes).trim(),
        earlyCheckInMinutes: text(6).parse(body.earlyCheckInMinutes).trim(),
        deskSharePercent: text(6).parse(body.deskSharePercent).trim(),
        retentionDays: text(6).parse(body.retentionDays).trim(),
        'bookingLimits.perPhonePerMonth': text(6).parse(body['bookingLimits.perPhonePerMonth']).trim(),
        'bookingLimits.perNikPerMonth': text(6).parse(body['bookingLimits.perNikPerMonth']).trim(),
        'noShowPolicy.enabled': body['noShowPolicy.enabled'] === '1',
        'noShowPolicy.noShows': text(6).parse(body['noShowPolicy.noShows']).trim(),
        'noShowPolicy.withinDays': text(6).parse(body['noShowPolicy.withinDays']).trim(),
        'noShowPolicy.blockDays': text(6).parse(body['noShowPolicy.blockDays']).trim(),
        releaseTime: text(6).parse(body.releaseTime).trim(),
        drawSeconds: text(6).parse(body.drawSeconds).trim(),
        waves: Array.from({ length: WAVE_ROWS }, (_, i) => ({ time: text(6).parse(body[`wave${i}_time`]).trim(), percent: text(6).parse(body[`wave${i}_percent`]).trim() })),
      };
      try {
        const named = parseInput(z.object({ name: textField(120), address: z.string().trim().max(300, 'TOO_LONG'), timezone: textField(64) }), values);
        await updateOffice(ctx, {
          officeSlug: slug,
          actor: adminOf(req),
          changes: {
            ...named,
            contactPhone: values.contactPhone,
            contactEmail: values.contactEmail,
            sameDayBooking: values.sameDayBooking,
            bookingDaysAhead: placesOf(values.bookingDaysAhead),
            checkInBeforeMinutes: placesOf(values.checkInBeforeMinutes),
            checkInAfterMinutes: placesOf(values.checkInAfterMinutes),
            earlyCheckInMinutes: placesOf(values.earlyCheckInMinutes),
            deskSharePercent: placesOf(values.deskSharePercent),
            // A form without the field (an older page still open) keeps the setting.
            ...(body.retentionDays === undefined ? {} : { retentionDays: placesOf(values.retentionDays) }),
            // Likewise for the limits per person and the no-show policy.
            ...(body['bookingLimits.perPhonePerMonth'] === undefined
              ? {}
              : {
                  bookingLimits: { perPhonePerMonth: placesOf(values['bookingLimits.perPhonePerMonth']), perNikPerMonth: placesOf(values['bookingLimits.perNikPerMonth']) },
                  noShowPolicy: {
                    enabled: values['noShowPolicy.enabled'],
                    noShows: placesOf(values['noShowPolicy.noShows']),
                    withinDays: placesOf(values['noShowPolicy.withinDays']),
                    blockDays: placesOf(values['noShowPolicy.blockDays']),
                  },
                }),
            ...(body.releaseTime === undefined ? {} : { release: releaseOf(values) }),
          },
        });
        return reply.redirect(`${ADMIN_PATH}/offices/${slug}?ok=saved`, 303);
      } catch (error) {
        const errors = formErrorsOf(error, settingsFieldOf);
        if (!errors) throw error;
        return renderSettings(req, reply, slug, { values, errors }, 422);
      }
    });

    async function renderSchedule(req: FastifyRequest, reply: FastifyReply, slug: string, over: { rows?: WeekRow[]; notice?: string; warnings?: string[]; errors?: AdminFormErrors }, status = 200) {
      const { office, schedule } = await getSchedule(ctx, { officeSlug: slug, actor: adminOf(req) });
      const page = schedulePage({ viewer: viewerOf(req), office, rows: over.rows ?? weekRows(schedule), notice: over.notice, warnings: over.warnings, errors: over.errors });
      return sendStaffPage(reply, page, status);
    }

    app.get(`${ADMIN_PATH}/offices/:slug/schedule`, admin, async (req, reply) => renderSchedule(req, reply, parseInput(SlugParams, req.params).slug, {}));

    app.post(`${ADMIN_PATH}/offices/:slug/schedule`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const rows = typedWeekRows((req.body ?? {}) as Record<string, unknown>);
      const { weekdays, nameOf } = weekOf(rows);
      try {
        const { warnings } = await updateSchedule(ctx, { officeSlug: slug, weekdays, actor: adminOf(req) });
        return renderSchedule(req, reply, slug, { notice: st('staff.saved'), warnings: warningWords(warnings) });
      } catch (error) {
        const errors = formErrorsOf(error, nameOf);
        if (!errors) throw error;
        return renderSchedule(req, reply, slug, { rows: rows.filter((r) => r.start || r.end || r.places.some(Boolean)), errors }, 422);
      }
    });

    async function renderDays(
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      over: { date?: string; rows?: DayRow[]; notice?: string; warnings?: string[]; errors?: AdminFormErrors },
      status = 200,
    ) {
      const { office, days } = await listDayOverrides(ctx, { officeSlug: slug, actor: adminOf(req) });
      const date = over.date && isLocalDate(over.date) && isServedDate(over.date) ? over.date : '';
      let rows = over.rows;
      if (!rows && date) {
        // The date's sessions as they stand (its own, or its weekday's), to edit from.
        rows = (await getDateSessions(ctx, { officeSlug: slug, actor: adminOf(req), date })).map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) }));
      }
      const page = daysPage({ viewer: viewerOf(req), office, overrides: days, date, rows: rows ?? [], notice: over.notice, warnings: over.warnings, errors: over.errors });
      return sendStaffPage(reply, page, status);
    }

    app.get(`${ADMIN_PATH}/offices/:slug/days`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const date = z.object({ date: z.string().max(10).optional().catch(undefined) }).parse(req.query ?? {}).date;
      return renderDays(req, reply, slug, { date });
    });

    app.post(`${ADMIN_PATH}/offices/:slug/days`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const date = text(10).parse(body.date).trim();
      const rows = typedDayRows(body);
      const sessions = rows.map((r) => ({ start: r.start, end: r.end, capacity: placesOf(r.capacity) }));
      const nameOf = (field: string) => {
        const m = /^sessions\.(\d+)\.(start|end|capacity)$/.exec(field);
        const row = m ? rows[Number(m[1])] : undefined;
        if (m && row) return { name: `s${m[1]}_${m[2]}`, prefix: `${row.start}–${row.end}` };
        return { name: field === 'date' ? 'date' : 'form' };
      };
      try {
        if (!isLocalDate(date) || !isServedDate(date)) throw new InvalidInputError([{ field: 'date', problem: 'DATE_INVALID' }]);
        const r = await setDaySessions(ctx, { officeSlug: slug, date, sessions, actor: adminOf(req) });
        return renderDays(req, reply, slug, { date, notice: st('staff.saved'), warnings: warningWords(r.warnings) });
      } catch (error) {
        const errors = formErrorsOf(error, nameOf);
        if (!errors) throw error;
        return renderDays(req, reply, slug, { date: isLocalDate(date) ? date : '', rows, errors }, 422);
      }
    });

    app.post(`${ADMIN_PATH}/offices/:slug/days/:date/delete`, admin, async (req, reply) => {
      const { slug, date } = parseInput(DayParams, req.params);
      try {
        if (!isLocalDate(date) || !isServedDate(date)) throw new InvalidInputError([{ field: 'date', problem: 'DATE_INVALID' }]);
        const r = await removeDaySessions(ctx, { officeSlug: slug, date, actor: adminOf(req) });
        return renderDays(req, reply, slug, { notice: st('staff.dayRemoved', { date }), warnings: warningWords(r.warnings) });
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) throw error;
        return renderDays(req, reply, slug, { errors }, error instanceof DomainError ? 404 : 422);
      }
    });

    app.get(`${ADMIN_PATH}/audit`, admin, async (req, reply) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      const values = { office: text(64).parse(q.office).trim(), from: text(10).parse(q.from).trim(), to: text(10).parse(q.to).trim(), user: text(64).parse(q.user).trim(), code: text(40).parse(q.code).trim() };
      const actor = adminOf(req);
      const offices = (await listOffices(ctx)).filter((o) => actor.officeId === null || o.id === actor.officeId);
      const problems: FieldProblem[] = [];
      for (const key of ['from', 'to'] as const) if (values[key] && !(isLocalDate(values[key]) && isServedDate(values[key]))) problems.push({ field: key, problem: 'DATE_INVALID' });
      const code = values.code ? normalizeBookingCode(values.code) : undefined;
      if (code === null) problems.push({ field: 'code', problem: 'CODE_INVALID' });
      if (!values.office && actor.officeId !== null) values.office = offices[0]?.slug ?? '';
      const lines = problems.length
        ? []
        : await listChanges(ctx, {
            filter: { officeSlug: values.office || undefined, from: values.from || undefined, to: values.to || undefined, username: values.user || undefined, code: code ?? undefined },
            actor,
          });
      const page = auditPage({ viewer: viewerOf(req), offices, allOffices: actor.officeId === null, values, lines, errors: problems.length ? wordsOf(problems) : undefined });
      return sendStaffPage(reply, page, problems.length ? 422 : 200);
    });

    app.get(`${ADMIN_PATH}/offices/:slug/data-access`, admin, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params);
      const q = (req.query ?? {}) as Record<string, unknown>;
      const values = { booking: text(40).parse(q.booking).trim(), user: text(64).parse(q.user).trim(), from: text(10).parse(q.from).trim(), to: text(10).parse(q.to).trim() };
      const problems: FieldProblem[] = [];
      for (const key of ['from', 'to'] as const) if (values[key] && !(isLocalDate(values[key]) && isServedDate(values[key]))) problems.push({ field: key, problem: 'DATE_INVALID' });
      if (values.booking && normalizeBookingCode(values.booking) === null) problems.push({ field: 'booking', problem: 'CODE_INVALID' });
      const { office, lines } = await listDataAccess(ctx, {
        officeSlug: slug,
        actor: adminOf(req),
        ...(problems.length ? { booking: '-' } : { booking: values.booking || undefined, user: values.user || undefined, from: values.from || undefined, to: values.to || undefined }),
      });
      const page = dataAccessPage({ viewer: viewerOf(req), office, values, lines: problems.length ? [] : lines, errors: problems.length ? wordsOf(problems) : undefined });
      return sendStaffPage(reply, page, problems.length ? 422 : 200);
    });
  });
}
