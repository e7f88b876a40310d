import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import { logInStaff, type StaffLogin } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, recordSpeech, type StaffAccount, TUESDAY, wednesdayAt } from './helpers.js';

/**
 * Letters readable at 5 m are about 2 cm tall: 4.5 % of the picture's height on a 43" TV. The
 * board is laid out in viewport units, so this holds on any screen the page fills.
 */
const READABLE_AT_5M = 0.045 * FULL_HD.height;

describe('the waiting-room board, as the room and the staff see it', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let display: StaffAccount;
  let desk: StaffLogin;
  let counter: StaffLogin;

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    display = await addStaff(rt, 'display');
    // The floor's day: Wednesday morning (a staff session lasts a working day).
    rt.setNow(wednesdayAt('07:40'));
    desk = await logInStaff(rt, 'desk');
    counter = await logInStaff(rt, 'counter');
    return () => rt.close();
  });

  const staff = (who: StaffLogin, path: string, payload: object = {}) =>
    rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${path}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** The board on a Full HD TV, with Web Speech replaced by a recorder offering these voices. */
  async function openBoard(voices: { lang: string; name: string }[] = []): Promise<Page> {
    const board = await browser.open({ viewport: FULL_HD });
    await recordSpeech(board);
    await board.addInitScript((list: { lang: string; name: string }[]) => {
      (window.speechSynthesis as unknown as { getVoices: () => unknown[] }).getVoices = () => list;
    }, voices);
    await logIn(board, base, display);
    expect(new URL(board.url()).pathname).toBe('/display/kota-bogor');
    return board;
  }

  it('shows a counter on a break as paused, live, in labels readable from the back of the room', async () => {
    const board = await openBoard([{ lang: 'id-ID', name: 'Bahasa Indonesia' }]);
    const second = board.locator('[data-counters] li').nth(1);
    expect(await second.textContent()).toBe('Loket 2—');

    expect((await staff(counter, '/counters/2/pause')).statusCode).toBe(200);
    await expect.poll(() => second.getAttribute('data-paused')).toBe('');
    expect(await second.textContent()).toBe('Loket 2Istirahat');
    // Said in words, and drawn differently: dashed, not only a colour.
    expect(await second.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe('dashed');
    await saveScreenshot(board, 'display-board-paused');

    // Every label at the bottom, paused or not, is big enough, and none is cut off.
    const labels = await board.locator('[data-counters] li span').evaluateAll((spans) =>
      spans.map((s) => ({ text: s.textContent, size: parseFloat(getComputedStyle(s).fontSize), fits: s.scrollWidth <= (s.parentElement?.clientWidth ?? 0) })),
    );
    expect(labels).toHaveLength(8);
    for (const label of labels) {
      expect(label.size, label.text ?? '').toBeGreaterThanOrEqual(READABLE_AT_5M);
      expect(label.fits, label.text ?? '').toBe(true);
    }

    expect((await staff(counter, '/counters/2/resume')).statusCode).toBe(200);
    await expect.poll(() => second.getAttribute('data-paused')).toBeNull();
    expect(await second.textContent()).toBe('Loket 2—');
  });

  it('lists how many wait for each service and the typical wait, live', async () => {
    const first = await bookForWednesday(rt, 0, wednesdayAt('07:45'));
    const kk = await bookForWednesday(rt, 0, wednesdayAt('07:45'), { service: 'KK' });
    const board = await openBoard([{ lang: 'id-ID', name: 'Bahasa Indonesia' }]);
    expect(await board.locator('[data-lines] li').count()).toBe(0);

    for (const b of [first, kk]) expect((await staff(desk, '/check-ins', { code: b.code })).statusCode).toBe(200);
    const lines = board.locator('[data-lines] li');
    await expect.poll(() => lines.count()).toBe(2);
    const ktp = board.locator('[data-line="KTP-BARU"]');
    expect(await ktp.locator('.line-name').textContent()).toBe('Perekaman KTP-el baru');
    expect(await ktp.locator('.line-count').textContent()).toBe('1');
    // A new office has measured nothing yet: it says so rather than guess.
    expect(await ktp.locator('.line-wait').textContent()).toBe('belum ada perkiraan');
    expect(await board.locator('[data-waiting]').textContent()).toBe('2');
    await saveScreenshot(board, 'display-board-lines');

    expect((await staff(counter, '/counters/1/call-next')).statusCode).toBe(200);
    await expect.poll(() => lines.count()).toBe(1);
    expect(await board.locator('[data-line="KK"] .line-count').textContent()).toBe('1');
  });

  it('tells the staff once that no Indonesian voice is installed, and not when there is one', async () => {
    const board = await openBoard([{ lang: 'en-US', name: 'English' }]);
    const warning = board.locator('[data-no-voice]');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('Suara bahasa Indonesia tidak terpasang di perangkat ini');
    expect(await board.getByRole('alert').count()).toBe(1);
    await saveScreenshot(board, 'display-board-no-voice');
    await board.getByRole('button', { name: 'Mengerti' }).click();
    expect(await warning.isVisible()).toBe(false);

    // Once: after a reload (a TV restarted overnight) it stays away.
    await board.reload();
    await expect.poll(() => board.locator('body').getAttribute('data-voice-checked')).toBe('true');
    expect(await warning.isVisible()).toBe(false);

    // A TV with an Indonesian voice is never warned.
    const fine = await openBoard([{ lang: 'id-ID', name: 'Bahasa Indonesia' }]);
    await expect.poll(() => fine.locator('body').getAttribute('data-voice-checked')).toBe('true');
    expect(await fine.locator('[data-no-voice]').isVisible()).toBe(false);
  });
});
