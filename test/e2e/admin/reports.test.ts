import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../../src/app/book.js';
import { callNext } from '../../../src/app/call-next.js';
import { checkIn } from '../../../src/app/check-in.js';
import { finishTicket } from '../../../src/app/finish-ticket.js';
import { startServing } from '../../../src/app/start-serving.js';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY, wednesdayAt } from '../staff/helpers.js';

describe('the admin reports', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let admin: StaffAccount;
  let desk: StaffAccount;

  beforeAll(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    admin = await addStaff(rt, 'admin');
    desk = await addStaff(rt, 'desk');
    const counter = await addStaff(rt, 'counter');
    const counterId = Number((await rt.storage.db.selectFrom('users').select('id').where('username', '=', counter.username).executeTakeFirstOrThrow()).id);
    const sessions = await rt.storage.db.selectFrom('sessions').select('id').orderBy('start_time').execute();
    // Tuesday: three bookings for Wednesday; on Wednesday two come and are served.
    const codes: string[] = [];
    for (const [i, service] of ['KTP-BARU', 'KK', 'KTP-BARU'].entries()) {
      const r = await book(rt.ctx, { officeSlug: 'kota-bogor', date: '2026-12-02', sessionId: Number(sessions[0]!.id), channel: 'online', serviceCode: service, nik: nikFor(9100 + i), name: 'Warga Laporan', phone: '081234567890' });
      codes.push(r.booking.code);
    }
    const at = { officeSlug: 'kota-bogor', counterNumber: 1, actor: { userId: counterId } };
    for (const [i, code] of codes.slice(0, 2).entries()) {
      rt.setNow(wednesdayAt(`07:4${i}`));
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code, actor: { userId: counterId } });
    }
    for (const [i, minute] of ['00', '20'].entries()) {
      rt.setNow(wednesdayAt(`08:${minute}`));
      await callNext(rt.ctx, at);
      await startServing(rt.ctx, at);
      rt.setNow(wednesdayAt(`08:${Number(minute) + 10 + i}`));
      await finishTicket(rt.ctx, at);
    }
    rt.setNow(wednesdayAt('15:00'));
  });
  afterAll(async () => {
    await rt.close();
  });

  it('shows the range with charts drawn on the server, their tables, and CSV downloads, without JavaScript', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports?office=kota-bogor&from=2026-12-02&to=2026-12-02')}`);
    expect(new URL(page.url()).pathname).toBe('/staff/admin/reports');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Laporan kantor');
    const tile = (label: string) => page.locator('.figure-tile', { has: page.locator('dt', { hasText: label }) }).locator('.figure-value').first().textContent();
    expect(await tile('Terdaftar')).toBe('3');
    expect(await tile('Dilayani')).toBe('2');
    expect(await tile('Waktu tunggu')).toBe('29,5 mnt');

    // Every chart is an SVG image with a title and a description, drawn without a script.
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(5);
    for (const chart of await charts.all()) {
      expect(await chart.locator('title').textContent()).not.toBe('');
      expect(await chart.locator('desc').textContent()).not.toBe('');
    }
    expect(await page.locator('#chart-sessions-desc').textContent()).toContain('A · 08.00–09.00: 7,5 %');
    expect(await page.locator('script').count()).toBe(0);
    await saveScreenshot(page, 'admin-reports');

    // Each table downloads as CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-csv="services"]').click()]);
    expect(download.suggestedFilename()).toBe('antrean-kota-bogor-services-2026-12-02_2026-12-02.csv');
    const body = readFileSync(await download.path());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^code,name,booked,/);
    expect(lines.find((l) => l.startsWith('KTP-BARU,'))).toMatch(/^KTP-BARU,Perekaman KTP-el baru,2,2,0,0,1,1,/);
    expect(await page.locator('a[data-csv]').count()).toBe(7);
  });

  it('passes the accessibility check and refuses a reversed range in words', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports?from=2026-12-02&to=2026-12-02')}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const res = await page.goto(`${base}/staff/admin/reports?from=2026-12-03&to=2026-12-01`);
    expect(res?.status()).toBe(422);
    expect(await page.locator('#report-to-error').textContent()).toBe('Tanggal akhir tidak boleh sebelum tanggal awal.');
    expect(await page.locator('svg.chart').count()).toBe(0);
  });

  it('prints the daily summary on one A4 page', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports/daily?date=2026-12-02')}`);
    expect(await page.locator('h1').textContent()).toBe('Ringkasan harian · Rabu, 2 Desember 2026');
    expect(await page.locator('svg.chart').count()).toBe(1);
    await saveScreenshot(page, 'admin-reports-daily');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('is not for the desk', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, desk, `/staff/login?next=${encodeURIComponent('/staff/admin/reports')}`);
    expect(await page.locator('h1').textContent()).toBe('Halaman ini bukan untuk akun Anda');
  });
});
