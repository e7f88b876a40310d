import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { composeMessage } from '../../src/app/notify/compose-message.js';
import { listAudit } from '../../src/db/repositories/audit.js';
import { DIALECTS } from '../support/dialects.js';
import { nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const T = '/api/v1/offices/kota-bogor/message-templates';

describe.each(DIALECTS)('message templates on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    admin = await logInStaff(rt, 'admin');
  });
  afterEach(async () => {
    await rt.close();
  });

  const as = (who: StaffLogin, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    rt.app.inject({ method, url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers } });

  it('lists every kind in both languages with the default words until the office edits them', async () => {
    const res = await as(admin, 'GET', T);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { placeholders: string[]; templates: { kind: string; lang: string; edited: boolean; body: string }[] };
    expect(body.templates).toHaveLength(12);
    expect(body.templates.every((t) => !t.edited)).toBe(true);
    expect(body.placeholders).toContain('kode');
  });

  it('saves edited words, sends them in the next message, audits the change, and goes back to the default', async () => {
    const put = await as(admin, 'PUT', `${T}/booked/id`, { body: 'Kode {kode}, {waktu}' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().template).toMatchObject({ kind: 'booked', lang: 'id', body: 'Kode {kode}, {waktu}', edited: true });

    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-07&days=1' });
    const { booking } = await book(rt.ctx, { officeSlug: 'kota-bogor', date: '2026-12-07', sessionId: avail.json().days[0].sessions[0].id, serviceCode: 'KTP-BARU', nik: nikFor(3), name: 'Budi', phone: '081234567890', channel: 'online' });
    const m = await composeMessage(rt.storage.db, { bookingId: booking.id, kind: 'booked' });
    expect(m.text).toMatch(/^Kode [A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}, Senin, 7 Desember 2026, 08\.00–09\.00 WIB$/);

    const audit = await listAudit(rt.storage.db, {});
    expect(audit.find((a) => a.action === 'message_template.update')).toMatchObject({ subject: 'booked/id', username: admin.username });

    const del = await as(admin, 'DELETE', `${T}/booked/id`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().template.edited).toBe(false);
    const again = await composeMessage(rt.storage.db, { bookingId: booking.id, kind: 'booked' });
    expect(again.text).toContain('Halo Budi');
    expect((await listAudit(rt.storage.db, {})).some((a) => a.action === 'message_template.reset')).toBe(true);
  });

  it('refuses an unknown placeholder with 422 TEMPLATE_UNKNOWN_PLACEHOLDER naming it, and saves nothing', async () => {
    const res = await as(admin, 'PUT', `${T}/reminder_evening/en`, { body: 'Code {code}' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TEMPLATE_UNKNOWN_PLACEHOLDER');
    expect(res.json().error.message).toContain('{code}');
    expect(res.json().error.message).toContain('{kode}');
    const list = (await as(admin, 'GET', T)).json() as { templates: { kind: string; lang: string; edited: boolean }[] };
    expect(list.templates.find((t) => t.kind === 'reminder_evening' && t.lang === 'en')?.edited).toBe(false);
  });

  it('refuses an empty body, an unknown kind and an unknown language', async () => {
    const empty = await as(admin, 'PUT', `${T}/booked/id`, { body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields.body.code).toBe('TEMPLATE_EMPTY');
    expect((await as(admin, 'PUT', `${T}/welcome/id`, { body: 'x' })).json().error.fields.kind.code).toBe('KIND_INVALID');
    expect((await as(admin, 'PUT', `${T}/booked/fr`, { body: 'x' })).json().error.fields.lang.code).toBe('LANG_INVALID');
  });

  it('previews words for a sample booking tomorrow without saving them', async () => {
    const res = await as(admin, 'POST', `${T}/turn_near/id/preview`, { body: 'Nomor {nomor} pada {hari}\n{loket}', counterNumber: 4 });
    expect(res.statusCode, res.body).toBe(200);
    // Today is Tuesday 1 December 2026 on the test clock.
    expect(res.json().text).toBe('Nomor A-007 pada Rabu, 2 Desember 2026\nSilakan menuju Loket 4 sekarang.');
    const list = (await as(admin, 'GET', T)).json() as { templates: { kind: string; edited: boolean }[] };
    expect(list.templates.every((t) => !t.edited)).toBe(true);
  });

  it('is for admins only', async () => {
    const desk = await logInStaff(rt, 'desk');
    expect((await as(desk, 'GET', T)).statusCode).toBe(403);
    expect((await rt.app.inject({ url: T })).statusCode).toBe(401);
  });

  it('previews on the admin page with a plain form post, no script needed', async () => {
    const page = await rt.app.inject({ url: '/staff/admin/messages/kota-bogor/reminder_evening/id', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="action" value="preview"');
    const form = new URLSearchParams({ _csrf: admin.csrfToken, body: 'Besok {hari}, {jam}', action: 'preview' });
    const res = await rt.app.inject({ method: 'POST', url: '/staff/admin/messages/kota-bogor/reminder_evening/id', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Besok Rabu, 2 Desember 2026, 08.00–09.00 WIB');
    // The words stay in the field as typed, unsaved.
    expect(res.body).toContain('>Besok {hari}, {jam}</textarea>');
    const bad = new URLSearchParams({ _csrf: admin.csrfToken, body: 'Besok {besok}', action: 'save' });
    const refused = await rt.app.inject({ method: 'POST', url: '/staff/admin/messages/kota-bogor/reminder_evening/id', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: bad.toString() });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('{besok}');
  });
});
