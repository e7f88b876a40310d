import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { bookViaApi, confirmReview, fillBookingForm, sessionIds, slotButton } from './helpers.js';

describe('language of the citizen pages', () => {
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

  it('switches to English with the visible link and keeps English on the next pages', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/o/kota-bogor?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Book a queue number');
    await saveScreenshot(page, 'citizen-book-form-en');

    // The cookie carries the choice through the post and onto the ticket.
    await fillBookingForm(page, { nik: nikFor(300), service: 'IKD' });
    const [first] = await sessionIds(rt, '2026-12-02');
    await slotButton(page, '2026-12-02', first!).click();
    await confirmReview(page, 'Take number');
    expect(await page.locator('.when').textContent()).toBe('Wednesday, 2 December 2026, 08:00–09:00 WIB');
    expect(await page.locator('.facts').textContent()).toContain('Digital ID (IKD) activation');
    await saveScreenshot(page, 'citizen-ticket-en');

    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    expect(await page.locator('.when').textContent()).toBe('Rabu, 2 Desember 2026, 08.00–09.00 WIB');
  });

  it('answers in English when the phone prefers it', async () => {
    const page = await browser.open({ locale: 'en-US' });
    await page.goto(`${base}/`);
    expect(await page.locator('h1').textContent()).toBe('Book your queue number from home');
    expect(await page.getByRole('link', { name: 'Bahasa Indonesia' }).isVisible()).toBe(true);
  });

  it('explains a bad field in English when English was chosen', async () => {
    const page = await browser.open({ locale: 'en-GB' });
    const booking = await bookViaApi(rt, { date: '2026-12-03', nik: nikFor(301) });
    await page.goto(`${base}/t/${booking.code}/cancel`);
    await page.fill('#nik', '1234');
    await page.getByRole('button', { name: 'Yes, cancel booking' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#nik-error').textContent()).toBe('The NIK must be 16 digits.');
  });
});
