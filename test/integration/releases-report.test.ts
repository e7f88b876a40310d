import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { requireOffice } from '../../src/app/office/queries/find-office.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor, phoneFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

// 2026-12-15 opens 14 days before, on Tuesday 1 December at 07.00 WIB (00.00 UTC); its draw runs to 07.01.
const DATE = '2026-12-15';
const IN_WINDOW = new Date('2026-12-01T00:00:05Z');
const DRAW_AT = new Date('2026-12-01T00:01:00Z');
const AFTER = new Date('2026-12-01T00:01:02Z');
// 2026-12-16 opens on 2 December at 07.00 WIB; the test gives it one small session to fill.
const SMALL_DATE = '2026-12-16';
const SMALL_OPENS = new Date('2026-12-02T00:00:00Z');

/** The people of this test: none of their details may reach the public answer. */
const people = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ nik: nikFor(100 + i), phone: phoneFor(7700 + i), name: `Warga Rahasia Nomor ${'ABCDEFGHI'[i - 1]}` }));

describe.each(DIALECTS)('the public account of releases on $name', (dialect) => {
  let rt: TestRuntime;
  const entryIds: string[] = [];
  const bookingCodes: string[] = [];

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: IN_WINDOW });
    // 10% for the desk: 4 of each session's 40 places, 20 of the day's 200.
    await rt.storage.db.updateTable('offices').set({ desk_share_percent: 10 }).execute();
    const office = await requireOffice(rt.storage.db, 'kota-bogor');
    await rt.storage.db.insertInto('day_sessions').values({ office_id: office.id, date: SMALL_DATE, session_id: 1, capacity: 2 }).execute();
  });
  afterAll(async () => {
    await rt.close();
  });

  const releases = (query: string, headers: Record<string, string> = {}) => rt.app.inject({ method: 'GET', url: `/api/v1/offices/kota-bogor/releases${query}`, headers });
  const dayOf = async (date: string) => {
    const res = await releases(`?from=${date}&to=${date}`);
    expect(res.statusCode).toBe(200);
    return res.json().days[0];
  };
  const post = (payload: object) => rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload });

  it('shows a draw while it is open with its entrants so far and no seed', async () => {
    rt.setNow(IN_WINDOW);
    for (const p of people.slice(0, 3)) {
      const res = await post(bookingBody({ date: DATE, nik: p.nik, phone: p.phone, name: p.name, sessionId: 2 }));
      expect(res.statusCode).toBe(202);
      entryIds.push(res.json().entry.id);
    }
    const day = await dayOf(DATE);
    expect(day.opensAt).toBe('2026-12-01T00:00:00.000Z');
    expect(day.waves).toHaveLength(1);
    expect(day.waves[0]).toMatchObject({ at: '2026-12-01T00:00:00.000Z', percent: 100, draw: { status: 'open', entrants: 3, drawAt: DRAW_AT.toISOString(), seed: null } });
    expect(day.taken).toEqual({ inDraw: 0, afterDraw: 0, byDesk: 0, cancelled: 0 });
  });

  it('after the draw gives its seed, and the figures add up with bookings after it and at the desk', async () => {
    rt.setNow(new Date(DRAW_AT.getTime() + 500));
    expect(await rt.draws.runOnce()).toBe(1);

    rt.setNow(AFTER);
    for (const p of people.slice(3, 5)) {
      const res = await post(bookingBody({ date: DATE, nik: p.nik, phone: p.phone, name: p.name, sessionId: 4 }));
      expect(res.statusCode).toBe(201);
      bookingCodes.push(res.json().booking.code);
    }
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${bookingCodes[1]}/cancel`, payload: { nik: people[4]!.nik } });
    expect(cancel.statusCode).toBe(200);
    await book(rt.ctx, { officeSlug: 'kota-bogor', date: DATE, sessionId: 1, serviceCode: 'KTP-BARU', nik: people[5]!.nik, name: people[5]!.name, phone: '', channel: 'desk' });
    await book(rt.ctx, { officeSlug: 'kota-bogor', date: DATE, sessionId: 5, serviceCode: 'KTP-BARU', nik: people[6]!.nik, name: people[6]!.name, phone: people[6]!.phone, channel: 'walk_in' });

    const res = await releases(`?from=${DATE}&to=${DATE}`);
    expect(res.headers['cache-control']).toBe('public, max-age=5');
    const day = res.json().days[0];
    const draw = day.waves[0].draw;
    expect(draw).toMatchObject({ status: 'done', entrants: 3, placed: 3, unplaced: 0 });
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    const stored = await rt.storage.db.selectFrom('draws').select('seed').where('date', '=', DATE).executeTakeFirstOrThrow();
    expect(draw.seed).toBe(stored.seed);
    expect(day.places).toEqual({ total: 200, heldForDesk: 20, releasedOnline: 180 });
    expect(day.taken).toEqual({ inDraw: 3, afterDraw: 2, byDesk: 2, cancelled: 1 });
    // The draw's own count and the bookings it made agree; every booking of the date is counted once.
    expect(day.taken.inDraw).toBe(draw.placed);
    const all = await rt.storage.db.selectFrom('bookings').select('id').where('date', '=', DATE).execute();
    expect(day.taken.inDraw + day.taken.afterDraw + day.taken.byDesk).toBe(all.length);
    expect(day.firstFullAt).toBeNull();
    expect(day).toMatchObject({ date: DATE, open: true, closure: null });
  });

  it('says when the online places were all taken', async () => {
    rt.setNow(new Date(SMALL_OPENS.getTime() + 61_000));
    const first = await post(bookingBody({ date: SMALL_DATE, nik: people[7]!.nik, phone: people[7]!.phone, name: people[7]!.name, sessionId: 1 }));
    expect(first.statusCode).toBe(201);
    const fullAt = new Date(SMALL_OPENS.getTime() + 75_000);
    rt.setNow(fullAt);
    const second = await post(bookingBody({ date: SMALL_DATE, nik: people[8]!.nik, phone: people[8]!.phone, name: people[8]!.name, sessionId: 1 }));
    expect(second.statusCode).toBe(201);
    const day = await dayOf(SMALL_DATE);
    // 10% of 2 places is no whole place: both are online.
    expect(day.places).toEqual({ total: 2, heldForDesk: 0, releasedOnline: 2 });
    expect(day.taken).toEqual({ inDraw: 0, afterDraw: 2, byDesk: 0, cancelled: 0 });
    expect(day.waves[0].draw).toBeNull();
    expect(day.firstFullAt).toBe(fullAt.toISOString());
  });

  it('gives closed days with their reason and days not yet released with no online place', async () => {
    rt.setNow(AFTER);
    // Saturday 5 December; 17 December opens on 3 December.
    const res = await releases('?from=2026-12-05&to=2026-12-17');
    const days = res.json().days as { date: string; open: boolean; closure: { kind: string; reason: string } | null; places: { releasedOnline: number } }[];
    expect(days).toHaveLength(13);
    expect(days[0]).toMatchObject({ date: '2026-12-05', open: false, closure: { kind: 'weekend' } });
    expect(days[0]!.closure!.reason.length).toBeGreaterThan(0);
    expect(days.at(-1)).toMatchObject({ date: '2026-12-17', open: true, places: { releasedOnline: 0 } });
  });

  it('covers by default the last 14 days up to the last day already released', async () => {
    rt.setNow(AFTER);
    const res = await releases('');
    expect(res.statusCode).toBe(200);
    // Today is 1 December in Kota Bogor and 15 December opened at 07.00 WIB.
    expect(res.json()).toMatchObject({ office: 'kota-bogor', timezone: 'Asia/Jakarta', from: '2026-11-17', to: '2026-12-15' });
    expect(res.json().days).toHaveLength(29);
    rt.setNow(new Date('2026-11-30T23:59:00Z'));
    expect((await releases('')).json().to).toBe('2026-12-14');
  });

  it('refuses a bad range with a code and an unknown office with 404', async () => {
    rt.setNow(AFTER);
    const backwards = await releases('?from=2026-12-10&to=2026-12-01');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields.to.code).toBe('RANGE_INVALID');
    // 1 January to 2 April is 92 days.
    const tooLong = await releases('?from=2026-01-01&to=2026-04-03');
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields.to.code).toBe('RELEASE_RANGE_TOO_LONG');
    expect((await releases('?from=2026-01-01&to=2026-04-02')).statusCode).toBe(200);
    const badDate = await releases('?from=2026-02-30');
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error.fields.from.code).toBe('DATE_INVALID');
    const unknown = await rt.app.inject({ method: 'GET', url: '/api/v1/offices/nowhere/releases' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('tells nothing about any person: no NIK, name, phone, entry id or booking code', async () => {
    rt.setNow(AFTER);
    const body = (await releases('?from=2026-12-01&to=2026-12-20')).body;
    const page = (await rt.app.inject({ method: 'GET', url: '/o/kota-bogor/pembukaan?from=2026-12-01&to=2026-12-20' })).body;
    for (const text of [body, page]) {
      for (const p of people) {
        expect(text).not.toContain(p.nik);
        expect(text).not.toContain(p.nik.slice(-8));
        expect(text).not.toContain(p.name);
        expect(text).not.toContain(p.phone);
        expect(text).not.toContain(`62${p.phone.slice(1)}`);
      }
      for (const id of entryIds) expect(text).not.toContain(id);
      for (const code of bookingCodes) expect(text).not.toContain(code);
    }
  });

  it('shows the figures and the seed on a page that needs no script, in Indonesian and English', async () => {
    rt.setNow(AFTER);
    const res = await rt.app.inject({ method: 'GET', url: `/o/kota-bogor/pembukaan?from=${DATE}&to=${DATE}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('public, max-age=5');
    const html = res.body;
    expect(html).toContain('Pembukaan tempat');
    const figure = (key: string) => html.match(new RegExp(`data-figure="${key}"><th scope="row">[^<]*</th><td>([^<]*)</td>`))?.[1];
    expect(figure('total')).toBe('200');
    expect(figure('heldForDesk')).toBe('20');
    expect(figure('releasedOnline')).toBe('180');
    expect(figure('entrants')).toBe('3');
    expect(figure('inDraw')).toBe('3');
    expect(figure('afterDraw')).toBe('2');
    expect(figure('byDesk')).toBe('2');
    expect(figure('cancelled')).toBe('1');
    const { seed } = await rt.storage.db.selectFrom('draws').select('seed').where('date', '=', DATE).executeTakeFirstOrThrow();
    expect(html).toContain(`<code class="seed" data-seed>${seed}</code>`);
    expect(html).toContain('Cara memeriksa undian');
    expect(html).toContain('replayDraw');
    const en = await rt.app.inject({ method: 'GET', url: `/o/kota-bogor/pembukaan?from=${DATE}&to=${DATE}&lang=en` });
    expect(en.body).toContain('How to check a draw');
    // It sets the language cookie: no shared cache may keep it.
    expect(en.headers['cache-control']).toBe('private, max-age=5');
    expect(en.body).toContain('Taken in the draw');
    rt.setNow(new Date(SMALL_OPENS.getTime() + 3_600_000));
    const small = await rt.app.inject({ method: 'GET', url: `/o/kota-bogor/pembukaan?from=${SMALL_DATE}&to=${SMALL_DATE}` });
    // Full at 07.01.15 WIB, 1 minute 15 seconds after opening.
    expect(small.body).toContain('1 menit 15 detik setelah dibuka');
    const unknown = await rt.app.inject({ method: 'GET', url: '/o/nowhere/pembukaan', headers: { accept: 'text/html' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('is linked from the home page and from the booking form', async () => {
    rt.setNow(AFTER);
    const home = await rt.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('href="/o/kota-bogor/pembukaan"');
    const form = await rt.app.inject({ method: 'GET', url: '/o/kota-bogor' });
    expect(form.body).toContain('href="/o/kota-bogor/pembukaan"');
  });
});
