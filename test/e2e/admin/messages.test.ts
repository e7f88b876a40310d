import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';

describe('the admin messages page, without JavaScript', () => {
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

  async function open(path: string, javaScript = false): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, javaScript });
    await logIn(page, base, admin);
    await page.goto(`${base}${path}`);
    return page;
  }

  it('previews edited words for a sample booking, then saves them and goes back to the default', async () => {
    const page = await open('/staff/admin/messages/kota-bogor');
    await Promise.all([page.waitForURL(/\/reminder_evening\/id$/), page.getByRole('link', { name: 'Ubah Pengingat malam sebelumnya (Indonesia)' }).click()]);
    const words = page.getByLabel('Isi pesan');
    expect(await words.inputValue()).toContain('Pengingat: besok Anda terjadwal di {kantor}.');

    await words.fill('Besok {hari} pukul {jam}. Kode {kode}.\nLoket: {loket}');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Pratinjau' }).click()]);
    expect(await page.locator('[data-preview]').textContent()).toBe('Besok Rabu, 2 Desember 2026 pukul 08.00–09.00 WIB. Kode K7M-PQ4-XRT.');
    // Nothing saved yet: the words stay as typed, and the office still sends the default.
    expect(await words.inputValue()).toBe('Besok {hari} pukul {jam}. Kode {kode}.\nLoket: {loket}');
    const listed = await rt.app.inject({ url: '/staff/admin/messages/kota-bogor', headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(listed.body).not.toContain('Diubah kantor');
    await saveScreenshot(page, 'admin-message-preview');

    await words.fill('Besok {tanggal}');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await page.locator('#body-error').textContent()).toContain('{tanggal}');

    await words.fill('Besok {hari} pukul {jam}.');
    await Promise.all([page.waitForURL(/\?ok=saved$/), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await page.locator('.notice-ok').textContent()).toContain('Teks pesan disimpan');

    await Promise.all([page.waitForURL(/\?ok=reset$/), page.getByRole('button', { name: 'Kembalikan ke teks bawaan' }).click()]);
    expect(await page.getByLabel('Isi pesan').inputValue()).toContain('Pengingat: besok Anda terjadwal di {kantor}.');
  });

  it('changes when reminders go out and refuses an evening hour inside quiet hours', async () => {
    const page = await open('/staff/admin/messages/kota-bogor');
    await page.getByLabel('Jam pengingat malam sebelumnya').fill('22');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await page.locator('#reminderEveningHour-error').textContent()).toContain('di luar rentang');
    await page.getByLabel('Jam pengingat malam sebelumnya').fill('19');
    await page.getByLabel('Kirim pengingat sebelum sesi').uncheck();
    await Promise.all([page.waitForURL(/\?ok=settings$/), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await page.getByLabel('Jam pengingat malam sebelumnya').inputValue()).toBe('19');
    expect(await page.getByLabel('Kirim pengingat sebelum sesi').isChecked()).toBe(false);
  });

  it('has no serious accessibility problems', async () => {
    for (const path of ['/staff/admin/messages/kota-bogor', '/staff/admin/messages/kota-bogor/turn_near/en']) {
      const page = await open(path, true);
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});
