import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { codeFromUrl, confirmReview, fillBookingForm, fillSession, openDay, sessionIds, slotButton } from './helpers.js';

describe('booking on a phone', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let n = 5000;
  const freshNik = () => nikFor(n++);

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    return () => rt.close();
  });

  it('books from the home page to the ticket in one form with JavaScript on', async () => {
    const page = await browser.open();
    await page.goto(`${base}/`);
    await saveScreenshot(page, 'citizen-home');
    await page.getByRole('link', { name: 'Ambil antrean di Disdukcapil Kota Bogor' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/o/kota-bogor`);
    await saveScreenshot(page, 'citizen-book-form');

    const nik = freshNik();
    await fillBookingForm(page, { nik });
    const [first] = await sessionIds(rt, '2026-12-02');
    // The first day with places is open already; pressing a session shows the review, whose button books.
    await slotButton(page, '2026-12-02', first!).click();
    await confirmReview(page);
    expect(page.url()).not.toContain(nik);
    await expect.poll(() => page.locator('[data-queue]').textContent()).toBe('A001');
    expect(await page.locator('.when').textContent()).toBe('Rabu, 2 Desember 2026, 08.00–09.00 WIB');
    await saveScreenshot(page, 'citizen-ticket');
  });

  it('books with JavaScript off through a plain post and redirect', async () => {
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/o/kota-bogor`);
    const nik = freshNik();
    await fillBookingForm(page, { nik, service: 'KK' });
    const ids = await sessionIds(rt, '2026-12-03');
    // Without a script, the day opens by its summary and the session is an ordinary submit button.
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', ids[4]!).click();
    await confirmReview(page);
    const code = codeFromUrl(page.url());
    const api = await rt.app.inject({ method: 'GET', url: `/api/v1/bookings/${code}` });
    expect(api.json().booking).toMatchObject({ date: '2026-12-03', queueNumber: 'E001', service: 'KK', status: 'booked' });
    expect(await page.locator('.when').textContent()).toBe('Kamis, 3 Desember 2026, 13.00–14.00 WIB');
  });

  it('shows a full session as not choosable and refuses it even when posted by hand', async () => {
    const ids = await sessionIds(rt, '2026-12-04');
    await fillSession(rt, '2026-12-04', ids[1]!, 10_000, nikFor);
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/o/kota-bogor`);
    await openDay(page, '2026-12-04');
    const full = slotButton(page, '2026-12-04', ids[1]!);
    expect(await full.isDisabled()).toBe(true);
    expect(await full.textContent()).toContain('Penuh');
    expect(await slotButton(page, '2026-12-04', ids[2]!).isDisabled()).toBe(false);
    await saveScreenshot(page, 'citizen-book-full-session');

    // A forged post of the full session is answered at the session list, with the typed values kept.
    await fillBookingForm(page, { nik: freshNik(), name: 'Budi Santoso' });
    await full.evaluate((b) => {
      (b as HTMLButtonElement).disabled = false;
    });
    await full.click();
    await page.waitForLoadState('load');
    expect(await page.locator('#slots-error').textContent()).toContain('Sesi ini sudah penuh');
    expect(await page.inputValue('#name')).toBe('Budi Santoso');
  });

  it('offers the next open day with places when a day is full', async () => {
    const ids = await sessionIds(rt, '2026-12-07');
    for (const [i, id] of ids.entries()) await fillSession(rt, '2026-12-07', id, 20_000 + i * 100, nikFor);
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    await openDay(page, '2026-12-07');
    const day = page.locator('details[data-day="2026-12-07"]');
    expect(await day.locator('[data-day-left]').textContent()).toBe('Penuh');
    const offer = day.locator('.offer a');
    expect(await offer.textContent()).toBe('Selasa, 8 Desember 2026');
    await saveScreenshot(page, 'citizen-book-full-day');
    await offer.click();
    expect(await page.locator('details[data-day="2026-12-08"]').getAttribute('open')).not.toBeNull();
    expect(await slotButton(page, '2026-12-08', ids[0]!).isVisible()).toBe(true);
  });

  it('turns a session that fills while the page is open into a full one without a reload', async () => {
    const ids = await sessionIds(rt, '2026-12-09');
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    await openDay(page, '2026-12-09');
    const button = slotButton(page, '2026-12-09', ids[3]!);
    expect(await button.isDisabled()).toBe(false);
    await fillSession(rt, '2026-12-09', ids[3]!, 30_000, nikFor);
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await button.textContent()).toContain('Penuh');
  });

  it('explains a bad NIK next to its field and keeps what was typed', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    // 31 February is no birth date.
    await fillBookingForm(page, { nik: '3271013102900012', name: 'Rina Wulandari', phone: '0813-1111-2222', service: 'KIA' });
    const [first] = await sessionIds(rt, '2026-12-02');
    await slotButton(page, '2026-12-02', first!).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${base}/o/kota-bogor`);
    const nik = page.locator('#nik');
    expect(await nik.getAttribute('aria-invalid')).toBe('true');
    expect(await nik.getAttribute('aria-describedby')).toContain('nik-error');
    expect(await page.locator('#nik-error').textContent()).toBe(
      'NIK ini tidak memuat tanggal lahir yang mungkin. Periksa kembali angka NIK di KTP atau Kartu Keluarga Anda; mungkin ada angka yang tertukar.',
    );
    expect(await nik.inputValue()).toBe('3271013102900012');
    expect(await page.inputValue('#name')).toBe('Rina Wulandari');
    expect(await page.inputValue('#phone')).toBe('0813-1111-2222');
    expect(await page.inputValue('#service')).toBe('KIA');
    // The summary at the top takes focus, so a screen reader starts with what went wrong.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await saveScreenshot(page, 'citizen-book-bad-nik');
    await page.locator('#error-summary a[href="#nik"]').click();
    expect(page.url()).toBe(`${base}/o/kota-bogor#nik`);
  });

  it('does not book when Enter is pressed in a field', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik: freshNik() });
    // An implicit submission fires `submit` while Enter is handled, before the press returns.
    await page.evaluate(() => document.addEventListener('submit', () => document.body.setAttribute('data-submitted', ''), true));
    await page.locator('#name').press('Enter');
    expect(await page.evaluate(() => document.body.hasAttribute('data-submitted'))).toBe(false);
    expect(page.url()).toBe(`${base}/o/kota-bogor`);
    expect(await page.locator('.error-summary').count()).toBe(0);
  });
});
