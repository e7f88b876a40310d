import { beforeEach, describe, expect, it } from 'vitest';
import { startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { TUESDAY_MORNING } from '../../support/test-runtime.js';
import { confirmReview, fillBookingForm, openDay, sessionIds, slotButton } from './helpers.js';

describe('the proof of work on the booking form', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let n = 7000;
  const freshNik = () => nikFor(n++);

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ http: { powDifficulty: 10, powWaitSeconds: 5 } }));
    return () => rt.close();
  });

  it('is solved by the page while the person types, so the booking goes through at once', async () => {
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor`);
    // The server's clock stands still: only a solved proof, never the wait, can book here.
    await expect.poll(() => page.locator('form.book').getAttribute('data-proof'), { timeout: 15_000 }).toBe('solved');
    await fillBookingForm(page, { nik: freshNik() });
    const [first] = await sessionIds(rt, '2026-12-02');
    await slotButton(page, '2026-12-02', first!).click();
    await confirmReview(page);
    await expect.poll(() => page.locator('[data-queue]').textContent()).toBe('A001');
  });

  it('without JavaScript asks for a few seconds more when sent at once, then books', async () => {
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik: freshNik() });
    const ids = await sessionIds(rt, '2026-12-03');
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', ids[0]!).click();
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Terlalu cepat dikirim');

    // The person reads the refusal; the form came back with what was typed and a fresh token.
    rt.setNow(new Date(TUESDAY_MORNING.getTime() + 10_000));
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', ids[0]!).click();
    await confirmReview(page);
    await expect.poll(() => page.url()).toMatch(/\/t\/[A-Z0-9]{9}/);
  });
});
