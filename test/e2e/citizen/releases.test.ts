import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { bookingBody, nikFor, phoneFor } from '../../support/factories.js';

// 15 December opens on Tuesday 1 December at 07.00 WIB; its draw window ends at 07.01.
const IN_WINDOW = new Date('2026-12-01T00:00:05Z');
const AFTER_DRAW = new Date('2026-12-01T00:01:01Z');

describe('the public page of releases, on a phone', () => {
  const browser = useBrowser();

  it('shows a day\'s figures and its draw\'s seed without scripts, within a phone\'s width, reached from the home page', async () => {
    const { rt, baseUrl } = await startPageServer({ now: IN_WINDOW });
    try {
      for (const i of [41, 42]) {
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-15', nik: nikFor(i), phone: phoneFor(i) }) });
        expect(res.statusCode, res.body).toBe(202);
      }
      rt.setNow(AFTER_DRAW);
      expect(await rt.draws.runOnce()).toBe(1);
      const page = await browser.open({ javaScript: false });
      await page.goto(`${baseUrl}/`);
      await page.locator('[data-releases-link]').first().click();
      await expect.poll(() => page.url()).toMatch(/\/o\/kota-bogor\/pembukaan$/);
      expect(await page.locator('h1').textContent()).toBe('Pembukaan tempat');
      const day = page.locator('[data-release-day="2026-12-15"]');
      expect(await day.locator('[data-figure="inDraw"] td').textContent()).toBe('2');
      expect(await day.locator('[data-figure="entrants"] td').textContent()).toBe('2');
      expect(await day.locator('[data-seed]').textContent()).toMatch(/^[0-9a-f]{64}$/);
      // Nothing wider than the phone: the seed wraps, the tables fit.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'citizen-releases');

      const withScripts = await browser.open();
      await withScripts.goto(`${baseUrl}/o/kota-bogor/pembukaan?from=2026-12-14&to=2026-12-15`);
      expect(await seriousAxeViolations(withScripts)).toEqual([]);
    } finally {
      await rt.close();
    }
  }, 60_000);
});
