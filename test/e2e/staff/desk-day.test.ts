import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, startPageServer, useBrowser } from '../../support/browser.js';
import { nikFor } from '../../support/factories.js';
import { logInStaff } from '../../support/staff.js';
import type { TestRuntime } from '../../support/test-runtime.js';
import { addStaff, bookForWednesday, FULL_HD, logIn, type StaffAccount, TUESDAY, wednesdayAt } from './helpers.js';

/** A USB scanner: it types the code into whatever has the focus, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

describe("the desk's day", () => {
  const browser = useBrowser();
  let rt: TestRuntime;
  let base = '';
  let desk: StaffAccount;
  let nik = 9500;

  beforeEach(async () => {
    ({ rt, baseUrl: base } = await startPageServer({ now: TUESDAY }));
    desk = await addStaff(rt, 'desk');
    return () => rt.close();
  });

  async function openDesk(opts: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await browser.open({ viewport: FULL_HD, ...opts });
    await logIn(page, base, desk);
    return page;
  }

  async function statusOf(code: string): Promise<string> {
    const row = await rt.storage.db.selectFrom('bookings').select('status').where('code', '=', code).executeTakeFirstOrThrow();
    return row.status;
  }

  for (const javaScript of [true, false]) {
    it(`checks in the person at the desk when the next code is scanned into the "too early" prompt (${javaScript ? 'with' : 'without'} scripts)`, async () => {
      // Session E starts at 13.00: at 08.15 it is hours too early. Session A is on time.
      const early = await bookForWednesday(rt, 4, wednesdayAt('08:15'));
      const next = await bookForWednesday(rt, 0, wednesdayAt('08:15'));
      const page = await openDesk({ javaScript });
      if (!javaScript) await page.focus('#code');
      await scan(page, early.code);
      expect(await page.locator('.notice-problem .notice-title').textContent()).toBe('Terlalu awal untuk check-in.');
      // The prompt has the focus in its reason field: exactly where the scanner types next.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('overrideReason');
      await scan(page, next.code);
      expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Check-in berhasil: ${next.queueNumber}`);
      expect(await page.locator('[data-left-behind]').textContent()).toContain(`${early.queueNumber} belum check-in`);
      expect(await statusOf(next.code)).toBe('checked_in');
      expect(await statusOf(early.code)).toBe('booked');
      const notes = await rt.storage.db.selectFrom('booking_events').select('note').where('type', '=', 'checked_in').execute();
      expect(notes.map((r) => r.note ?? '').join(' ')).not.toContain(next.code);
      if (javaScript) await saveScreenshot(page, 'staff-desk-scan-into-reason');
    });
  }

  it('checks an early arrival in without a reason within the margin the admin sets, called from the session start', async () => {
    const nine = await bookForWednesday(rt, 1, wednesdayAt('08:05'));
    const page = await openDesk();
    await scan(page, nine.code);
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Check-in berhasil: ${nine.queueNumber}`);
    expect(await page.locator('[data-call-from]').textContent()).toBe('Datang lebih awal: dipanggil mulai pukul 09.00 WIB, saat sesinya dimulai.');

    // The admin sets the margin in the office settings; at 0 a reason is asked again.
    const admin = await addStaff(rt, 'admin');
    const adminPage = await browser.open({ viewport: FULL_HD });
    await logIn(adminPage, base, admin);
    await adminPage.goto(`${base}/staff/admin/offices/kota-bogor`);
    const field = adminPage.getByLabel('Datang lebih awal tanpa alasan (menit sebelum sesi)');
    expect(await field.inputValue()).toBe('60');
    await field.fill('0');
    await Promise.all([adminPage.waitForURL(/ok=saved/), adminPage.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await adminPage.getByLabel('Datang lebih awal tanpa alasan (menit sebelum sesi)').inputValue()).toBe('0');
    const ten = await bookForWednesday(rt, 2, wednesdayAt('09:05'));
    await page.goto(`${base}/staff/desk/kota-bogor`);
    await scan(page, ten.code);
    expect(await page.locator('.notice-problem .notice-title').textContent()).toBe('Terlalu awal untuk check-in.');
  });

  it('adds a priority after check-in with one press, and the scan field is ready for the next person', async () => {
    const first = await bookForWednesday(rt, 0, wednesdayAt('08:10'));
    const second = await bookForWednesday(rt, 0, wednesdayAt('08:10'));
    const page = await openDesk();
    await scan(page, first.code);
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Check-in berhasil: ${first.queueNumber}`);
    await saveScreenshot(page, 'staff-desk-priority-after');
    await Promise.all([page.waitForURL(/ok=priority/), page.locator('[data-priority-after]').getByRole('button', { name: 'Lansia' }).click()]);
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Prioritas dicatat: ${first.queueNumber}`);
    expect(await page.locator('.notice-ok').textContent()).toContain('Prioritas: Lansia');
    const audit = await rt.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'ticket.priority').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: desk.username, subject: first.code });
    // The focus is back in the scan field: the scanner goes on.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await scan(page, second.code);
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe(`Check-in berhasil: ${second.queueNumber}`);
  });

  it('moves, changes the service of and cancels a booking for someone without their code, in the clerk\'s name', async () => {
    const b = await bookForWednesday(rt, 1, wednesdayAt('08:40'), { name: 'Suparmi Rahayu', service: 'KTP-BARU' });
    const page = await openDesk();
    await page.getByRole('link', { name: 'Cari antrean' }).first().click();
    await page.getByLabel('Kode booking, NIK, nomor antrean atau nama').fill('suparmi');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.results');
    await page.getByRole('link', { name: 'Ubah / batalkan' }).first().click();
    expect(await page.locator('[data-manage-queue]').textContent()).toBe(b.queueNumber);

    const friday = await page.locator('#slot option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('2026-12-04|')));
    expect(friday).toBeDefined();
    await page.getByLabel('Hari dan sesi').selectOption(friday!);
    await saveScreenshot(page, 'staff-desk-manage');
    await Promise.all([page.waitForURL(/ok=moved/), page.getByRole('button', { name: 'Pindahkan' }).click()]);
    expect(await page.locator('.notice-ok .notice-title').textContent()).toBe('Antrean dipindahkan; kodenya tetap. Cetak struk baru.');
    expect(await page.locator('[data-manage-when]').textContent()).toContain('Jumat, 4 Desember 2026, 08.00–09.00 WIB');

    await page.getByLabel('Layanan', { exact: true }).selectOption('KK');
    await Promise.all([page.waitForURL(/ok=service/), page.getByRole('button', { name: 'Ganti layanan' }).click()]);
    expect(await page.locator('[data-manage-service]').textContent()).toBe('Kartu Keluarga (baru atau perubahan)');

    // A cancel is asked for twice: the box first.
    await page.getByRole('button', { name: 'Batalkan antrean' }).click();
    expect(await page.locator('#confirm-error').textContent()).toBe('Centang dulu bahwa warga meminta pembatalan.');
    await page.getByLabel('Warga meminta pembatalan').check();
    await Promise.all([page.waitForURL(/ok=cancelled/), page.getByRole('button', { name: 'Batalkan antrean' }).click()]);
    expect(await page.locator('[data-manage-status]').textContent()).toBe('Dibatalkan');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const events = await rt.storage.db
      .selectFrom('booking_events')
      .innerJoin('users', 'users.id', 'booking_events.user_id')
      .select(['booking_events.type', 'users.username'])
      .where('booking_events.booking_id', '=', (await rt.storage.db.selectFrom('bookings').select('id').where('code', '=', b.code).executeTakeFirstOrThrow()).id)
      .execute();
    expect(events).toEqual([
      { type: 'rescheduled', username: desk.username },
      { type: 'cancelled', username: desk.username },
    ]);
  });

  it('registers a walk-in without a phone and prints "not today" as the largest line of the receipt', async () => {
    rt.setNow(wednesdayAt('09:15'));
    const page = await openDesk();
    await page.getByRole('link', { name: 'Walk-in' }).click();
    await page.getByLabel('NIK').fill(nikFor(nik++));
    await page.getByLabel('Nama lengkap').fill('Mbah Karto');
    await page.getByLabel('Layanan').selectOption('KK');
    await Promise.all([page.waitForURL(/\/receipt\//), page.getByRole('button', { name: 'Daftarkan & cetak struk' }).click()]);
    const line = page.locator('[data-receipt-not-today]');
    expect(await line.textContent()).toBe('BUKAN HARI INI — datang kembali Kamis, 3 Desember 2026, 08.00 WIB');
    await saveScreenshot(page, 'staff-desk-receipt-not-today');
    // Largest on screen and on paper: no line of the slip has bigger letters.
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const sizes = await page.locator('.receipt p').evaluateAll((ps) => ps.map((p) => ({ cls: p.className, size: parseFloat(getComputedStyle(p).fontSize) })));
      const own = sizes.find((s) => s.cls === 'r-not-today')!.size;
      for (const s of sizes) if (s.cls !== 'r-not-today') expect(s.size, s.cls).toBeLessThan(own);
    }
    // On paper the whole slip fits one 58 × 240 mm page (240 mm is about 907 CSS pixels).
    expect(await page.locator('.receipt').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(907);
    const stored = await rt.storage.db.selectFrom('bookings').select(['phone', 'channel']).where('name', '=', 'Mbah Karto').executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: '', channel: 'walk_in' });
  });

  it('books on behalf of someone without a phone on the assisted form', async () => {
    rt.setNow(wednesdayAt('10:00'));
    const page = await openDesk();
    await page.getByRole('link', { name: 'Daftarkan warga' }).click();
    await page.getByLabel('NIK').fill(nikFor(nik++));
    await page.getByLabel('Nama lengkap').fill('Ibu Painem');
    await page.getByLabel('Layanan').selectOption('IKD');
    const monday = await page.locator('#slot option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('2026-12-07|')));
    await page.getByLabel('Hari dan sesi').selectOption(monday!);
    await Promise.all([page.waitForURL(/\/receipt\//), page.getByRole('button', { name: 'Daftarkan & cetak struk' }).click()]);
    expect(await page.locator('[data-receipt-not-today]').textContent()).toBe('BUKAN HARI INI — datang kembali Senin, 7 Desember 2026, 08.00 WIB');
  });

  it('searches today first, then upcoming, then past, by queue number too, and says when there are more', async () => {
    // Booked on Tuesday: Wednesday (past by Thursday), Thursday (today), Friday (upcoming).
    const made: Record<string, string> = {};
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=3' });
    const days = avail.json().days as { date: string; sessions: { id: number }[] }[];
    for (const d of [days[2]!, days[0]!, days[1]!]) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { office: 'kota-bogor', date: d.date, sessionId: d.sessions[0]!.id, service: 'KK', nik: nikFor(nik++), name: 'Ratna Sari', phone: '0812 3456 7000' } });
      expect(res.statusCode, res.body).toBe(201);
      made[d.date] = res.json().booking.code as string;
    }
    rt.setNow(new Date('2026-12-03T02:00:00Z'));
    const page = await openDesk();
    await page.goto(`${base}/staff/desk/kota-bogor/search?q=A001`);
    const rows = page.locator('table.results tbody tr');
    expect(await rows.locator('[data-day]').evaluateAll((tags) => tags.map((t) => (t as HTMLElement).dataset.day))).toEqual(['today', 'upcoming', 'past']);
    expect(await rows.first().textContent()).toContain('Kamis, 3 Desember 2026');
    // Today's can be checked in straight from the row.
    expect(await rows.first().getByRole('link', { name: 'Check-in' }).count()).toBe(1);
    expect(await page.locator('[data-search-more]').count()).toBe(0);
    await saveScreenshot(page, 'staff-desk-search-order');

    for (let i = 0; i < 19; i++) {
      rt.setNow(TUESDAY);
      await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { office: 'kota-bogor', date: days[2]!.date, sessionId: days[2]!.sessions[1]!.id, service: 'KK', nik: nikFor(nik++), name: 'Ratna Sari', phone: '0812 3456 7000' } });
    }
    rt.setNow(new Date('2026-12-03T02:00:00Z'));
    await page.goto(`${base}/staff/desk/kota-bogor/search?q=ratna`);
    expect(await rows.count()).toBe(20);
    expect(await page.locator('[data-search-more]').textContent()).toContain('hanya 20 yang ditampilkan');
  });

  it("keeps the list of today live with counts: expected, checked in, waiting, served, no-show", async () => {
    const a = await bookForWednesday(rt, 0, wednesdayAt('08:00'));
    const b = await bookForWednesday(rt, 0, wednesdayAt('08:00'));
    const page = await openDesk();
    await page.getByRole('link', { name: 'Hari ini' }).click();
    const count = (group: string) => page.locator(`[data-count="${group}"]`).textContent();
    expect(await count('expected')).toBe('2');
    expect(await count('waiting')).toBe('0');
    expect(await page.locator('[data-checked-in-count]').textContent()).toBe('Sudah check-in: 0 dari 2 antrean.');
    await saveScreenshot(page, 'staff-desk-today');

    // Another desk checks one in, a counter calls and serves the other: the page follows without a reload.
    const other = await logInStaff(rt, 'desk');
    const counter = await logInStaff(rt, 'counter');
    const api = (who: { cookie: string; csrfToken: string }, url: string, payload?: object) =>
      rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${url}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
    expect((await api(other, '/check-ins', { code: a.code })).statusCode).toBe(200);
    await expect.poll(() => count('waiting'), { timeout: 15_000 }).toBe('1');
    expect(await count('expected')).toBe('1');
    expect((await api(other, '/check-ins', { code: b.code })).statusCode).toBe(200);
    for (const step of ['call-next', 'start', 'finish']) expect((await api(counter, `/counters/1/${step}`)).statusCode).toBe(200);
    await expect.poll(() => count('served'), { timeout: 15_000 }).toBe('1');
    expect(await count('waiting')).toBe('1');
    expect(await page.locator('[data-checked-in-count]').textContent()).toBe('Sudah check-in: 2 dari 2 antrean.');
    // A group alone, by its link.
    await page.locator('[data-group="waiting"]').click();
    await page.waitForURL(/group=waiting/);
    expect(await page.locator('[data-today-table] tbody tr').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
