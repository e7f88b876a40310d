import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import { decodeQr } from '../../support/qr.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { type ApiBooking, bookViaApi, sessionIds } from './helpers.js';

describe('the ticket on a phone', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let booking: ApiBooking;

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    const ids = await sessionIds(rt, '2026-12-07');
    booking = await bookViaApi(rt, { date: '2026-12-07', sessionId: ids[0], nik: nikFor(1), service: 'KTP-UBAH' });
    return () => rt.close();
  });

  it('shows a QR code that decodes to the booking code', async () => {
    const page = await browser.open();
    await page.goto(`${base}/t/${booking.code}`);
    expect(await decodeQr(page, '[data-qr]', await browser.open())).toBe(booking.code);
  });

  it('says when and where to come, the Indonesian way, and what to bring', async () => {
    const page = await browser.open();
    await page.goto(`${base}/t/${booking.code}`);
    expect(await page.locator('[data-code]').textContent()).toBe(booking.displayCode);
    expect(await page.locator('[data-queue]').textContent()).toBe('A001');
    expect(await page.locator('.when').textContent()).toBe('Senin, 7 Desember 2026, 08.00–09.00 WIB');
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('Mulai pukul 07.00 WIB');
    expect(facts).toContain('Jika datang sebelum pukul 07.30 WIB, Anda dipanggil mulai pukul 08.00 WIB.');
    expect(facts).toContain('Perubahan data KTP-el');
    // The NIK is never shown whole.
    expect(facts).toContain('************0002');
    expect(await page.locator('.docs li').allTextContents()).toEqual(['Kartu Keluarga (KK) terbaru', 'KTP-el lama', 'Dokumen pendukung perubahan data']);
    const share = await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).getAttribute('href');
    expect(decodeURIComponent(share ?? '')).toContain(`kode booking ${booking.displayCode}`);
    expect(await page.getByRole('button', { name: 'Simpan atau cetak' }).isVisible()).toBe(true);
  });

  it('offers a calendar file in the office\'s zone', async () => {
    const page = await browser.open();
    await page.goto(`${base}/t/${booking.code}`);
    const href = await page.getByRole('link', { name: 'Tambah ke kalender' }).getAttribute('href');
    const res = await page.request.get(`${base}${href}`);
    expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).toContain('DTSTART;TZID=Asia/Jakarta:20261207T080000\r\n');
    expect(ics).toContain('TZOFFSETTO:+0700\r\n');
  });

  it('prints the ticket alone on A4 and on a 58 mm receipt', async () => {
    for (const [name, width] of [['a4', 794], ['receipt-58mm', 219]] as const) {
      const page = await browser.open({ viewport: { width, height: 1100 } });
      await page.goto(`${base}/t/${booking.code}`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.actions').isVisible()).toBe(false);
      expect(await page.locator('header.top').isVisible()).toBe(false);
      expect(await page.locator('[data-qr]').isVisible()).toBe(true);
      // Nothing sticks out sideways: a receipt printer would cut it off.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await saveScreenshot(page, `citizen-ticket-print-${name}`);
    }
  });

  it('without JavaScript hides the print button that needs it, and keeps the rest', async () => {
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/t/${booking.code}`);
    expect(await page.locator('[data-print]').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Tambah ke kalender' }).isVisible()).toBe(true);
    expect(await page.locator('[data-qr] svg').count()).toBe(1);
  });
});
