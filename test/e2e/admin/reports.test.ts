import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../../src/app/booking/commands/book.js';
import { actOnCounterTicket } from '../../../src/app/floor/commands/act-on-counter-ticket.js';
import { callNext } from '../../../src/app/floor/commands/call-next.js';
import { checkIn } from '../../../src/app/floor/commands/check-in.js';
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
    const session = Number((await rt.storage.db.selectFrom('sessions').select('id').orderBy('start_time').executeTakeFirstOrThrow()).id);
    const services = await rt.storage.db.selectFrom('services').select('code').orderBy('sort_order').orderBy('id').execute();
    // Tuesday: one booking for Wednesday per service (a busy day's worth of rows for the daily page);
    // on Wednesday the first eight come, and four counters serve them in two rounds.
    const codes: string[] = [];
    for (const [i, { code }] of services.entries()) {
      const r = await book(rt.ctx, { officeSlug: 'kota-bogor', date: '2026-12-02', sessionId: session, channel: 'online', serviceCode: code, nik: nikFor(9100 + i), name: 'Warga Laporan', phone: '081234567890' });
      codes.push(r.booking.code);
    }
    for (const [i, code] of codes.slice(0, 8).entries()) {
      rt.setNow(wednesdayAt(`07:${40 + i}`));
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code, actor: { userId: counterId } });
    }
    const at = (counterNumber: number) => ({ officeSlug: 'kota-bogor', counterNumber, actor: { userId: counterId } });
    const clock = (minute: number) => rt.setNow(wednesdayAt(`08:${String(minute).padStart(2, '0')}`));
    // Each waits 21 minutes in the first round and 37 in the second; each is served for 10.
    for (const round of [0, 20]) {
      for (const c of [1, 2, 3, 4]) {
        clock(round + c);
        await callNext(rt.ctx, at(c));
        await actOnCounterTicket(rt.ctx, { ...at(c), action: 'start' });
      }
      for (const c of [1, 2, 3, 4]) {
        clock(round + c + 10);
        await actOnCounterTicket(rt.ctx, { ...at(c), action: 'finish' });
      }
    }
    rt.setNow(wednesdayAt('15:00'));
  });
  afterAll(async () => {
    await rt.close();
  });

  it('shows the range with charts drawn on the server, their tables, and CSV downloads, without JavaScript', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports?office=kota-bogor&from=2026-12-02&to=2026-12-02')}`);
    expect(new URL(page.url()).pathname).toBe('/staff/admin/reports');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Laporan kantor');
    const tile = (label: string) => page.locator('.figure-tile', { has: page.locator('dt', { hasText: label }) }).locator('.figure-value').first().textContent();
    expect(await tile('Terdaftar')).toBe('14');
    expect(await tile('Dilayani')).toBe('8');
    expect(await tile('Waktu tunggu')).toBe('29,0 mnt');
    expect(await tile('Waktu layanan')).toBe('10,0 mnt');

    // Every chart is an SVG image with a title and a description, drawn without a script.
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(5);
    for (const chart of await charts.all()) {
      expect(await chart.locator('title').textContent()).not.toBe('');
      expect(await chart.locator('desc').textContent()).not.toBe('');
    }
    expect(await page.locator('#chart-sessions-desc').textContent()).toContain('A · 08.00–09.00: 35,0 %');
    expect(await page.locator('script').count()).toBe(0);
    await saveScreenshot(page, 'admin-reports');

    // Each table downloads as CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-csv="services"]').click()]);
    expect(download.suggestedFilename()).toBe('antrean-kota-bogor-services-2026-12-02_2026-12-02.csv');
    const body = readFileSync(await download.path());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^code,name,booked,/);
    expect(lines.find((l) => l.startsWith('KTP-BARU,'))).toBe('KTP-BARU,Perekaman KTP-el baru,1,1,0,0,1,1,0,0,0,1,1260,1260,1,600,600');
    expect(await page.locator('a[data-csv]').count()).toBe(8);
  });

  it('passes the accessibility check with nothing refused by the CSP, and refuses a reversed range in words', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports?from=2026-12-02&to=2026-12-02')}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${base}/staff/admin/reports/daily?date=2026-12-02`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    const res = await page.goto(`${base}/staff/admin/reports?from=2026-12-03&to=2026-12-01`);
    expect(res?.status()).toBe(422);
    expect(await page.locator('#report-to-error').textContent()).toBe('Tanggal akhir harus sama dengan atau sesudah tanggal awal.');
    expect(await page.locator('svg.chart').count()).toBe(0);
  });

  it('prints the daily summary on one A4 page', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin, `/staff/login?next=${encodeURIComponent('/staff/admin/reports/daily?date=2026-12-02')}`);
    expect(await page.locator('h1').textContent()).toBe('Ringkasan harian · Rabu, 2 Desember 2026');
    expect(await page.locator('svg.chart').count()).toBe(1);
    await saveScreenshot(page, 'admin-reports-daily');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('is not for the desk', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, desk, `/staff/login?next=${encodeURIComponent('/staff/admin/reports')}`);
    expect(await page.locator('h1').textContent()).toBe('Halaman ini bukan untuk akun Anda');
  });
});
