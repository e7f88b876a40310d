import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { logInStaff, type StaffLogin } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { type Booked, bookForWednesday, TUESDAY, wednesdayAt } from '../staff/helpers.js';

describe('the ticket through the day, on a phone', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let desk: StaffLogin;
  let counter: StaffLogin;
  let people: Booked[] = [];

  // Three people booked for Wednesday's first session, all checked in at 07.45.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    people = [];
    for (let i = 0; i < 3; i++) people.push(await bookForWednesday(rt, 0, wednesdayAt('07:40')));
    desk = await logInStaff(rt, 'desk');
    counter = await logInStaff(rt, 'counter');
    rt.setNow(wednesdayAt('07:45'));
    for (const p of people) {
      const res = await staff(desk, '/check-ins', { code: p.code });
      expect(res.statusCode, res.body).toBe(200);
    }
    return () => rt.close();
  });

  function staff(who: StaffLogin, path: string, payload: object = {}) {
    return rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${path}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
  }

  async function callNext(n: number) {
    const res = await staff(counter, `/counters/${n}/call-next`);
    expect(res.statusCode, res.body).toBe(200);
  }

  it('moves up the line and shows the counter calling it, live, without a reload', async () => {
    const page = await browser.open();
    const third = people[2]!;
    await page.goto(`${base}/t/${third.code}`);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const place = page.locator('[data-ticket-part="live"]');
    expect(await place.textContent()).toContain('Ada 2 orang di depan Anda untuk layanan ini.');
    // Nothing measured yet today: it says so rather than guessing.
    expect(await place.textContent()).toContain('Waktu panggilan belum dapat diperkirakan');
    // The place is in the first screen of a 360 × 740 phone.
    const box = await page.locator('[data-place]').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(740);

    await callNext(1);
    await expect.poll(() => place.textContent()).toContain('Ada 1 orang di depan Anda');
    await callNext(2);
    await expect.poll(() => place.textContent()).toContain('Tidak ada orang di depan Anda');
    await saveScreenshot(page, 'citizen-ticket-waiting');

    // Called to counter 3: the loket, big, and the status, by the stream.
    await callNext(3);
    await expect.poll(() => page.locator('[data-counter]').textContent()).toBe('Loket 3');
    expect(await page.locator('[data-ticket-part="status"]').textContent()).toBe('Sedang dipanggil');
    expect(await page.locator('[data-called]').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    const size = await page.locator('[data-counter]').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'citizen-ticket-called');

    // Served: the counter stays, and the page follows to the end.
    expect((await staff(counter, '/counters/3/start')).statusCode).toBe(200);
    await expect.poll(() => place.textContent()).toContain('Sedang dilayani di Loket 3.');
    expect((await staff(counter, '/counters/3/finish')).statusCode).toBe(200);
    await expect.poll(() => page.locator('[data-ticket-part="status"]').textContent()).toBe('Selesai');
    expect(await place.textContent()).toBe('');
  });

  it('shows the place and the counter without JavaScript, as of each reload', async () => {
    const page = await browser.open({ javaScript: false });
    const second = people[1]!;
    await page.goto(`${base}/t/${second.code}`);
    expect(await page.locator('[data-ticket-part="live"]').textContent()).toContain('Ada 1 orang di depan Anda untuk layanan ini.');

    await callNext(1);
    await page.reload();
    expect(await page.locator('[data-ticket-part="live"]').textContent()).toContain('Tidak ada orang di depan Anda');

    await callNext(4);
    await page.reload();
    expect(await page.locator('[data-counter]').textContent()).toBe('Loket 4');
    expect(await page.locator('[data-ticket-part="status"]').textContent()).toBe('Sedang dipanggil');
    await saveScreenshot(page, 'citizen-ticket-called-no-js');
  });
});
