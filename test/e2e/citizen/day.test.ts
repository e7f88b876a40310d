import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PHONE_VIEWPORT, saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import { logInStaff } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { bookViaApi, confirmReview, fillBookingForm, fillSession, openDay, sessionIds, slotButton } from './helpers.js';

/** Both ways a citizen's phone may load the pages. */
const MODES = [
  ['with JavaScript', true],
  ['without JavaScript', false],
] as const;

/** Whether an element lies wholly within the first screen of a 360 × 740 phone, without scrolling. */
async function inFirstViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= PHONE_VIEWPORT.height && box.x >= 0 && box.x + box.width <= PHONE_VIEWPORT.width;
}

describe.each(MODES)('a first-time citizen on a phone %s', (_mode, javaScript) => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let n = 60_000 + (javaScript ? 0 : 5000);
  const freshNik = () => nikFor(n++);
  const slug = (name: string) => `citizen-day-${name}-${javaScript ? 'js' : 'nojs'}`;

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer());
    return () => rt.close();
  });

  it('finds a lost code with NIK and phone from the duplicate-NIK refusal, and opens the ticket', async () => {
    const nik = freshNik();
    const [first] = await sessionIds(rt, '2026-12-02');
    const booked = await bookViaApi(rt, { nik, phone: '0812-3456-7890', date: '2026-12-02', sessionId: first });
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik });
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', first!).click();
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    await page.locator('#nik-error').waitFor();
    expect(await page.locator('#nik-error').textContent()).toContain('NIK ini sudah memiliki antrean aktif.');
    await Promise.all([page.waitForURL(`${base}/t/lupa`), page.locator('#error-summary a[href="/t/lupa"]').click()]);
    await page.fill('#nik', nik);
    // Another spelling of the same number.
    await page.fill('#phone', '+62 812 3456 7890');
    await page.getByRole('button', { name: 'Cari antrean saya' }).click();
    await page.locator(`[data-found="${booked.code}"]`).waitFor();
    expect(await page.locator('.found-item').count()).toBe(1);
    expect(await page.locator('.found-when').textContent()).toBe('Rabu, 2 Desember 2026, 08.00–09.00 WIB');
    await saveScreenshot(page, slug('recovered'));
    // axe runs as a script in the page, so only where scripts run.
    if (javaScript) expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(`${base}/t/${booked.code}`), page.getByRole('link', { name: `Buka tiket ${booked.queueNumber}` }).click()]);

    // A wrong phone is answered without saying which of the two is wrong, and the form keeps what was typed.
    await page.goto(`${base}/t/lupa`);
    await page.fill('#nik', nik);
    await page.fill('#phone', '0813 0000 1111');
    await page.getByRole('button', { name: 'Cari antrean saya' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('Tidak ada antrean aktif dengan NIK dan nomor WhatsApp ini.');
    expect(await page.inputValue('#phone')).toBe('0813 0000 1111');
  });

  it('shows the day and hour of a ticket on its first screen', async () => {
    const [, second] = await sessionIds(rt, '2026-12-02');
    const booked = await bookViaApi(rt, { nik: freshNik(), date: '2026-12-02', sessionId: second });
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/t/${booked.code}`);
    expect(await page.locator('[data-ticket-when]').textContent()).toContain('Rabu, 2 Desember 2026, 09.00–10.00 WIB');
    expect(await inFirstViewport(page, '[data-ticket-when]')).toBe(true);
    expect(await inFirstViewport(page, '[data-queue]')).toBe(true);
    await page.screenshot({ path: `screenshots/${slug('ticket-first-screen')}.png` });
  });

  it('asks "Periksa lagi" before taking a number, and a change keeps everything typed', async () => {
    const ids = await sessionIds(rt, '2026-12-03');
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/o/kota-bogor`);
    const nik = freshNik();
    await fillBookingForm(page, { nik, name: 'Rina Wulandari', service: 'KK' });
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', ids[1]!).click();
    await page.getByRole('heading', { name: 'Periksa lagi' }).waitFor();
    expect(await page.locator('[data-review-day]').textContent()).toBe('Kamis, 3 Desember 2026');
    expect(await page.locator('[data-review-hour]').textContent()).toBe('09.00–10.00 WIB');
    expect(await page.locator('[data-review-name]').textContent()).toBe('Rina Wulandari');
    expect(await page.locator('[data-review-nik]').textContent()).toBe(`************${nik.slice(12)}`);
    expect(await page.locator('[data-review-service]').textContent()).toContain('Kartu Keluarga');
    expect(await page.textContent('main')).toContain('Disdukcapil Kota Bogor');
    expect(await inFirstViewport(page, '[data-confirm]')).toBe(true);
    await saveScreenshot(page, slug('review'));
    // axe runs as a script in the page, so only where scripts run.
    if (javaScript) expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing is taken yet.
    const before = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-03&days=1' });
    expect(before.json().days[0].sessions[1].remaining).toBe(40);

    // A mis-tap: back to the form with everything kept, then another time.
    await page.getByRole('button', { name: 'Ubah data atau jam' }).click();
    await page.locator('#nik').waitFor();
    expect(await page.inputValue('#nik')).toBe(nik);
    expect(await page.inputValue('#name')).toBe('Rina Wulandari');
    expect(await page.inputValue('#service')).toBe('KK');
    await openDay(page, '2026-12-03');
    await slotButton(page, '2026-12-03', ids[3]!).click();
    await page.getByRole('heading', { name: 'Periksa lagi' }).waitFor();
    expect(await page.locator('[data-review-hour]').textContent()).toBe('11.00–12.00 WIB');
    await confirmReview(page);
    expect(await page.locator('[data-queue]').textContent()).toBe('D001');
  });

  it('says so when the time filled while checking, and offers the nearest one with places', async () => {
    const ids = await sessionIds(rt, '2026-12-04');
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik: freshNik() });
    await openDay(page, '2026-12-04');
    await slotButton(page, '2026-12-04', ids[0]!).click();
    await page.getByRole('heading', { name: 'Periksa lagi' }).waitFor();
    await fillSession(rt, '2026-12-04', ids[0]!, 70_000 + (javaScript ? 0 : 100), nikFor);
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    await page.locator('#review-filled').waitFor();
    expect(await page.locator('#review-filled').textContent()).toContain('Jam yang Anda pilih baru saja penuh.');
    expect(await page.locator('[data-review-hour]').textContent()).toBe('09.00–10.00 WIB');
    await saveScreenshot(page, slug('review-filled'));
    await confirmReview(page);
    expect(await page.locator('[data-queue]').textContent()).toBe('B001');
  });

  it('explains the rules, the office contact, name and logo on the home page, and answers a typo with a page', async () => {
    const admin = await logInStaff(rt, 'admin');
    const logo = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#0a4d8c"/></svg>').toString('base64')}`;
    const patch = await rt.app.inject({
      method: 'PATCH',
      url: '/api/v1/offices/kota-bogor',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { contactPhone: '(0251) 832-1075', contactEmail: 'disdukcapil@kotabogor.go.id', logo },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/`);
    const rules = page.locator('[data-rules]');
    expect(await rules.textContent()).toContain('tidak ada pemesanan untuk hari ini');
    expect(await rules.textContent()).toContain('untuk hari buka berikutnya');
    expect(await rules.textContent()).toContain('Senin–Jumat 08.00–14.00 WIB');
    expect(await rules.textContent()).toContain('Gratis.');
    expect(await page.locator('[data-contact]').textContent()).toContain('(0251) 832-1075');
    expect(await page.locator('[data-contact] a[href^="mailto:"]').textContent()).toBe('disdukcapil@kotabogor.go.id');
    const img = page.getByRole('img', { name: 'Logo Disdukcapil Kota Bogor' });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('.brand-office').textContent()).toBe('Disdukcapil Kota Bogor');
    await saveScreenshot(page, slug('home'));
    // axe runs as a script in the page, so only where scripts run.
    if (javaScript) expect(await seriousAxeViolations(page)).toEqual([]);

    const missing = await page.goto(`${base}/jadwal-saya`);
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman tidak ditemukan');
    await Promise.all([page.waitForURL(`${base}/`), page.getByRole('link', { name: 'Kembali ke halaman utama' }).click()]);
  });

  it('says why a name is refused and calls an unknown 9-letter code not found', async () => {
    const page = await browser.open({ javaScript });
    await page.goto(`${base}/o/kota-bogor`);
    await fillBookingForm(page, { nik: freshNik(), name: 'Siti 2' });
    const [first] = await sessionIds(rt, '2026-12-02');
    await slotButton(page, '2026-12-02', first!).click();
    await page.locator('#name-error').waitFor();
    expect(await page.locator('#name-error').textContent()).toBe('Nama tidak boleh memuat angka. Tulis nama seperti di KTP.');

    await page.goto(`${base}/t`);
    await page.fill('#code', 'ABC-DEF-GHI');
    await page.getByRole('button', { name: 'Cek antrean' }).click();
    await page.locator('#code-error').waitFor();
    expect(await page.locator('#code-error').textContent()).toBe('Tidak ada antrean dengan kode ini. Periksa kembali huruf dan angkanya.');
    expect(await page.locator('#error-summary').textContent()).not.toContain('Kode booking: Kode booking');
  });

  it('loads the booking form compressed', async () => {
    const page = await browser.open({ javaScript });
    const sizes: Record<string, string | undefined> = {};
    page.on('response', (r) => {
      if (r.url().startsWith(base)) sizes[new URL(r.url()).pathname] = r.headers()['content-encoding'];
    });
    await page.goto(`${base}/o/kota-bogor`);
    await expect.poll(() => sizes['/static/citizen.css']).toMatch(/^(br|gzip)$/);
    expect(sizes['/o/kota-bogor']).toMatch(/^(br|gzip)$/);
    if (javaScript) await expect.poll(() => sizes['/static/citizen.js']).toMatch(/^(br|gzip)$/);
    expect(Object.keys(sizes)).not.toContain('/static/tokens.css');
  });
});

describe.each(MODES)('the request limit on a phone %s', (_mode, javaScript) => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ http: { bookingRateLimitPerMinute: 2 } }));
    return () => rt.close();
  });

  it('says what happened and when to retry, keeping what was typed', async () => {
    const page = await browser.open({ javaScript });
    const [first] = await sessionIds(rt, '2026-12-02');
    await page.goto(`${base}/o/kota-bogor`);
    // Two quick reviews spend the limit; the third press is refused.
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.goto(`${base}/o/kota-bogor`);
      await fillBookingForm(page, { nik: nikFor(80_000 + i), name: 'Budi Santoso', phone: '0813-1111-2222', service: 'KIA' });
      await slotButton(page, '2026-12-02', first!).click();
      await page.waitForLoadState('load');
    }
    await page.locator('#error-summary').waitFor();
    const words = await page.locator('#error-summary').textContent();
    expect(words).toMatch(/Terlalu banyak permintaan datang dari jaringan Anda dalam satu menit\. Isian Anda masih tersimpan di bawah: tunggu \d+ detik, lalu kirim lagi\./);
    expect(words).not.toContain('gangguan');
    expect(await page.inputValue('#nik')).toBe(nikFor(80_002));
    expect(await page.inputValue('#name')).toBe('Budi Santoso');
    expect(await page.inputValue('#phone')).toBe('0813-1111-2222');
    expect(await page.inputValue('#service')).toBe('KIA');
    await saveScreenshot(page, `citizen-day-429-${javaScript ? 'js' : 'nojs'}`);
  });
});
