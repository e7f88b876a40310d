import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { setCounterServices } from '../../../src/db/repositories/counters.js';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { logInStaff } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, type Booked, FULL_HD, logIn, type StaffAccount, TUESDAY, wednesdayAt } from './helpers.js';

describe('a day at the counter', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let clerk: StaffAccount;

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    clerk = await addStaff(rt, 'counter');
    return () => rt.close();
  });

  /** Books people for Wednesday and checks them in through the desk API at 08.05. */
  async function arrived(count: number, service?: string): Promise<Booked[]> {
    const people: Booked[] = [];
    for (let i = 0; i < count; i++) people.push(await bookForWednesday(rt, 0, wednesdayAt('08:05'), service ? { service } : {}));
    const desk = await logInStaff(rt, 'desk');
    for (const p of people) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', payload: { code: p.code }, headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken } });
      expect(res.statusCode, res.body).toBe(200);
    }
    return people;
  }

  async function openCounter(n: number, who: StaffAccount): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, who, `/staff/login?next=${encodeURIComponent(`/staff/counter/kota-bogor/${n}`)}`);
    expect(new URL(page.url()).pathname).toBe(`/staff/counter/kota-bogor/${n}`);
    return page;
  }

  const press = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  const current = (page: Page) => page.locator('[data-current]').textContent();
  const flash = (page: Page) => page.locator('[data-flash] .notice-title').textContent();

  it('takes a skip back within minutes, then finishes with an outcome and calls the next person in one press', { timeout: 60_000 }, async () => {
    const [first, second] = await arrived(2);
    const page = await openCounter(1, clerk);
    await press(page, 'Panggil berikutnya');
    await expect.poll(() => current(page)).toBe(first!.queueNumber);
    await press(page, 'Tidak hadir (lewati)');
    await expect.poll(() => flash(page)).toContain('dilewati');
    // The person comes running a minute later: the clerk takes the skip back.
    rt.setNow(wednesdayAt('08:06'));
    await page.reload();
    await press(page, `Batalkan lewati ${first!.queueNumber} (sampai 08.10)`);
    await expect.poll(() => flash(page)).toBe(`${first!.queueNumber} dipanggil lagi ke loket ini.`);
    expect(await current(page)).toBe(first!.queueNumber);
    await press(page, 'Warga datang: mulai layani');
    await expect.poll(() => page.locator('.now-status').textContent()).toBe('Sedang dilayani');

    // One press: how it ended, finished, and the next person called; that press has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Selesai & panggil berikutnya');
    expect(await page.getByLabel('Selesai dilayani').isChecked()).toBe(true);
    await page.getByLabel('Berkas belum lengkap').check();
    await saveScreenshot(page, 'staff-counter-finish-outcome');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await press(page, 'Selesai & panggil berikutnya');
    await expect.poll(() => flash(page)).toBe(`${first!.queueNumber} selesai; ${second!.queueNumber} dipanggil.`);
    expect(await current(page)).toBe(second!.queueNumber);
    const outcome = await rt.storage.db.selectFrom('booking_events').select('outcome').where('type', '=', 'done').executeTakeFirstOrThrow();
    expect(outcome.outcome).toBe('documents_incomplete');

    // Too late to take back a skip: the button is gone once the minutes are over.
    await press(page, 'Tidak hadir (lewati)');
    await expect.poll(() => flash(page)).toContain('dilewati');
    rt.setNow(wednesdayAt('08:12'));
    await page.reload();
    expect(await page.getByRole('button', { name: /Batalkan lewati/ }).count()).toBe(0);
  });

  it('warns a second clerk at a counter in use, lets them take it over, and tells the first at once', { timeout: 60_000 }, async () => {
    await arrived(1);
    const firstPage = await openCounter(1, clerk);
    await press(firstPage, 'Panggil berikutnya');
    const second = await addStaff(rt, 'counter');
    const secondPage = await openCounter(1, second);
    expect(await secondPage.locator('.now-title').textContent()).toBe(`Loket 1 sedang dipakai ${clerk.username}`);
    expect(await secondPage.getByRole('button', { name: 'Panggil berikutnya' }).count()).toBe(0);
    await saveScreenshot(secondPage, 'staff-counter-held');
    await press(secondPage, 'Ambil alih loket 1');
    await expect.poll(() => flash(secondPage)).toBe(`Anda mengambil alih loket ini dari ${clerk.username}.`);
    expect(await secondPage.getByRole('button', { name: 'Warga datang: mulai layani' }).count()).toBe(1);
    // The first clerk's screen follows the floor and says the counter was taken.
    await expect.poll(() => firstPage.locator('[data-counter-held] .now-title').textContent(), { timeout: 15_000 }).toBe(`Loket 1 sedang dipakai ${second.username}`);
  });

  it('marks the services no other counter serves in the transfer list, and refuses a transfer there in words', { timeout: 60_000 }, async () => {
    await arrived(1, 'KK');
    const db = rt.storage.db;
    const kk = await db.selectFrom('services').select('id').where('code', '=', 'KK').executeTakeFirstOrThrow();
    for (const n of [2, 3, 4]) {
      const c = await db.selectFrom('counters').select('id').where('number', '=', n).executeTakeFirstOrThrow();
      await setCounterServices(db, Number(c.id), [Number(kk.id)]);
    }
    const page = await openCounter(1, clerk);
    await press(page, 'Panggil berikutnya');
    await press(page, 'Warga datang: mulai layani');
    await expect.poll(() => page.locator('.now-status').textContent()).toBe('Sedang dilayani');
    const option = page.locator('#transfer-service option[value="AKTA-LAHIR"]');
    expect(await option.textContent()).toContain('(belum ada loket lain)');
    expect(await option.isDisabled()).toBe(true);
    // A hand-made form (or a list loaded before the admin changed the counters) is refused in words.
    await page.locator('#transfer-service').evaluate((s) => {
      const select = s as HTMLSelectElement;
      for (const o of Array.from(select.options)) o.disabled = false;
      select.value = 'AKTA-LAHIR';
    });
    await press(page, 'Alihkan');
    await expect.poll(() => page.locator('[data-flash] .notice-problem .notice-title').textContent()).toContain('Belum ada loket lain yang melayani');
    expect(await page.locator('.now-status').textContent()).toBe('Sedang dilayani');
  });
});
