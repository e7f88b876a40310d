import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, type Booked, FULL_HD, logIn, type StaffAccount, TUESDAY, wednesdayAt } from './helpers.js';

describe('a counter and the desk', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let desk: StaffAccount;
  let counter: StaffAccount;

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    desk = await addStaff(rt, 'desk');
    counter = await addStaff(rt, 'counter');
    return () => rt.close();
  });

  async function checkInAtDesk(page: Page, b: Booked): Promise<void> {
    await page.goto(`${base}/staff/desk/kota-bogor`);
    await Promise.all([page.waitForURL(/ok=checked_in/), page.keyboard.type(`${b.code}\n`)]);
  }

  async function openCounter(n: number, locale?: string): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, ...(locale ? { locale } : {}) });
    await logIn(page, base, counter, `/staff/login?next=${encodeURIComponent(`/staff/counter/kota-bogor/${n}`)}`);
    expect(new URL(page.url()).pathname).toBe(`/staff/counter/kota-bogor/${n}`);
    return page;
  }

  const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();
  const current = (page: Page) => page.locator('[data-current]').textContent();
  const flash = (page: Page) => page.locator('[data-flash] .notice-title').textContent();

  it('skips a no-show, lets the desk put them back in line once, and calls them again', { timeout: 60_000 }, async () => {
    const b = await bookForWednesday(rt, 0, wednesdayAt('08:05'), { name: 'Agus Salim' });
    const deskPage = await browser.open({ viewport: FULL_HD });
    await logIn(deskPage, base, desk);
    await checkInAtDesk(deskPage, b);

    const page = await openCounter(1);
    await press(page, 'Panggil berikutnya');
    await expect.poll(() => current(page)).toBe(b.queueNumber);
    await press(page, 'Tidak hadir (lewati)');
    await expect.poll(() => flash(page)).toBe(`${b.queueNumber} dilewati. Meja depan dapat mengembalikannya ke antrean sekali.`);
    expect(await page.locator('.now-title').textContent()).toBe('Loket kosong');

    // The person turns up at the desk: their number is in today's skipped list.
    await deskPage.goto(`${base}/staff/desk/kota-bogor`);
    const row = deskPage.locator('.skipped-row', { hasText: b.queueNumber });
    await saveScreenshot(deskPage, 'staff-desk-skipped');
    await Promise.all([deskPage.waitForURL(/ok=requeued/), row.getByRole('button', { name: 'Kembalikan ke antrean' }).click()]);
    expect(await deskPage.locator('.notice-ok .notice-title').textContent()).toBe(`Nomor ${b.queueNumber} dikembalikan ke antrean.`);

    // Back in line with their original arrival time, so they are next.
    await press(page, 'Panggil berikutnya');
    await expect.poll(() => current(page)).toBe(b.queueNumber);
    await press(page, 'Tidak hadir (lewati)');
    await expect.poll(() => flash(page)).toContain('dilewati');

    // Only once: the second time the desk is told, not offered the button.
    await deskPage.goto(`${base}/staff/desk/kota-bogor`);
    const again = deskPage.locator('.skipped-row', { hasText: b.queueNumber });
    expect(await again.getByRole('button', { name: 'Kembalikan ke antrean' }).count()).toBe(0);
    expect(await again.textContent()).toContain('Sudah pernah dikembalikan');
  });

  it('serves, transfers to another service, finishes, and pauses, each with one press', { timeout: 60_000 }, async () => {
    const kk = await bookForWednesday(rt, 0, wednesdayAt('08:15'), { service: 'KK', name: 'Dewi Lestari' });
    const deskPage = await browser.open({ viewport: FULL_HD });
    await logIn(deskPage, base, desk);
    await checkInAtDesk(deskPage, kk);

    const page = await openCounter(2);
    expect(await page.locator('[data-waiting]').textContent()).toBe('1 orang menunggu untuk loket ini');
    await press(page, 'Panggil berikutnya');
    await expect.poll(() => current(page)).toBe(kk.queueNumber);
    // The likely next action has the focus: Enter starts the service.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Warga datang: mulai layani');
    await press(page, 'Panggil ulang');
    await expect.poll(() => flash(page)).toBe(`${kk.queueNumber} dipanggil ulang.`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.now-status').textContent()).toBe('Sedang dilayani');
    await saveScreenshot(page, 'staff-counter-serving');

    await page.getByLabel('Alihkan ke layanan lain').selectOption('KTP-UBAH');
    await press(page, 'Alihkan');
    await expect.poll(() => flash(page)).toBe(`${kk.queueNumber} dialihkan ke Perubahan data KTP-el; tetap di urutannya.`);
    await press(page, 'Panggil berikutnya');
    await expect.poll(() => current(page)).toBe(kk.queueNumber);
    expect(await page.locator('.now-meta').textContent()).toContain('Perubahan data KTP-el');
    await press(page, 'Warga datang: mulai layani');
    await expect.poll(() => page.locator('.now-status').textContent()).toBe('Sedang dilayani');
    await press(page, 'Selesai saja');
    await expect.poll(() => flash(page)).toBe(`${kk.queueNumber} selesai.`);

    await press(page, 'Panggil berikutnya');
    await expect.poll(() => flash(page)).toBe('Tidak ada yang menunggu untuk loket ini.');
    await press(page, 'Jeda loket');
    await expect.poll(() => page.locator('.now-title').textContent()).toBe('Loket dijeda');
    await saveScreenshot(page, 'staff-counter-paused');
    await press(page, 'Lanjutkan loket');
    await expect.poll(() => page.locator('.now-title').textContent()).toBe('Loket kosong');
  });

  it('calls one person however fast the button is pressed twice, and shows refusals in words', { timeout: 60_000 }, async () => {
    const a = await bookForWednesday(rt, 0, wednesdayAt('08:30'));
    const b = await bookForWednesday(rt, 0, wednesdayAt('08:30'));
    const deskPage = await browser.open({ viewport: FULL_HD });
    await logIn(deskPage, base, desk);
    await checkInAtDesk(deskPage, a);
    await checkInAtDesk(deskPage, b);

    const page = await openCounter(3);
    // A second browser on the same counter, left open on the free counter's page, and set to
    // English: the counter's pages speak Indonesian all the same.
    const other = await openCounter(3, 'en-US');
    await expect.poll(() => page.locator('[data-waiting]').textContent()).toBe('2 orang menunggu untuk loket ini');
    await page.getByRole('button', { name: 'Panggil berikutnya' }).dblclick();
    await expect.poll(() => current(page)).toBe(a.queueNumber);
    const state = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/display/state', headers: { cookie: await cookieOf(page) } });
    expect(state.json().waiting).toBe(1);

    // The other browser presses call as well: the counter is busy, said so, and shown.
    await page.close();
    await press(other, 'Panggil berikutnya');
    await expect.poll(() => other.locator('[data-flash] .notice-problem .notice-title').textContent()).toBe(`Loket ini masih menangani nomor ${a.queueNumber}. Selesaikan atau lewati dulu.`);
    expect(await current(other)).toBe(a.queueNumber);
  });

  /** The page's session cookie, for checking the server's view of things. */
  async function cookieOf(page: Page): Promise<string> {
    const c = (await page.context().cookies()).find((x) => x.name === 'antrean_session');
    return `antrean_session=${c?.value}`;
  }
});
