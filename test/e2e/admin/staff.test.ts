import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';
import { row, submit } from './helpers.js';

describe('the staff admin page and the password page', () => {
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

  it('adds a desk clerk whose one-time password must be changed at the first login, without scripts', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin);
    await submit(page, () => page.getByRole('link', { name: /^Petugas/ }).click());
    expect(new URL(page.url()).pathname).toBe('/staff/admin/staff');
    await page.getByLabel('Nama pengguna').fill('Rina.Desk');
    await page.getByLabel('Peran').selectOption('desk');
    await page.getByLabel('Kantor', { exact: true }).selectOption('kota-bogor');
    await submit(page, () => page.getByRole('button', { name: 'Tambah petugas' }).click());
    const oneTime = (await page.locator('[data-one-time-password]').textContent()) ?? '';
    expect(oneTime).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(await row(page, 'data-user', 'rina.desk').textContent()).toContain('harus ganti kata sandi');
    await saveScreenshot(page, 'admin-staff');

    // Rina logs in and is held on the password page until she has chosen her own.
    const rina = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(rina, base, { username: 'rina.desk', password: oneTime });
    expect(new URL(rina.url()).pathname).toBe('/staff/password');
    expect(await rina.locator('[data-notice]').first().textContent()).toContain('Admin mereset kata sandi Anda');
    await rina.goto(`${base}/staff/desk/kota-bogor`);
    expect(new URL(rina.url()).pathname).toBe('/staff/password');
    await rina.getByLabel('Kata sandi saat ini').fill(oneTime);
    await rina.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-rina-baru-1');
    await rina.getByLabel('Ulangi kata sandi baru').fill('sandi-rina-lain-2');
    await submit(rina, () => rina.getByRole('button', { name: 'Simpan kata sandi baru' }).click());
    expect(await rina.locator('#newPasswordAgain-error').textContent()).toBe('Kedua kata sandi baru tidak sama.');
    await rina.getByLabel('Kata sandi saat ini').fill(oneTime);
    await rina.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-rina-baru-1');
    await rina.getByLabel('Ulangi kata sandi baru').fill('sandi-rina-baru-1');
    await submit(rina, () => rina.getByRole('button', { name: 'Simpan kata sandi baru' }).click());
    expect(await rina.locator('[data-notice] .notice-title').textContent()).toBe('Kata sandi Anda sudah diganti.');
    await submit(rina, () => rina.getByRole('link', { name: 'Lanjut' }).click());
    expect(new URL(rina.url()).pathname).toBe('/staff/desk/kota-bogor');

    // The admin makes her a counter clerk, disables and enables her, and resets her password.
    await submit(page, () => page.getByRole('link', { name: 'Ubah rina.desk' }).click());
    await page.getByLabel('Peran').selectOption('counter');
    await submit(page, () => page.getByRole('button', { name: 'Simpan' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Petugas rina.desk disimpan.');
    expect(await row(page, 'data-user', 'rina.desk').textContent()).toContain('Loket');
    await submit(page, () => page.getByRole('button', { name: 'Nonaktifkan rina.desk' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Petugas rina.desk dinonaktifkan; sesinya berakhir.');
    await rina.reload();
    expect(new URL(rina.url()).pathname).toBe('/staff/login');
    await submit(page, () => page.getByRole('button', { name: 'Aktifkan rina.desk' }).click());
    await submit(page, () => page.getByRole('button', { name: 'Reset kata sandi rina.desk' }).click());
    expect(await page.locator('[data-one-time-password]').textContent()).toMatch(/^[a-zA-Z2-9]{20}$/);

    // The last admin of every office cannot switch themselves off.
    await submit(page, () => page.getByRole('button', { name: 'Nonaktifkan admin', exact: true }).click());
    await submit(page, () => page.getByRole('button', { name: `Nonaktifkan ${admin.username}` }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toContain('admin aktif terakhir');
  });

  it('lets every staff member change their own password from the header', { timeout: 60_000 }, async () => {
    const counter = await addStaff(rt, 'counter');
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, counter);
    await submit(page, () => page.getByRole('link', { name: 'Ganti kata sandi' }).click());
    await page.getByLabel('Kata sandi saat ini').fill('bukan-sandi-saya');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('loket-sandi-baru-9');
    await page.getByLabel('Ulangi kata sandi baru').fill('loket-sandi-baru-9');
    await submit(page, () => page.getByRole('button', { name: 'Simpan kata sandi baru' }).click());
    expect(await page.locator('#currentPassword-error').textContent()).toBe('Kata sandi saat ini salah.');
    await page.getByLabel('Kata sandi saat ini').fill(counter.password);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('loket-sandi-baru-9');
    await page.getByLabel('Ulangi kata sandi baru').fill('loket-sandi-baru-9');
    await submit(page, () => page.getByRole('button', { name: 'Simpan kata sandi baru' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Kata sandi Anda sudah diganti.');
  });

  it('has no serious accessibility problems on the admin pages and the password page', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin);
    for (const path of ['/staff/admin/services/kota-bogor', '/staff/admin/services/kota-bogor/KK/edit', '/staff/admin/counters/kota-bogor', '/staff/admin/counters/kota-bogor/1/edit', '/staff/admin/staff', `/staff/admin/staff/${admin.username}/edit`, '/staff/password']) {
      await page.goto(`${base}${path}`);
      expect(new URL(page.url()).pathname).toBe(path);
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});
