import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';
import { row, submit } from './helpers.js';

describe('the counters admin page, without scripts', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let admin: StaffAccount;

  beforeAll(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    admin = await addStaff(rt, 'admin');
  });
  afterAll(async () => {
    await rt.close();
  });

  it('adds a counter for chosen services, refuses a taken number, edits and switches one off', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin);
    await submit(page, () => page.getByRole('link', { name: /^Pengaturan loket/ }).click());
    expect(new URL(page.url()).pathname).toBe('/staff/admin/counters/kota-bogor');
    // The form proposes the next free number.
    expect(await page.getByLabel('Nomor loket').inputValue()).toBe('5');

    await page.getByLabel('Nomor loket').fill('2');
    await page.getByLabel('Nama loket').fill('Loket Akta');
    await submit(page, () => page.getByRole('button', { name: 'Tambah loket' }).click());
    expect(await page.locator('#number-error').textContent()).toBe('Loket nomor 2 sudah ada di kantor ini.');

    await page.getByLabel('Nomor loket').fill('5');
    await page.getByLabel('Akta Kelahiran').check();
    await page.getByLabel('Akta Kematian').check();
    await submit(page, () => page.getByRole('button', { name: 'Tambah loket' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Loket 5 ditambahkan.');
    expect(await row(page, 'data-counter', '5').textContent()).toContain('Akta Kelahiran, Akta Kematian');
    expect(await row(page, 'data-counter', '1').textContent()).toContain('Semua layanan');
    await saveScreenshot(page, 'admin-counters');

    await submit(page, () => page.getByRole('link', { name: 'Ubah Loket Akta' }).click());
    await page.getByLabel('Akta Kematian').uncheck();
    await page.getByLabel('Nama loket').fill('Loket Kelahiran');
    await submit(page, () => page.getByRole('button', { name: 'Simpan' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Loket 5 disimpan.');
    expect(await row(page, 'data-counter', '5').textContent()).toContain('Loket Kelahiran');
    const api = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: admin.username, password: admin.password }, remoteAddress: '198.51.100.250' });
    const cookie = `antrean_session=${api.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    const counters = (await rt.app.inject({ url: '/api/v1/offices/kota-bogor/counters', headers: { cookie } })).json().counters as { number: number; services: string[] }[];
    expect(counters.find((c) => c.number === 5)?.services).toEqual(['AKTA-LAHIR']);

    await submit(page, () => page.getByRole('button', { name: 'Nonaktifkan Loket 2' }).click());
    expect(await row(page, 'data-counter', '2').textContent()).toContain('Nonaktif');
    const board = (await rt.app.inject({ url: '/api/v1/offices/kota-bogor/display/state', headers: { cookie } })).json();
    expect((board.counters as { number: number }[]).map((c) => c.number)).not.toContain(2);
  });
});
