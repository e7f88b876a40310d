import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import { decodeQr } from '../../support/qr.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, type StaffAccount, TUESDAY, wednesdayAt } from './helpers.js';



describe('the front desk', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let desk: StaffAccount;
  let nik = 9100;

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    desk = await addStaff(rt, 'desk');
    return () => rt.close();
  });

  async function openDesk(opts: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, ...opts });
    await logIn(page, base, desk);
    return page;
  }

  it('books a walk-in into the next open day and prints a 58 mm receipt with the QR code', async () => {
    rt.setNow(wednesdayAt('09:15'));
    const page = await openDesk();
    await page.getByRole('link', { name: 'Walk-in' }).click();
    // The form says where the person will go before anything is typed.
    expect(await page.locator('[data-walk-in-date]').textContent()).toBe('Kamis, 3 Desember 2026');
    await saveScreenshot(page, 'staff-desk-walk-in');
    await page.getByLabel('NIK').fill(nikFor(nik++));
    await page.getByLabel('Nama lengkap').fill('Pak Darto');
    await page.getByLabel('Nomor HP / WhatsApp').fill('0813 1111 2222');
    await page.getByLabel('Layanan').selectOption('KK');
    await Promise.all([page.waitForURL(/\/receipt\/[A-Z0-9]{9}\?fresh=1$/), page.getByRole('button', { name: 'Daftarkan & cetak struk' }).click()]);

    const code = /receipt\/([A-Z0-9]{9})/.exec(page.url())?.[1];
    expect(await page.locator('[data-receipt-when]').textContent()).toBe('Kamis, 3 Desember 2026, 08.00–09.00 WIB');
    expect(await page.locator('[data-receipt-queue]').textContent()).toBe('A001');
    expect(await page.locator('.receipt').textContent()).toContain('************');
    expect(await decodeQr(page, '[data-receipt-qr]', await browser.open())).toBe(code);
    // Enter prints: the print button has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cetak struk');
    await saveScreenshot(page, 'staff-desk-receipt');

    // On paper: the slip alone, 58 mm wide (about 219 CSS pixels), nothing of the page around it.
    await page.emulateMedia({ media: 'print' });
    const width = await page.locator('.receipt').evaluate((e) => e.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThan(225);
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.locator('.receipt').screenshot({ path: 'screenshots/staff-receipt-print.png' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('books any open session on behalf of someone without a phone', async () => {
    rt.setNow(wednesdayAt('10:00'));
    const page = await openDesk();
    await page.getByRole('link', { name: 'Daftarkan warga' }).click();
    await page.getByLabel('NIK').fill(nikFor(nik++));
    await page.getByLabel('Nama lengkap').fill('Ibu Sumarni');
    await page.getByLabel('Nomor HP / WhatsApp').fill('0812 3456 7891');
    await page.getByLabel('Layanan').selectOption('IKD');
    const options = await page.locator('#slot option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const monday = options.find((v) => v.startsWith('2026-12-07|'));
    expect(monday).toBeDefined();
    // Weekends are listed with their reason and cannot be chosen.
    expect(await page.locator('#slot optgroup[label^="Sabtu, 5 Desember 2026"]').count()).toBe(1);
    await page.getByLabel('Hari dan sesi').selectOption(monday!);
    await saveScreenshot(page, 'staff-desk-assisted');
    await Promise.all([page.waitForURL(/\/receipt\//), page.getByRole('button', { name: 'Daftarkan & cetak struk' }).click()]);
    expect(await page.locator('[data-receipt-when]').textContent()).toBe('Senin, 7 Desember 2026, 08.00–09.00 WIB');
    expect(await page.locator('[data-notice]').textContent()).toContain('Terdaftar: A001');
  });

  it('marks every wrong field of a walk-in at once and keeps what was typed', async () => {
    const page = await openDesk();
    await page.goto(`${base}/staff/desk/kota-bogor/walk-in`);
    await page.getByLabel('NIK').fill('123');
    await page.getByLabel('Nama lengkap').fill('Budi');
    await page.getByRole('button', { name: 'Daftarkan & cetak struk' }).click();
    await page.waitForSelector('.notice-problem');
    // The phone may stay empty at the desk (people without one); the rest is marked at once.
    expect(await page.locator('.has-error label').allTextContents()).toEqual(['NIK', 'Layanan']);
    expect(await page.inputValue('#name')).toBe('Budi');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nik');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('explains a check-in outside the window and takes it with a stated reason, without scripts', { timeout: 40_000 }, async () => {
    // Session E starts at 13.00; at 08.15 its window (12.00 with the early margin–14.30) is hours away.
    const late = await bookForWednesday(rt, 4, wednesdayAt('08:15'));
    const page = await openDesk({ javaScript: false });
    await page.getByLabel('Pindai QR atau ketik kode booking').fill(late.displayCode);
    await page.getByLabel('Ibu hamil').check();
    await page.getByRole('button', { name: 'Check-in' }).click();
    const refused = page.locator('.notice-problem');
    expect(await refused.locator('.notice-title').textContent()).toBe('Terlalu awal untuk check-in.');
    expect(await refused.textContent()).toContain('Sesi 13.00–14.00. Check-in dibuka pukul 12.00–14.30 WIB; sekarang pukul 08.15.');
    expect(await refused.textContent()).toContain(late.queueNumber);
    await saveScreenshot(page, 'staff-desk-check-in-refused');
    // The code and the priority stay; a reason is asked for and required.
    expect(await page.inputValue('#code')).toBe(late.displayCode);
    expect(await page.getByLabel('Ibu hamil').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tetap check-in' }).click();
    expect(await page.locator('#override-error').textContent()).toBe('Wajib diisi.');
    await page.getByLabel('Alasan tetap check-in').fill('Ibu hamil, datang pagi bersama suami');
    await page.getByRole('button', { name: 'Tetap check-in' }).click();
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Check-in berhasil: ${late.queueNumber}`);
    expect(await page.locator('.notice-ok').textContent()).toContain('Prioritas: Ibu hamil');
    const event = await rt.storage.db
      .selectFrom('booking_events')
      .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
      .select('booking_events.note')
      .where('bookings.code', '=', late.code)
      .where('booking_events.type', '=', 'checked_in')
      .executeTakeFirstOrThrow();
    expect(event.note).toContain('Ibu hamil, datang pagi bersama suami');
  });

  it('says plainly when a code is unknown or the booking is for another day', async () => {
    rt.setNow(TUESDAY);
    const thursday = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-03&days=1' });
    const sessionId = thursday.json().days[0].sessions[0].id as number;
    const made = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { office: 'kota-bogor', date: '2026-12-03', sessionId, service: 'KK', nik: nikFor(nik++), name: 'Rina Marlina', phone: '0812 3456 7000' } });
    rt.setNow(wednesdayAt('08:20'));
    const page = await openDesk();
    await page.keyboard.type(`${made.json().booking.code}\n`);
    await page.waitForSelector('.notice-problem');
    expect(await page.locator('.notice-problem .notice-title').textContent()).toBe('Antrean ini untuk Kamis, 3 Desember 2026, bukan hari ini.');
    await page.keyboard.type('ACDEFGHJK\n');
    await page.waitForFunction(() => document.querySelector('.notice-problem .notice-title')?.textContent?.startsWith('Kode booking ACDEFGHJK'));
    expect(await page.locator('.notice-problem .notice-title').textContent()).toBe('Kode booking ACDEFGHJK tidak ditemukan di kantor ini.');
  });

  it('finds a booking by name and offers what can be done with it', async () => {
    const b = await bookForWednesday(rt, 1, wednesdayAt('08:40'), { name: 'Yohanes Wibisono' });
    const page = await openDesk();
    await page.getByRole('link', { name: 'Cari antrean' }).first().click();
    await page.getByLabel('Kode booking, NIK, nomor antrean atau nama').fill('wibisono');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.results');
    const row = page.locator('table.results tbody tr').first();
    expect(await row.textContent()).toContain('Yohanes Wibisono');
    expect(await row.textContent()).toContain(b.queueNumber);
    await saveScreenshot(page, 'staff-desk-search');
    // "Check-in" from a search fills the scan field, so the priority can still be chosen.
    await row.getByRole('link', { name: 'Check-in' }).click();
    expect(await page.inputValue('#code')).toBe(b.code);
  });
});
