import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { firstLoadBytes, saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { type ApiBooking, bookViaApi, fillBookingForm, openDay, sessionIds, slotButton } from './helpers.js';

/** The budget for one citizen page on first load, everything included. */
const PAGE_BUDGET_BYTES = 60 * 1024;

describe('every citizen page is light and accessible', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let booking: ApiBooking;
  let cancelled: ApiBooking;
  const weights: Record<string, number> = {};

  // Each test gets its own server and in-memory database with a booking and a cancelled one of
  // its own, whatever order the tests run in. The browser is shared. Closing is a cleanup, which
  // runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    const ids = await sessionIds(rt, '2026-12-02');
    booking = await bookViaApi(rt, { date: '2026-12-02', sessionId: ids[1], nik: nikFor(1), service: 'AKTA-LAHIR' });
    cancelled = await bookViaApi(rt, { date: '2026-12-03', sessionId: ids[2], nik: nikFor(2) });
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${cancelled.code}/cancel`, payload: { nik: nikFor(2) } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    return () => rt.close();
  });
  afterAll(() => {
    // The numbers the final report quotes; printed so a run shows them.
    console.log('first-load bytes per page:', JSON.stringify(weights, null, 1));
  });

  const pages: [string, () => string, { locale?: string }?][] = [
    ['home', () => '/'],
    ['booking form', () => '/o/kota-bogor'],
    ['booking form in English', () => '/o/kota-bogor', { locale: 'en-US' }],
    ['lookup', () => '/t'],
    ['lost code', () => '/t/lupa'],
    ['ticket', () => `/t/${booking.code}`],
    ['cancelled ticket', () => `/t/${cancelled.code}`],
    ['cancel form', () => `/t/${booking.code}/cancel`],
    ['move form', () => `/t/${booking.code}/move`],
    ['unknown ticket', () => '/t/ACDEFGHJK'],
  ];

  async function expectAccessible(page: Page, screenshot: string) {
    await saveScreenshot(page, `citizen-a11y-${screenshot}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it.each(pages)('loads the %s page within 60 KB from this server only, with no serious accessibility problem', async (name, path, opts) => {
    const page = await browser.open({ locale: opts?.locale });
    const { total, byUrl } = await firstLoadBytes(page, `${base}${path()}`);
    weights[name] = total;
    expect(total, JSON.stringify(byUrl)).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    for (const url of Object.keys(byUrl)) expect(url.startsWith(base) || url.startsWith('data:')).toBe(true);
    await expectAccessible(page, name.replace(/ /g, '-'));
  });

  it('finds no serious or critical accessibility problem on a form shown again with its errors', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik: '12', name: 'x', phone: '021 555', service: 'KK' });
    const [first] = await sessionIds(rt, '2026-12-04');
    await openDay(page, '2026-12-04');
    await slotButton(page, '2026-12-04', first!).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.error-summary li').count()).toBe(3);
    await expectAccessible(page, 'booking-form-errors');
  });

  it('reaches every field and session in order with the keyboard alone', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el?.id || el?.getAttribute('data-slot') || el?.tagName.toLowerCase() || '';
      }));
    }
    const fields = order.filter((id) => ['nik', 'name', 'phone', 'service'].includes(id));
    expect(fields).toEqual(['nik', 'name', 'phone', 'service']);
    // After the service come the first day's summary and its sessions.
    const afterService = order.slice(order.indexOf('service') + 1);
    expect(afterService[0]).toBe('summary');
    expect(afterService[1]).toMatch(/^2026-12-02\|\d+$/);
  });
});
