import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { logInStaff, type StaffLogin } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { type Booked, bookForWednesday, TUESDAY, wednesdayAt } from '../staff/helpers.js';

describe('the satisfaction survey on a finished ticket, on a phone', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let person: Booked;

  // One person booked for Wednesday, checked in, called, served and finished at counter 1.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    person = await bookForWednesday(rt, 0, wednesdayAt('07:45'));
    const desk = await logInStaff(rt, 'desk');
    const counter = await logInStaff(rt, 'counter');
    const post = (who: StaffLogin, path: string, payload: object = {}) =>
      rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${path}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
    expect((await post(desk, '/check-ins', { code: person.code })).statusCode).toBe(200);
    rt.setNow(wednesdayAt('08:00'));
    for (const step of ['call-next', 'start', 'finish']) expect((await post(counter, `/counters/1/${step}`)).statusCode).toBe(200);
    return () => rt.close();
  });

  async function answerAll(page: Page, except: string[] = []) {
    const groups = page.locator('fieldset.survey-question');
    expect(await groups.count()).toBe(9);
    for (let i = 0; i < 9; i++) {
      const group = groups.nth(i);
      if (except.includes((await group.getAttribute('id')) ?? '')) continue;
      // The third choice of each: "Sesuai", "Mudah", "Cepat", … (cost: "Murah").
      await group.locator('input[type="radio"]').nth(2).check();
    }
  }

  for (const javaScript of [true, false]) {
    it(`asks the nine questions in one screen, keeps answers when one is missing, and asks only once (${javaScript ? 'with' : 'without'} JavaScript)`, { timeout: 60_000 }, async () => {
      const page = await browser.open({ javaScript });
      await page.goto(`${base}/t/${person.code}`);
      expect(await page.locator('#survey-title').textContent()).toBe('Bagaimana pelayanan kami?');
      expect(await page.locator('fieldset.survey-question legend').first().textContent()).toContain('kesesuaian persyaratan pelayanan');
      // Four choices each, from worst to best, large enough to tap; nothing wider than the phone.
      expect(await page.locator('fieldset.survey-question').nth(3).locator('label').allTextContents()).toEqual([' Sangat mahal', ' Cukup mahal', ' Murah', ' Gratis']);
      const choice = await page.locator('.survey-choice').first().boundingBox();
      expect(choice!.height).toBeGreaterThanOrEqual(44);
      expect(await page.locator('html').evaluate((e) => e.scrollWidth)).toBeLessThanOrEqual(360);
      // axe runs as a script in the page, so only where scripts run.
      if (javaScript) expect(await seriousAxeViolations(page)).toEqual([]);

      await answerAll(page, ['survey-facilities']);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Kirim penilaian' }).click()]);
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('Masih ada 1 pertanyaan yang belum dijawab.');
      expect(await page.locator('#survey-facilities .error').textContent()).toBe('Pilih salah satu jawaban.');
      // What was chosen is still chosen.
      expect(await page.locator('#survey-requirements input[value="3"]').isChecked()).toBe(true);
      await saveScreenshot(page, `citizen-survey-missing-${javaScript ? 'js' : 'nojs'}`);

      await page.locator('#survey-facilities input[value="4"]').check();
      await Promise.all([page.waitForURL(/ok=survey/), page.getByRole('button', { name: 'Kirim penilaian' }).click()]);
      expect(await page.locator('[data-survey-thanks]').textContent()).toContain('Terima kasih');
      expect(await page.locator('[data-survey]').count()).toBe(0);

      // Once per ticket: on a later visit the questions are not asked again.
      await page.goto(`${base}/t/${person.code}`);
      expect(await page.locator('[data-survey]').count()).toBe(0);
      const stored = await rt.storage.db.selectFrom('survey_responses').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ month: '2026-12', requirements: 3, cost: 3, facilities: 4 });
    });
  }

  it('is not asked before the visit is finished', async () => {
    const other = await bookForWednesday(rt, 1, wednesdayAt('08:10'));
    const page = await browser.open({ javaScript: false });
    await page.goto(`${base}/t/${other.code}`);
    expect(await page.locator('[data-survey]').count()).toBe(0);
  });
});
