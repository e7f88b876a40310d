import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { bookViaApi, sessionIds } from './helpers.js';

describe("a citizen's own data on a 360×740 phone", () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    return () => rt.close();
  });

  it('goes from the ticket to the data, downloads it and erases it, without scripts', async () => {
    const ids = await sessionIds(rt, '2026-12-02');
    const nik = nikFor(4_400);
    const booking = await bookViaApi(rt, { date: '2026-12-02', sessionId: ids[0], nik, name: 'Ratna Kumalasari' });
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/t/${booking.code}`);
    expect(await page.locator('[data-privacy]').textContent()).toContain('30 hari');
    await page.getByRole('link', { name: 'Lihat, unduh atau hapus data saya' }).click();
    await page.waitForURL(`${base}/t/${booking.code}/data`);

    // A wrong NIK: the same words as every owner check, nothing of the booking shown.
    await page.fill('#nik', nikFor(4_401));
    await page.getByRole('button', { name: 'Tampilkan data saya' }).click();
    expect(await page.locator('#nik-error').textContent()).toContain('tidak cocok');
    expect(await page.content()).not.toContain('Ratna');

    await page.fill('#nik', nik);
    await page.getByRole('button', { name: 'Tampilkan data saya' }).click();
    expect(await page.locator('[data-field="name"]').textContent()).toBe('Ratna Kumalasari');
    expect(await page.locator('[data-field="nik"]').textContent()).toBe(nik);
    expect(await page.locator('[data-retention]').textContent()).toContain('2 Januari 2027');
    expect(await page.locator('[data-staff-reads]').textContent()).toContain('Belum pernah dibuka petugas');
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await saveScreenshot(page, 'citizen-own-data');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`antrean-${booking.code}.json`);

    // The erase form needs the tick; without scripts the browser's own check holds the button.
    await page.getByLabel('Saya mengerti, data saya dihapus dan tidak bisa dikembalikan').check();
    await page.getByRole('button', { name: 'Hapus data saya' }).click();
    expect(await page.locator('[data-erased]').textContent()).toContain('Antrean ini juga dibatalkan');
    await saveScreenshot(page, 'citizen-own-data-erased');
    await page.goto(`${base}/t/${booking.code}`);
    expect(await page.locator('[data-privacy]').textContent()).toContain('sudah dihapus');
  });

  it('shows the data page and the privacy page with no serious accessibility problem', async () => {
    const ids = await sessionIds(rt, '2026-12-02');
    const nik = nikFor(4_410);
    const booking = await bookViaApi(rt, { date: '2026-12-02', sessionId: ids[0], nik });
    const page = await browser.open();
    await page.goto(`${base}/o/kota-bogor/privasi`);
    expect(await page.locator('[data-retention]').textContent()).toContain('30 hari');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${base}/t/${booking.code}/data`);
    await page.fill('#nik', nik);
    await page.getByRole('button', { name: 'Tampilkan data saya' }).click();
    await page.locator('[data-own-data]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
