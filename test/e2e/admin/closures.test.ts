import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { bookingBody, nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';

describe('the admin closes a day and opens it again', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let admin: StaffAccount;

  beforeAll(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    admin = await addStaff(rt, 'admin');
  });
  afterAll(async () => {
    await rt.close();
  });

  it('closes Thursday with a reason, shows who moved where, and the ticket says why, without scripts', { timeout: 120_000 }, async () => {
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-03&days=1' });
    const sessionId = avail.json().days[0].sessions[1].id as number;
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-03', sessionId, nik: nikFor(8000 + i) }) });
      codes.push(res.json().booking.code);
    }

    const page = await browser.open({ javaScript: false, viewport: FULL_HD });
    await logIn(page, base, admin);
    await Promise.all([page.waitForURL(/\/staff\/admin\/closures/), page.getByRole('link', { name: /Hari tutup/ }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hari tutup kantor');
    // Holidays are listed, and cannot be opened from here.
    const christmas = page.locator('tr[data-date="2026-12-25"]');
    expect(await christmas.textContent()).toContain('Libur nasional');
    expect(await christmas.getByRole('button').count()).toBe(0);

    // An empty form: every problem at once, nothing closed.
    await page.getByRole('button', { name: 'Tutup kantor & pindahkan antrean' }).click();
    expect(await page.locator('#date-error').textContent()).toBe('Wajib diisi.');
    expect(await page.locator('#reason-error').textContent()).toBe('Wajib diisi.');

    await page.getByLabel('Tanggal', { exact: true }).fill('2026-12-03');
    await page.getByLabel('Alasan', { exact: true }).fill('Banjir di depan kantor');
    await page.getByRole('button', { name: 'Tutup kantor & pindahkan antrean' }).click();
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe('Kantor ditutup pada Kamis, 3 Desember 2026: 3 antrean dipindahkan, 0 dibatalkan.');
    const moved = page.locator('[data-moved] tbody tr');
    expect(await moved.count()).toBe(3);
    expect(await moved.first().textContent()).toContain(codes[0]);
    expect(await moved.first().textContent()).toContain('Jumat, 4 Desember 2026, 09.00');
    const row = page.locator('tr[data-date="2026-12-03"]');
    expect(await row.textContent()).toContain('Kantor tutup');
    expect(await row.textContent()).toContain('Banjir di depan kantor');
    await saveScreenshot(page, 'admin-closures-result');

    // Closing it again is refused in words.
    await page.getByLabel('Tanggal', { exact: true }).fill('2026-12-03');
    await page.getByLabel('Alasan', { exact: true }).fill('Banjir');
    await page.getByRole('button', { name: 'Tutup kantor & pindahkan antrean' }).click();
    expect(await page.locator('.notice-problem .notice-title').textContent()).toContain('Kantor sudah tutup pada tanggal itu');

    // The citizen's ticket shows the new day and why.
    const ticket = await browser.open({ javaScript: false });
    await ticket.goto(`${base}/t/${codes[0]}`);
    expect(await ticket.locator('[data-closure]').textContent()).toContain('Jadwal Anda dipindahkan karena kantor tutup: Banjir di depan kantor');
    expect(await ticket.locator('.when').textContent()).toBe('Jumat, 4 Desember 2026, 09.00–10.00 WIB');

    // Opening the day again moves nobody back.
    await page.getByRole('button', { name: 'Buka kembali: Kamis, 3 Desember 2026' }).click();
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe('Kantor buka kembali pada Kamis, 3 Desember 2026. Antrean yang sudah dipindahkan tetap di jadwal barunya.');
    expect(await page.locator('tr[data-date="2026-12-03"]').count()).toBe(0);
    await ticket.reload();
    expect(await ticket.locator('.when').textContent()).toBe('Jumat, 4 Desember 2026, 09.00–10.00 WIB');
  });

  it('passes the accessibility checks, with its list and with field errors', { timeout: 60_000 }, async () => {
    // axe runs as a script, so this page has scripts on; the page itself loads none.
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin, '/staff/login?next=%2Fstaff%2Fadmin%2Fclosures');
    expect(new URL(page.url()).pathname).toBe('/staff/admin/closures');
    expect(await page.locator('script').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tutup kantor & pindahkan antrean' }).click();
    await page.locator('#date-error').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('is not for the desk', async () => {
    const desk = await addStaff(rt, 'desk');
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, desk);
    const res = await page.goto(`${base}/staff/admin/closures`);
    expect(res?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman ini bukan untuk akun Anda');
  });
});
