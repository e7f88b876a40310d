import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { bookViaApi, openDay, sessionIds, slotButton } from './helpers.js';

describe('finding, cancelling and moving a booking on a phone', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    return () => rt.close();
  });

  it('finds a booking by its code typed loosely on the home page', async () => {
    const ids = await sessionIds(rt, '2026-12-02');
    const booking = await bookViaApi(rt, { date: '2026-12-02', sessionId: ids[0], nik: nikFor(100) });
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/`);
    await page.fill('#code', booking.displayCode.toLowerCase());
    await page.getByRole('button', { name: 'Cek antrean' }).click();
    await page.waitForURL(`${base}/t/${booking.code}`);
    expect(await page.locator('[data-code]').textContent()).toBe(booking.displayCode);
  });

  it('explains an unknown code at the code field', async () => {
    const page = await browser.open();
    await page.goto(`${base}/t`);
    await page.fill('#code', 'ACD-EFG-HJK');
    await page.getByRole('button', { name: 'Cek antrean' }).click();
    await page.waitForURL(`${base}/t/ACDEFGHJK`);
    expect(await page.locator('#code-error').textContent()).toBe('Tidak ada antrean dengan kode ini. Periksa kembali huruf dan angkanya.');
    expect(await page.inputValue('#code')).toBe('ACDEFGHJK');
    await saveScreenshot(page, 'citizen-lookup-unknown');
  });

  it('cancels only with the NIK the booking was made with', async () => {
    const ids = await sessionIds(rt, '2026-12-03');
    const nik = nikFor(101);
    const booking = await bookViaApi(rt, { date: '2026-12-03', sessionId: ids[1], nik });
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/t/${booking.code}`);
    await page.getByRole('link', { name: 'Batalkan antrean' }).click();
    await page.waitForURL(`${base}/t/${booking.code}/cancel`);
    await saveScreenshot(page, 'citizen-cancel');

    await page.fill('#nik', nikFor(102));
    await page.getByRole('button', { name: 'Ya, batalkan antrean' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#nik-error').textContent()).toBe('Kode booking dan NIK tidak cocok. Periksa kembali keduanya.');
    expect(await page.inputValue('#nik')).toBe(nikFor(102));
    expect(page.url()).not.toContain(nikFor(102));

    await page.fill('#nik', nik);
    await page.getByRole('button', { name: 'Ya, batalkan antrean' }).click();
    await page.waitForURL(`${base}/t/${booking.code}`);
    expect(await page.locator('.notice').textContent()).toContain('sudah dibatalkan');
    expect(await page.locator('[data-qr]').count()).toBe(0);
    await saveScreenshot(page, 'citizen-ticket-cancelled');
    const api = await rt.app.inject({ method: 'GET', url: `/api/v1/bookings/${booking.code}` });
    expect(api.json().booking.status).toBe('cancelled');
  });

  it('moves a booking to another day and session with the NIK, keeping its code', async () => {
    const ids = await sessionIds(rt, '2026-12-04');
    const nik = nikFor(103);
    const booking = await bookViaApi(rt, { date: '2026-12-04', sessionId: ids[0], nik });
    const page = await browser.open();
    await page.goto(`${base}/t/${booking.code}`);
    await page.getByRole('link', { name: 'Pindah jadwal' }).click();
    await page.waitForURL(`${base}/t/${booking.code}/move`);
    await page.fill('#nik', nik);
    // The booking's own session is shown but cannot be chosen.
    await openDay(page, '2026-12-04');
    expect(await slotButton(page, '2026-12-04', ids[0]!).isDisabled()).toBe(true);
    await openDay(page, '2026-12-08');
    await saveScreenshot(page, 'citizen-move');
    await slotButton(page, '2026-12-08', ids[2]!).click();
    await page.waitForURL(`${base}/t/${booking.code}?ok=moved`);
    expect(await page.locator('.notice').textContent()).toBe('Jadwal antrean sudah dipindahkan.');
    expect(await page.locator('.when').textContent()).toBe('Selasa, 8 Desember 2026, 10.00–11.00 WIB');
    expect(await page.locator('[data-queue]').textContent()).toBe('C001');
  });

  it('asks for the NIK before moving and keeps the chosen day open', async () => {
    const ids = await sessionIds(rt, '2026-12-09');
    const booking = await bookViaApi(rt, { date: '2026-12-09', sessionId: ids[0], nik: nikFor(104) });
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/t/${booking.code}/move`);
    await openDay(page, '2026-12-10');
    await slotButton(page, '2026-12-10', ids[1]!).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#nik-error').textContent()).toBe('Wajib diisi.');
    expect(await page.locator('details[data-day="2026-12-10"]').getAttribute('open')).not.toBeNull();
  });
});
