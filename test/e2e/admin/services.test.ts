import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, startPageServer, useBrowser } from '../../support/browser.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';
import { row, rowKeys, submit } from './helpers.js';

describe('the services admin page, without scripts', () => {
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

  async function openServices(): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, javaScript: false });
    await logIn(page, base, admin);
    await submit(page, () => page.getByRole('link', { name: /^Layanan/ }).click());
    expect(new URL(page.url()).pathname).toBe('/staff/admin/services/kota-bogor');
    return page;
  }

  it('adds a service with documents in both languages, refuses a taken code next to its field, and orders the list', { timeout: 60_000 }, async () => {
    const page = await openServices();
    await page.getByLabel('Kode', { exact: true }).fill('kk');
    await page.getByLabel('Nama (bahasa Indonesia)').fill('Kartu Keluarga lagi');
    await page.getByLabel('Nama (bahasa Inggris)').fill('Family card again');
    await submit(page, () => page.getByRole('button', { name: 'Tambah layanan' }).click());
    expect(await page.locator('#code-error').textContent()).toBe('Kode layanan KK sudah dipakai di kantor ini.');
    expect(await page.getByLabel('Nama (bahasa Indonesia)').inputValue()).toBe('Kartu Keluarga lagi');

    await page.getByLabel('Kode', { exact: true }).fill('AKTA-ANGKAT');
    await page.getByLabel('Nama (bahasa Indonesia)').fill('Akta Pengangkatan Anak');
    await page.getByLabel('Nama (bahasa Inggris)').fill('Adoption certificate');
    await page.getByLabel('Dokumen yang dibawa (bahasa Indonesia)').fill('Salinan penetapan pengadilan\nKTP-el orang tua angkat');
    await page.getByLabel('Dokumen yang dibawa (bahasa Inggris)').fill('Copy of the court ruling\nAdoptive parents’ KTP-el');
    await page.getByLabel(/Warga wajib datang sendiri/).check();
    await submit(page, () => page.getByRole('button', { name: 'Tambah layanan' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Layanan AKTA-ANGKAT ditambahkan.');
    expect((await rowKeys(page, 'data-service')).at(-1)).toBe('AKTA-ANGKAT');
    expect(await row(page, 'data-service', 'AKTA-ANGKAT').textContent()).toContain('Adoption certificate');

    await submit(page, () => page.getByRole('button', { name: 'Naikkan AKTA-ANGKAT' }).click());
    expect((await rowKeys(page, 'data-service')).slice(-2)).toEqual(['AKTA-ANGKAT', 'LEGALISIR']);
    await saveScreenshot(page, 'admin-services');

    const en = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/services', headers: { 'accept-language': 'en' } });
    const added = (en.json().services as { code: string; documents: string[]; needsPresence: boolean }[]).find((s) => s.code === 'AKTA-ANGKAT');
    expect(added).toMatchObject({ documents: ['Copy of the court ruling', 'Adoptive parents’ KTP-el'], needsPresence: true });
  });

  it('edits a service and switches it off, so the booking form no longer offers it', { timeout: 60_000 }, async () => {
    const page = await openServices();
    await submit(page, () => page.getByRole('link', { name: 'Ubah IKD' }).click());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ubah layanan IKD');
    await page.getByLabel('Nama (bahasa Inggris)').fill('');
    await submit(page, () => page.getByRole('button', { name: 'Simpan' }).click());
    expect(await page.locator('#nameEn-error').textContent()).toBe('Wajib diisi.');
    await page.getByLabel('Nama (bahasa Inggris)').fill('Digital ID activation (IKD)');
    await submit(page, () => page.getByRole('button', { name: 'Simpan' }).click());
    expect(await page.locator('[data-notice] .notice-title').textContent()).toBe('Layanan IKD disimpan.');

    await submit(page, () => page.getByRole('button', { name: 'Nonaktifkan IKD' }).click());
    expect(await row(page, 'data-service', 'IKD').textContent()).toContain('Nonaktif');
    const form = await rt.app.inject({ url: '/o/kota-bogor' });
    expect(form.body).not.toContain('value="IKD"');
    await submit(page, () => page.getByRole('button', { name: 'Aktifkan IKD' }).click());
    expect((await rt.app.inject({ url: '/o/kota-bogor' })).body).toContain('value="IKD"');
  });
});
