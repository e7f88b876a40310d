import { describe, expect, it } from 'vitest';
import { startPageServer, useBrowser } from '../../support/browser.js';
import { bookingBody, nikFor } from '../../support/factories.js';

// 15 December opens on Tuesday 1 December at 07.00 WIB; its draw window ends at 07.01.
const IN_WINDOW = new Date('2026-12-01T00:00:05Z');
const JUST_BEFORE_DRAW = new Date('2026-12-01T00:00:59Z');
const AFTER_DRAW = new Date('2026-12-01T00:01:01Z');

describe('the waiting page of a release draw, on a phone', () => {
  const browser = useBrowser();

  it('waits in the draw and shows the place it got by itself, with scripts', async () => {
    const { rt, baseUrl } = await startPageServer({ now: IN_WINDOW });
    try {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-15', nik: nikFor(31), phone: '081300000031' }) });
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json().entry.id as string;
      rt.setNow(JUST_BEFORE_DRAW);
      const page = await browser.open();
      await page.goto(`${baseUrl}/e/${id}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Anda masuk undian');
      expect(await page.locator('[data-entry-status]').textContent()).toContain('07.01 WIB');
      rt.setNow(AFTER_DRAW);
      expect(await rt.draws.runOnce()).toBe(1);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Anda mendapat tempat');
      await page.locator('a[href^="/t/"]').click();
      await expect.poll(() => page.url()).toMatch(/\/t\/[A-Z0-9]{9}$/);
    } finally {
      await rt.close();
    }
  }, 60_000);

  it('reloads itself without scripts until the result is out', async () => {
    const { rt, baseUrl } = await startPageServer({ now: IN_WINDOW });
    try {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-15', nik: nikFor(32), phone: '081300000032' }) });
      const id = res.json().entry.id as string;
      rt.setNow(JUST_BEFORE_DRAW);
      const page = await browser.open({ javaScript: false });
      await page.goto(`${baseUrl}/e/${id}`);
      expect(await page.locator('h1').textContent()).toBe('Anda masuk undian');
      rt.setNow(AFTER_DRAW);
      await rt.draws.runOnce();
      // The page's refresh (3 seconds here) brings the result without a tap.
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Anda mendapat tempat');
    } finally {
      await rt.close();
    }
  }, 60_000);
});
