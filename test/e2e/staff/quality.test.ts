import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, TUESDAY, wednesdayAt } from './helpers.js';

describe('the staff pages and the board, for everyone who must use them', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';

  // Each test gets its own server and in-memory database: none depends on what another test
  // booked, called or skipped, whatever order they run in. The browser is shared. Closing is a
  // cleanup, which runs after every afterEach: a failing test's screenshots show a live page.
  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    return () => rt.close();
  });

  /** A page that records what the browser refused or failed to run (CSP, script errors). */
  async function watched(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.open({ viewport: FULL_HD });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    return { page, problems };
  }

  it('finds no serious accessibility problem and no refused script or style on any staff page', { timeout: 60_000 }, async () => {
    const booked = await bookForWednesday(rt, 0, wednesdayAt('08:10'));
    const { page, problems } = await watched();
    await page.goto(`${base}/staff/login`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'staff-login');

    await logIn(page, base, await addStaff(rt, 'admin'));
    expect(new URL(page.url()).pathname).toBe('/staff');
    await saveScreenshot(page, 'staff-home');
    const pages = [
      '/staff',
      '/staff/desk/kota-bogor',
      '/staff/desk/kota-bogor/walk-in',
      '/staff/desk/kota-bogor/book',
      `/staff/desk/kota-bogor/search?q=${booked.code}`,
      `/staff/desk/kota-bogor/receipt/${booked.code}`,
      '/staff/counter/kota-bogor',
      '/staff/counter/kota-bogor/1',
      '/display/kota-bogor',
    ];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('load');
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
    expect(problems).toEqual([]);
  });
});
