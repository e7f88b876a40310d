import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/staff-role.js';
import { DIALECTS } from '../support/dialects.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING } from '../support/test-runtime.js';

interface StaffRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  allowed: Role[];
  body?: object;
}

const O = '/api/v1/offices/kota-bogor';
const DESK: Role[] = ['desk', 'admin'];
const COUNTER: Role[] = ['counter', 'admin'];
const SCREENS: Role[] = ['display', 'desk', 'counter', 'admin'];

/** Every staff route and who may use it; a new staff route belongs here too. */
const ROUTES: StaffRoute[] = [
  { method: 'GET', url: '/api/v1/auth/me', allowed: SCREENS },
  { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users', allowed: ['admin'], body: {} },
  { method: 'POST', url: '/api/v1/users/nobody/disable', allowed: ['admin'], body: {} },
  { method: 'POST', url: '/api/v1/users/nobody/enable', allowed: ['admin'], body: {} },
  { method: 'PATCH', url: '/api/v1/users/nobody', allowed: ['admin'], body: {} },
  { method: 'POST', url: '/api/v1/users/nobody/reset-password', allowed: ['admin'], body: {} },
  { method: 'POST', url: '/api/v1/auth/password', allowed: SCREENS, body: {} },
  { method: 'POST', url: `${O}/services`, allowed: ['admin'], body: {} },
  { method: 'PATCH', url: `${O}/services/KK`, allowed: ['admin'], body: {} },
  { method: 'POST', url: `${O}/services/reorder`, allowed: ['admin'], body: {} },
  { method: 'POST', url: `${O}/counters`, allowed: ['admin'], body: {} },
  { method: 'PATCH', url: `${O}/counters/1`, allowed: ['admin'], body: {} },
  { method: 'GET', url: `${O}/counters?includeInactive=true`, allowed: SCREENS },
  { method: 'POST', url: `${O}/check-ins`, allowed: DESK, body: {} },
  { method: 'POST', url: `${O}/walk-ins`, allowed: DESK, body: {} },
  { method: 'POST', url: `${O}/bookings`, allowed: DESK, body: {} },
  { method: 'GET', url: `${O}/bookings?q=budi`, allowed: DESK },
  { method: 'POST', url: `${O}/bookings/ACDEFGHJK/requeue`, allowed: DESK, body: {} },
  { method: 'GET', url: `${O}/counters`, allowed: SCREENS },
  ...['call-next', 'recall', 'skip', 'start', 'finish', 'finish-and-call-next', 'undo-skip', 'claim', 'transfer', 'pause', 'resume'].map(
    (action): StaffRoute => ({ method: 'POST', url: `${O}/counters/1/${action}`, allowed: COUNTER, body: {} }),
  ),
  { method: 'GET', url: `${O}/display/state`, allowed: SCREENS },
  // Reports name each clerk's numbers: the admin's, not the desk's.
  { method: 'GET', url: `${O}/reports/summary?from=2026-12-01&to=2026-12-07`, allowed: ['admin'] },
  { method: 'GET', url: `${O}/reports/summary.csv?from=2026-12-01&to=2026-12-07&table=clerks`, allowed: ['admin'] },
  { method: 'GET', url: `${O}/reports/satisfaction?from=2026-12-01&to=2026-12-07`, allowed: ['admin'] },
  { method: 'GET', url: `${O}/closures`, allowed: ['admin'] },
  { method: 'POST', url: `${O}/closures`, allowed: ['admin'], body: {} },
  { method: 'DELETE', url: `${O}/closures/2026-12-07`, allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/offices', allowed: ['admin'], body: {} },
  { method: 'GET', url: `${O}/settings`, allowed: ['admin'] },
  { method: 'PATCH', url: O, allowed: ['admin'], body: {} },
  { method: 'GET', url: `${O}/schedule`, allowed: ['admin'] },
  { method: 'PUT', url: `${O}/schedule`, allowed: ['admin'], body: {} },
  { method: 'GET', url: `${O}/days`, allowed: ['admin'] },
  { method: 'PUT', url: `${O}/days/2026-12-21`, allowed: ['admin'], body: {} },
  { method: 'DELETE', url: `${O}/days/2026-12-21`, allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/audit', allowed: ['admin'] },
  { method: 'GET', url: `${O}/outbox`, allowed: ['admin'] },
  { method: 'POST', url: `${O}/outbox/999999/resend`, allowed: ['admin'], body: {} },
  { method: 'GET', url: `${O}/message-templates`, allowed: ['admin'] },
  { method: 'PUT', url: `${O}/message-templates/booked/id`, allowed: ['admin'], body: {} },
  { method: 'DELETE', url: `${O}/message-templates/booked/id`, allowed: ['admin'] },
  { method: 'POST', url: `${O}/message-templates/booked/id/preview`, allowed: ['admin'], body: {} },
];

describe.each(DIALECTS)('who may use each staff route on $name', (dialect) => {
  let rt: TestRuntime;
  const logins = new Map<Role, StaffLogin>();

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    for (const role of ['admin', 'desk', 'counter', 'display'] as const) logins.set(role, await logInStaff(rt, role));
  });
  afterAll(async () => {
    await rt.close();
  });

  const call = (r: StaffRoute, login?: StaffLogin) =>
    rt.app.inject({
      method: r.method,
      url: r.url,
      payload: r.body,
      headers: login ? { cookie: login.cookie, 'x-csrf-token': login.csrfToken } : {},
    });

  it.each(ROUTES)('$method $url answers 401 without a session', async (route) => {
    const res = await call(route);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it.each(ROUTES)('$method $url answers 403 to every role it does not allow, and lets the others through', async (route) => {
    for (const [role, login] of logins) {
      const res = await call(route, login);
      if (route.allowed.includes(role)) {
        expect([401, 403], `${role} ${route.url}`).not.toContain(res.statusCode);
        expect(res.statusCode, `${role} ${route.url}: ${res.body}`).toBeLessThan(500);
      } else {
        expect(res.statusCode, `${role} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a desk form post without the CSRF token', async () => {
    const desk = logins.get('desk')!;
    const res = await rt.app.inject({
      method: 'POST',
      url: `${O}/check-ins`,
      payload: 'code=ACDEFGHJK',
      headers: { cookie: desk.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('keeps an account tied to another office out', async () => {
    await rt.storage.db.insertInto('offices').values({
      slug: 'kota-depok', name: 'Disdukcapil Kota Depok', timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,2,3,4,5',
      same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: TUESDAY_MORNING.toISOString(),
    }).execute();
    const depokDesk = await logInStaff(rt, 'desk', { officeSlug: 'kota-depok' });
    const res = await call({ method: 'GET', url: `${O}/bookings?q=budi`, allowed: DESK }, depokDesk);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OTHER_OFFICE');
    // An admin tied to one office reads only that office's reports.
    const depokAdmin = await logInStaff(rt, 'admin', { officeSlug: 'kota-depok' });
    for (const url of [`${O}/reports/summary?from=2026-12-01&to=2026-12-07`, `${O}/reports/summary.csv?from=2026-12-01&to=2026-12-07`]) {
      const other = await call({ method: 'GET', url, allowed: ['admin'] }, depokAdmin);
      expect(other.statusCode, url).toBe(403);
      expect(other.json().error.code).toBe('OTHER_OFFICE');
    }
    const own = await call({ method: 'GET', url: '/api/v1/offices/kota-depok/reports/summary?from=2026-12-01&to=2026-12-07', allowed: ['admin'] }, depokAdmin);
    expect(own.statusCode).toBe(200);
  });
});
