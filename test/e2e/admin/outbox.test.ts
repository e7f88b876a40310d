import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { bookingBody, nikFor } from '../../support/factories.js';
import { type FakeGateway, startFakeGateway } from '../../support/message-peers.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, FULL_HD, logIn, type StaffAccount, TUESDAY } from '../staff/helpers.js';

describe('the admin reads the outbox and resends a message', () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let admin: StaffAccount;
  let gateway: FakeGateway;

  beforeAll(async () => {
    gateway = await startFakeGateway();
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY, notify: { whatsapp: { url: gateway.url, token: 't', format: 'json', timeoutMs: 5_000 } } }));
    admin = await addStaff(rt, 'admin');
  });
  afterAll(async () => {
    await rt.close();
    await gateway.close();
  });

  it('shows a failed message with its reason and the number masked, and resends it, without scripts', { timeout: 120_000 }, async () => {
    gateway.answers.push({ status: 400, body: 'number not registered' });
    const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(8100) }) });
    const code = booked.json().booking.code as string;
    await rt.outbox.runOnce();

    const page = await browser.open({ javaScript: false, viewport: FULL_HD });
    await logIn(page, base, admin);
    await Promise.all([page.waitForURL(/\/staff\/admin\/outbox/), page.getByRole('link', { name: /Pesan keluar/ }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pesan keluar');
    const line = page.locator('tr[data-state="failed"]');
    expect(await line.count()).toBe(1);
    const text = await line.textContent();
    expect(text).toContain(code);
    expect(text).toContain('6281******890');
    expect(text).toContain('nomor tidak terdaftar di WhatsApp');
    expect(text).toContain('HTTP 400 number not registered');
    expect(await page.content()).not.toContain('6281234567890');
    await saveScreenshot(page, 'admin-outbox-failed');

    await page.getByLabel('Tampilkan').selectOption('sent');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    expect(await page.locator('tr[data-message]').count()).toBe(0);
    await page.getByLabel('Tampilkan').selectOption('failed');
    await page.getByRole('button', { name: 'Tampilkan' }).click();

    await page.getByRole('button', { name: /^Kirim ulang/ }).click();
    expect(await page.locator('.notice-ok .notice-title').textContent()).toMatch(/akan dikirim ulang sekarang/);
    await rt.outbox.runOnce();
    await page.getByLabel('Tampilkan').selectOption('sent');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    expect(await page.locator('tr[data-state="sent"]').count()).toBe(1);
    expect(gateway.requests).toHaveLength(2);
  });

  it('passes the accessibility checks', { timeout: 60_000 }, async () => {
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, admin, '/staff/login?next=%2Fstaff%2Fadmin%2Foutbox');
    expect(new URL(page.url()).pathname).toBe('/staff/admin/outbox');
    expect(await page.locator('script').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('is not for the desk', async () => {
    const desk = await addStaff(rt, 'desk');
    const page = await browser.open({ viewport: FULL_HD });
    await logIn(page, base, desk);
    const res = await page.goto(`${base}/staff/admin/outbox`);
    expect(res?.status()).toBe(403);
  });
});
