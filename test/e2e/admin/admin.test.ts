import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';

describe('the admin pages, without JavaScript', () => {
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

  async function open(path: string): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin);
    await page.goto(`${base}${path}`);
    return page;
  }
  const submit = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), page.getByRole('button', { name }).click()]);
  const api = (url: string) => rt.app.inject({ url, headers: {} });

  it('opens a WITA office from the offices page and lists it', async () => {
    const page = await open('/staff');
    await Promise.all([page.waitForURL(/\/staff\/admin\/offices\/kota-bogor$/), page.getByRole('link', { name: /Kantor & jadwal/ }).click()]);
    await page.getByRole('link', { name: 'Kantor', exact: true }).click();
    await page.getByLabel('Alamat singkat (slug)').fill('Kota Palu');
    await page.getByLabel('Nama kantor').fill('Disdukcapil Kota Palu');
    await page.getByLabel('Zona waktu').selectOption('Asia/Makassar');
    await submit(page, 'Buka kantor');
    expect(await page.locator('.notice-problem').textContent()).toContain('Alamat singkat 2 sampai 64 karakter');
    await page.getByLabel('Alamat singkat (slug)').fill('kota-palu');
    await Promise.all([page.waitForURL(/\/staff\/admin\/offices\/kota-palu\?ok=created$/), page.getByRole('button', { name: 'Buka kantor' }).click()]);
    expect(await page.locator('.notice-ok').textContent()).toContain('Kantor Disdukcapil Kota Palu dibuka.');
    await page.getByRole('link', { name: 'Kantor', exact: true }).click();
    expect(await page.locator('[data-offices]').textContent()).toContain('Asia/Makassar (WITA)');
    await saveScreenshot(page, 'admin-offices');
    const avail = (await api('/api/v1/offices/kota-palu/availability?from=2026-12-02&days=1')).json();
    expect(avail.days[0].sessions).toHaveLength(5);
  });

  it('changes the booking rules on the settings page and refuses a bad one', async () => {
    const page = await open('/staff/admin/offices/kota-palu');
    await page.getByLabel('Kuota untuk meja depan (persen)').fill('10');
    await page.getByLabel('Boleh booking untuk hari ini').check();
    await Promise.all([page.waitForURL(/\?ok=saved$/), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await page.locator('.notice-ok').textContent()).toContain('Tersimpan.');
    expect(await page.getByLabel('Kuota untuk meja depan (persen)').inputValue()).toBe('10');
    await page.getByLabel('Booking paling jauh (hari ke depan)').fill('500');
    await submit(page, 'Simpan');
    expect(await page.locator('#bookingDaysAhead-error').textContent()).toContain('di luar rentang');
    await saveScreenshot(page, 'admin-settings');
  });

  it('edits the week as one table: a shorter Friday and a Saturday', async () => {
    const page = await open('/staff/admin/offices/kota-palu/schedule');
    // Row 4 is 13:00–14:00: not on Friday. A new row opens Saturday morning.
    await page.getByLabel('Jumat 5', { exact: true }).fill('');
    await page.getByLabel('Mulai 6', { exact: true }).fill('09:00');
    await page.getByLabel('Selesai 6', { exact: true }).fill('12:00');
    await page.getByLabel('Sabtu 6', { exact: true }).fill('25');
    await submit(page, 'Simpan');
    expect(await page.locator('.notice-ok').textContent()).toContain('Tersimpan.');
    const admin = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: adminName(), password: adminPassword() } });
    const cookie = `antrean_session=${admin.cookies.find((c) => c.name === 'antrean_session')!.value}`;
    const week = (await rt.app.inject({ url: '/api/v1/offices/kota-palu/schedule', headers: { cookie } })).json();
    expect(week.weekdays[4].sessions.map((s: { start: string }) => s.start)).toEqual(['08:00', '09:00', '10:00', '11:00']);
    expect(week.weekdays[5].sessions).toEqual([{ start: '09:00', end: '12:00', capacity: 25 }]);
    // An end before its start is named in words and nothing changes.
    await page.getByLabel('Selesai 1', { exact: true }).fill('07:00');
    await submit(page, 'Simpan');
    expect(await page.locator('.notice-problem').textContent()).toContain('Jam selesai harus setelah jam mulai.');
    expect((await rt.app.inject({ url: '/api/v1/offices/kota-palu/schedule', headers: { cookie } })).json()).toEqual(week);
    await saveScreenshot(page, 'admin-schedule');
  });

  it('gives one date fewer places, reports the bookings over them, and removes the date again', async () => {
    await bookForWednesday(rt, 0, TUESDAY);
    await bookForWednesday(rt, 0, TUESDAY);
    const page = await open('/staff/admin/offices/kota-bogor/days');
    await page.getByLabel('Tanggal', { exact: true }).fill('2026-12-02');
    await page.getByRole('button', { name: 'Tampilkan sesi tanggal ini' }).click();
    await page.waitForURL(/date=2026-12-02/);
    await page.getByLabel('Kuota 1', { exact: true }).fill('1');
    await submit(page, 'Simpan');
    expect(await page.locator('[data-warnings]').textContent()).toContain('2 terpesan, batas baru 1: tidak ada yang dihapus');
    expect(await page.locator('[data-overrides]').textContent()).toContain('Rabu, 2 Desember 2026');
    await saveScreenshot(page, 'admin-days');
    await submit(page, 'Hapus (kembali ke jadwal mingguan)');
    expect(await page.locator('.notice-ok').textContent()).toContain('kembali mengikuti jadwal mingguan');
    expect(await page.locator('[data-overrides]').count()).toBe(0);
  });

  it('filters the audit by office and by booking code', async () => {
    const page = await open('/staff/admin/audit?office=kota-palu');
    const actions = await page.locator('[data-audit] tr[data-kind="config"] code').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['office.create', 'office.update', 'schedule.update']));
    const booked = await bookForWednesday(rt, 1, TUESDAY);
    await page.getByLabel('Kantor').selectOption('kota-bogor');
    await page.getByLabel('Kode booking').fill(booked.code);
    await submit(page, 'Saring');
    const kinds = await page.locator('[data-audit] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['ticket']);
    expect(await page.locator('[data-audit]').textContent()).toContain(booked.queueNumber);
    await saveScreenshot(page, 'admin-audit');
  });

  it('has no serious accessibility problems on any admin page', { timeout: 90_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin);
    for (const path of ['/staff/admin/offices', '/staff/admin/offices/kota-palu', '/staff/admin/offices/kota-palu/schedule', '/staff/admin/offices/kota-bogor/days?date=2026-12-03', '/staff/admin/audit']) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  function adminName(): string {
    return admin.username;
  }
  function adminPassword(): string {
    return admin.password;
  }
});
