import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, recordSpeech, type StaffAccount, spokenOn, TUESDAY, wednesdayAt } from './helpers.js';

describe('the office floor: desk, counter and waiting-room board together', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let desk: StaffAccount;
  let counter: StaffAccount;
  let display: StaffAccount;

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    desk = await addStaff(rt, 'desk');
    counter = await addStaff(rt, 'counter');
    display = await addStaff(rt, 'display');
    return () => rt.close();
  });

  /**
   * The board's changing parts that differ between the live page and a fresh load of it: a
   * board kept live by its stream must show exactly what the server renders.
   */
  function partsUnlikeAFreshLoad(board: Page): Promise<string[]> {
    return board.evaluate(async () => {
      const parts = ['[data-session]', '[data-date]', '[data-now]', '[data-recent]', '[data-waiting]', '[data-counters]'];
      const res = await fetch(location.pathname, { cache: 'no-store' });
      const fresh = new DOMParser().parseFromString(await res.text(), 'text/html');
      return parts.filter((p) => document.querySelector(p)?.innerHTML !== fresh.querySelector(p)?.innerHTML);
    });
  }

  /** Waits until the glow of a fresh call has settled, for a picture of the calm board. */
  const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

  async function openBoard(): Promise<Page> {
    const board = await browser.open({ viewport: FULL_HD });
    await recordSpeech(board);
    await logIn(board, base, display);
    expect(new URL(board.url()).pathname).toBe('/display/kota-bogor');
    return board;
  }

  it('checks a scanned booking in with priority, calls it at a counter, and shows it on the board without a reload', async () => {
    const booked = await bookForWednesday(rt, 0, wednesdayAt('07:50'), { name: 'Siti Rahmawati' });

    // The board first, as it is on the wall all day.
    const board = await openBoard();
    await board.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await board.getByRole('button', { name: 'Aktifkan suara' }).click();
    await expect.poll(() => board.locator('[data-sound]').textContent()).toBe('Suara aktif');
    expect(await board.locator('[data-now-none]').isVisible()).toBe(true);

    // The desk: log in, mark the person elderly, then the scanner types the code and Enter.
    const deskPage = await browser.open({ viewport: FULL_HD });
    await logIn(deskPage, base, desk);
    expect(new URL(deskPage.url()).pathname).toBe('/staff/desk/kota-bogor');
    expect(await deskPage.evaluate(() => document.activeElement?.id)).toBe('code');
    await deskPage.getByLabel('Lansia').check();
    // Picking the priority hands the focus back to the scan field, where the scanner types.
    expect(await deskPage.evaluate(() => document.activeElement?.id)).toBe('code');
    await Promise.all([deskPage.waitForURL(/ok=checked_in/), deskPage.keyboard.type(`${booked.code.toLowerCase()}\n`, { delay: 5 })]);
    const done = deskPage.locator('[data-notice]');
    expect(await done.locator('.notice-title').textContent()).toBe(`Check-in berhasil: ${booked.queueNumber}`);
    expect(await done.textContent()).toContain('Prioritas: Lansia');
    // Ready for the next person: empty field, focused.
    expect(await deskPage.inputValue('#code')).toBe('');
    expect(await deskPage.evaluate(() => document.activeElement?.id)).toBe('code');
    await expect.poll(() => board.locator('[data-waiting]').textContent()).toBe('1');
    await saveScreenshot(deskPage, 'staff-desk-check-in');

    // A counter in another browser calls the next person.
    const counterPage = await browser.open({ viewport: FULL_HD });
    await logIn(counterPage, base, counter);
    expect(new URL(counterPage.url()).pathname).toBe('/staff/counter/kota-bogor');
    await saveScreenshot(counterPage, 'staff-counter-choose');
    await counterPage.getByRole('link', { name: /Loket 3/ }).click();
    await counterPage.waitForURL(/\/staff\/counter\/kota-bogor\/3$/);
    await counterPage.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => counterPage.locator('[data-current]').textContent()).toBe(booked.queueNumber);
    expect(await counterPage.locator('.now-name').textContent()).toBe('Siti Rahmawati');
    expect(await counterPage.locator('.now-meta').textContent()).toContain('Lansia');

    // The board shows it big, by the stream, without reloading.
    await expect.poll(() => board.locator('[data-now-number]').textContent()).toBe(booked.queueNumber);
    expect(await board.locator('[data-now-counter]').textContent()).toBe('Loket 3');
    expect(await board.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect.poll(() => board.locator('[data-waiting]').textContent()).toBe('0');
    expect(await board.locator('[data-counters] li').nth(2).textContent()).toContain(booked.queueNumber);
    await expect.poll(() => partsUnlikeAFreshLoad(board)).toEqual([]);
    // The number is big: at least a fifth of the screen's height.
    const size = await board.locator('[data-now-number]').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThan(FULL_HD.height / 5);

    // A chime, then the Indonesian sentence.
    await expect.poll(() => spokenOn(board)).toHaveLength(1);
    const [said] = await spokenOn(board);
    expect(said).toMatchObject({ text: `Nomor antrean ${booked.queueNumber.split('').join(' ')}, silakan menuju loket 3`, lang: 'id-ID' });

    await settled(counterPage);
    await saveScreenshot(counterPage, 'staff-counter-called');
    await settled(board);
    await saveScreenshot(board, 'display-board');
  }, 60_000);

  it('queues announcements so that two calls in a row are both said in full, in order', async () => {
    const first = await bookForWednesday(rt, 0, wednesdayAt('08:10'));
    const second = await bookForWednesday(rt, 0, wednesdayAt('08:10'));
    const board = await openBoard();
    await board.getByRole('button', { name: 'Aktifkan suara' }).click();

    const api = (path: string, cookie: string, csrf: string) =>
      rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${path}`, headers: { cookie, 'x-csrf-token': csrf }, payload: {} });
    const deskLogin = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: desk });
    const counterLogin = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: counter });
    const cookieOf = (r: typeof deskLogin) => `antrean_session=${r.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    const deskAuth = [cookieOf(deskLogin), deskLogin.json().csrfToken as string] as const;
    const counterAuth = [cookieOf(counterLogin), counterLogin.json().csrfToken as string] as const;
    for (const b of [first, second]) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', headers: { cookie: deskAuth[0], 'x-csrf-token': deskAuth[1] }, payload: { code: b.code } });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Counters 1 and 2 call at the same moment.
    const [one, two] = await Promise.all([api('/counters/1/call-next', ...counterAuth), api('/counters/2/call-next', ...counterAuth)]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);

    await expect.poll(() => spokenOn(board), { timeout: 10_000 }).toHaveLength(2);
    const said = await spokenOn(board);
    const expected = [one, two].map((r) => `Nomor antrean ${(r.json().ticket.queueNumber as string).split('').join(' ')}, silakan menuju loket ${r.json().ticket.counter}`);
    expect(said.map((s) => s.text).sort()).toEqual(expected.sort());
    // The second sentence began only after the first had ended, with a chime in between.
    expect(said[1]!.start).toBeGreaterThanOrEqual(said[0]!.end + 1000);
    expect(await board.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBe(0);
    // Both calls are on the board and nothing else: the later one big, the earlier in the list below.
    const shown = async () => [await board.locator('[data-now-number]').textContent(), ...(await board.locator('[data-recent] .recent-number').allTextContents())];
    await expect.poll(async () => (await shown()).sort()).toEqual([one, two].map((r) => r.json().ticket.queueNumber as string).sort());
    await expect.poll(() => partsUnlikeAFreshLoad(board)).toEqual([]);
    await settled(board);
    await saveScreenshot(board, 'display-board-busy');
  }, 30_000);

  it('sends people without a session to the login page and back to the board', async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await page.goto(`${base}/display/kota-bogor`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.getByLabel('Nama pengguna').fill(display.username);
    await page.getByLabel('Kata sandi').fill(display.password);
    const loggedIn = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/staff/login');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/display/kota-bogor`);
    // The TV's login lasts a month, so nobody has to log it in every morning. Read from the
    // cookie's Max-Age, so the test's clock, not the real one, is what counts.
    const setCookie = (await (await loggedIn).allHeaders())['set-cookie'] ?? '';
    const maxAge = Number(/antrean_session=[^;]*;(?:[^\n]*?)Max-Age=(\d+)/i.exec(setCookie)?.[1]);
    expect(maxAge / 86_400).toBeGreaterThan(29);
  });
});
