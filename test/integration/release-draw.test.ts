import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterDraw } from '../../src/app/draw/commands/enter-draw.js';
import { type DrawAuditRecord, runDueDraws } from '../../src/app/draw/commands/run-due-draws.js';
import { requireOffice } from '../../src/app/office/queries/find-office.js';
import { releaseRulesOf } from '../../src/app/office/release-rules.js';
import { replayDraw } from '../../src/domain/draw.js';
import { openDraw } from '../../src/domain/release-schedule.js';
import { DIALECTS, POSTGRES } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { startTwinRuntimes } from '../support/twin-runtimes.js';
import type { Runtime } from '../../src/runtime.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

// 2026-12-15 opens 14 days before, on Tuesday 1 December at 07.00 WIB (00.00 UTC); its draw runs to 07.01.
const DATE = '2026-12-15';
const RELEASE = new Date('2026-12-01T00:00:00Z');
const IN_WINDOW = new Date('2026-12-01T00:00:05Z');
const DRAW_AT = new Date('2026-12-01T00:01:00Z');
const AFTER = new Date('2026-12-01T00:01:02Z');

const phoneFor = (i: number) => `0813${String(i).padStart(8, '0')}`;

async function auditOfDraws(rt: Runtime): Promise<DrawAuditRecord[]> {
  const rows = await rt.storage.db.selectFrom('audit_log').select('after_json').where('action', '=', 'release.draw').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.after_json!) as DrawAuditRecord);
}

describe.each(DIALECTS)('the draw at a release on $name', (dialect) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: IN_WINDOW });
  });
  afterAll(async () => {
    await rt.close();
  });

  const post = (payload: object) => rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload });
  const getEntry = (id: string) => rt.app.inject({ method: 'GET', url: `/api/v1/entries/${id}` });

  it('enters a request within the draw seconds after the release instead of booking it: 202 with the entry', async () => {
    rt.setNow(IN_WINDOW);
    const res = await post(bookingBody({ date: DATE, nik: nikFor(1), phone: phoneFor(1), sessionId: 2 }));
    expect(res.statusCode).toBe(202);
    const entry = res.json().entry;
    expect(entry).toMatchObject({ status: 'entered', drawAt: DRAW_AT.toISOString(), date: DATE, office: 'kota-bogor' });
    // 144 random bits in base64url.
    expect(entry.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const again = await getEntry(entry.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().entry).toMatchObject({ id: entry.id, status: 'entered' });
    expect(again.json().entry.booking).toBeUndefined();
  });

  it('keeps one entry per NIK: the same NIK and number get the same entry, with the latest choice', async () => {
    rt.setNow(IN_WINDOW);
    const first = await post(bookingBody({ date: DATE, nik: nikFor(2), phone: phoneFor(2), sessionId: 1 }));
    const second = await post(bookingBody({ date: DATE, nik: nikFor(2), phone: phoneFor(2), sessionId: 3 }));
    expect(second.statusCode).toBe(202);
    expect(second.json().entry.id).toBe(first.json().entry.id);
    const rows = await rt.storage.db.selectFrom('draw_entries').select(['id', 'session_id']).where('id', '=', first.json().entry.id).execute();
    expect(rows).toEqual([{ id: first.json().entry.id, session_id: 3 }]);
  });

  it('refuses the same NIK with another number without telling its entry', async () => {
    rt.setNow(IN_WINDOW);
    await post(bookingBody({ date: DATE, nik: nikFor(3), phone: phoneFor(3) }));
    const other = await post(bookingBody({ date: DATE, nik: nikFor(3), phone: phoneFor(9003) }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('ALREADY_ENTERED');
    expect(other.body).not.toContain('"id"');
  });

  it('validates an entry as a booking: a NIK with an active booking gets the same 409, bad fields 422', async () => {
    rt.setNow(IN_WINDOW);
    // 2 December opened long ago: booked at once.
    const booked = await post(bookingBody({ date: '2026-12-02', nik: nikFor(4), phone: phoneFor(4) }));
    expect(booked.statusCode).toBe(201);
    const entered = await post(bookingBody({ date: DATE, nik: nikFor(4), phone: phoneFor(4) }));
    expect(entered.statusCode).toBe(409);
    expect(entered.json().error.code).toBe('ALREADY_BOOKED');
    const bad = await post(bookingBody({ date: DATE, nik: '123', phone: phoneFor(5) }));
    expect(bad.statusCode).toBe(422);
    const unknownSession = await post(bookingBody({ date: DATE, nik: nikFor(5), phone: phoneFor(5), sessionId: 999 }));
    expect(unknownSession.statusCode).toBe(409);
  });

  let pageEntry = '';
  it('sends the booking form to a waiting screen that reloads itself without scripts', async () => {
    rt.setNow(IN_WINDOW);
    const payload = new URLSearchParams({
      idempotencyKey: 'key-entry-page-1',
      nik: nikFor(8),
      name: 'Dewi Lestari',
      phone: phoneFor(8),
      service: 'KTP-BARU',
      slot: `${DATE}|1`,
      step: 'confirm',
    }).toString();
    const res = await rt.app.inject({ method: 'POST', url: '/o/kota-bogor', payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/e\/[A-Za-z0-9_-]{24}$/);
    pageEntry = String(res.headers.location).slice(3);
    const page = await rt.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Anda masuk undian');
    // The result is out at 07.01 WIB, the end of the draw window on the office's clock.
    expect(page.body).toContain('07.01 WIB');
    expect(page.body).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"><\/noscript>/);
    expect(page.body).toContain(`data-entry-id="${pageEntry}"`);
    const en = await rt.app.inject({ method: 'GET', url: `/e/${pageEntry}?lang=en` });
    expect(en.body).toContain('You are in the draw');
    const unknown = await rt.app.inject({ method: 'GET', url: '/e/nothing-here', headers: { accept: 'text/html' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets no booking move into the date while its draw is open', async () => {
    rt.setNow(IN_WINDOW);
    const booked = await post(bookingBody({ date: '2026-12-03', nik: nikFor(9), phone: phoneFor(9) }));
    expect(booked.statusCode).toBe(201);
    const code = booked.json().booking.code as string;
    const moved = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/reschedule`, payload: { nik: nikFor(9), date: DATE, sessionId: 1 } });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('DRAW_IN_PROGRESS');
  });

  it('answers 404 with a code for an unknown entry', async () => {
    const res = await getEntry('AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('holds bookings of the date until the draw is made, then books the entrants and answers 201 to later requests', async () => {
    rt.setNow(new Date(DRAW_AT.getTime() + 500));
    const waiting = await post(bookingBody({ date: DATE, nik: nikFor(6), phone: phoneFor(6) }));
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.code).toBe('DRAW_IN_PROGRESS');
    expect(waiting.headers['retry-after']).toBeDefined();

    expect(await rt.draws.runOnce()).toBe(1);
    expect(await rt.draws.runOnce()).toBe(0);

    const entries = await rt.storage.db.selectFrom('draw_entries').selectAll().execute();
    // Entered: NIKs 1, 2, 3 and 8 (the form); all got a place (200 places, four entrants).
    expect(entries.map((e) => e.status).sort()).toEqual(['booked', 'booked', 'booked', 'booked']);
    const page = await rt.app.inject({ method: 'GET', url: `/e/${pageEntry}` });
    expect(page.body).toContain('Anda mendapat tempat');
    expect(page.body).toMatch(/href="\/t\/[A-Z0-9]{9}"/);
    expect(page.body).not.toContain('http-equiv="refresh"');
    // The booking holds the person now: the entry keeps none of it.
    for (const e of entries) expect({ nik: e.nik, nik_hmac: e.nik_hmac, name: e.name, phone: e.phone, email: e.email }).toEqual({ nik: '', nik_hmac: null, name: '', phone: '', email: null });

    const two = entries.find((e) => e.session_id === 3)!;
    const res = await getEntry(two.id);
    expect(res.json().entry).toMatchObject({ status: 'booked', booking: { date: DATE, session: { id: 3 }, status: 'booked', channel: 'online' } });
    // The confirmation went to the outbox as for any booking.
    const messages = await rt.storage.db.selectFrom('outbox_messages').select('kind').where('booking_id', '=', Number(two.booking_id)).execute();
    expect(messages.map((m) => m.kind)).toContain('booked');

    rt.setNow(AFTER);
    const later = await post(bookingBody({ date: DATE, nik: nikFor(6), phone: phoneFor(6) }));
    expect(later.statusCode).toBe(201);
  });

  it('records the draw in the audit log with its seed and entry ids, and it replays to the same placements', async () => {
    const [record] = await auditOfDraws(rt);
    expect(record!.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.entrants).toHaveLength(4);
    expect(JSON.stringify(record)).not.toContain(nikFor(1));
    expect(replayDraw(record!, sha256)).toEqual(record!.placements);
    expect(record!.outcome).toEqual(record!.placements);
    const draw = await rt.storage.db.selectFrom('draws').selectAll().executeTakeFirstOrThrow();
    expect(draw).toMatchObject({ status: 'done', seed: record!.seed, entrants: 4, placed: 4, unplaced: 0, places: 200 });
  });

  it('refuses an entry still being worked on when the window closes, makes no draw from it, and books it when asked again', async () => {
    // 16 December opens on Wednesday 2 December at 07.00 WIB; its draw closes at 07.01.
    const date = '2026-12-16';
    const office = await requireOffice(rt.storage.db, 'kota-bogor');
    const release = openDraw(date, releaseRulesOf(office), office.timezone, new Date('2026-12-02T00:00:30Z'))!;
    const person = { nik: nikFor(700), name: 'Warga Lambat', phone: phoneFor(700) };
    // Taken within the window, the clock at the close before its draw was made.
    rt.setNow(release.drawAt);
    await expect(enterDraw(rt.ctx, { office, release, date, sessionId: 2, serviceCode: 'KTP-BARU', ...person })).rejects.toMatchObject({
      code: 'DRAW_IN_PROGRESS',
      details: { retryAfterSeconds: 3 },
    });
    expect(await rt.storage.db.selectFrom('draws').select('id').where('date', '=', date).execute()).toEqual([]);
    // Asked again, as the answer says: no draw holds the date, so it is booked first come, first served.
    rt.setNow(new Date(release.drawAt.getTime() + 3_000));
    const res = await post(bookingBody({ date, sessionId: 2, ...person }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('never enters desk bookings', async () => {
    // 16 December opens on 2 December at 07.00 WIB.
    rt.setNow(new Date('2026-12-02T00:00:10Z'));
    const { book } = await import('../../src/app/booking/commands/book.js');
    const desk = await book(rt.ctx, { officeSlug: 'kota-bogor', date: '2026-12-16', sessionId: 1, serviceCode: 'KTP-BARU', nik: nikFor(7), name: 'Budi', phone: '', channel: 'desk' });
    expect(desk.booking.channel).toBe('desk');
  });
});

describe.each(DIALECTS)('a release with 5,000 entrants on $name', (dialect) => {
  let rt: TestRuntime;
  // 17 December opens on Thursday 3 December at 07.00 WIB.
  const date = '2026-12-17';
  const opens = new Date('2026-12-03T00:00:00Z');
  const scripted = new Set<string>();
  const ids: string[] = [];

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: opens });
    const office = await requireOffice(rt.ctx.storage.db, 'kota-bogor');
    const sessions = [1, 2, 3, 4, 5];
    // Entries through the app layer, in batches: 500 scripted clients at the very instant the window opens, then 4,500 people over the minute.
    const enter = async (i: number) => {
      const at = i < 500 ? opens : new Date(opens.getTime() + 1000 + Math.floor(((i - 500) / 4500) * 58_000));
      rt.setNow(at);
      const release = openDraw(date, releaseRulesOf(office), office.timezone, at)!;
      const entry = await enterDraw(rt.ctx, {
        office,
        release,
        date,
        // Scripted clients all want the first session; people spread over the day.
        sessionId: i < 500 ? 1 : sessions[i % 5]!,
        serviceCode: 'KTP-BARU',
        nik: nikFor(10_000 + i),
        name: 'Warga',
        phone: phoneFor(10_000 + i),
      });
      if (i < 500) scripted.add(entry.id);
      ids.push(entry.id);
    };
    // PostgreSQL takes entries on several connections at once; SQLite has one writer anyway.
    const batch = dialect.name === 'postgres' ? 50 : 10;
    for (let i = 0; i < 5000; i += batch) await Promise.all(Array.from({ length: batch }, (_, k) => enter(i + k)));
  }, 300_000);
  afterAll(async () => {
    await rt.close();
  });

  it('places exactly the places released, nobody twice, no session over its quota, and scripted clients no more than their share', async () => {
    rt.setNow(new Date(opens.getTime() + 61_000));
    const fixedSeed = new Uint8Array(32).fill(42);
    // Entrants ask for their result over HTTP while the draw books the places, and are answered
    // meanwhile (over a socket, as phones ask: an injected read never leaves the event loop's turn).
    const base = await rt.app.listen({ port: 0, host: '127.0.0.1' });
    let made = false;
    const drawing = runDueDraws(rt.ctx, { workerId: 'test', seed: fixedSeed }).finally(() => (made = true));
    let answered = 0;
    while (!made) {
      const res = await fetch(`${base}/api/v1/entries/${ids[answered % ids.length]}`);
      expect(res.status, await res.text()).toBe(200);
      answered++;
    }
    expect(await drawing).toBe(1);
    // On SQLite, booking the 200 places without a turn between them, one answer got through; 99 with them.
    if (dialect.name === 'sqlite') expect(answered).toBeGreaterThanOrEqual(20);

    const db = rt.storage.db;
    const draw = await db.selectFrom('draws').selectAll().where('date', '=', date).executeTakeFirstOrThrow();
    expect(draw).toMatchObject({ entrants: 5000, places: 200, placed: 200, unplaced: 4800 });
    const bookings = await db.selectFrom('bookings').select(['id', 'session_id', 'nik_hmac']).where('date', '=', date).execute();
    expect(bookings).toHaveLength(200);
    expect(new Set(bookings.map((b) => b.nik_hmac)).size).toBe(200);
    const perSession = new Map<number, number>();
    for (const b of bookings) perSession.set(b.session_id, (perSession.get(b.session_id) ?? 0) + 1);
    for (const n of perSession.values()) expect(n).toBeLessThanOrEqual(40);

    const entries = await db.selectFrom('draw_entries').select(['id', 'status', 'booking_id']).where('draw_id', '=', draw.id).execute();
    const booked = entries.filter((e) => e.status === 'booked');
    expect(booked).toHaveLength(200);
    expect(new Set(booked.map((e) => e.booking_id)).size).toBe(200);

    // Scripted clients are 10% of entrants: of 200 places they expect 20; binomial σ = √(200·0.1·0.9) ≈ 4.24.
    const won = booked.filter((e) => scripted.has(e.id)).length;
    expect(Math.abs(won - 20)).toBeLessThanOrEqual(4 * Math.sqrt(200 * 0.1 * 0.9));

    // Replayed from the audit log's seed, entrants and places: the same placements, and what happened.
    const [record] = await auditOfDraws(rt);
    expect(record!.seed).toBe('2a'.repeat(32));
    const replayed = replayDraw(record!, sha256);
    expect(replayed).toEqual(record!.placements);
    expect(record!.outcome).toEqual(replayed);
  }, 300_000);

  it('tells an unplaced entrant there was no place and offers the next days with places', async () => {
    const unplaced = await rt.storage.db.selectFrom('draw_entries').select('id').where('status', '=', 'unplaced').executeTakeFirstOrThrow();
    const res = await rt.app.inject({ method: 'GET', url: `/api/v1/entries/${unplaced.id}` });
    expect(res.statusCode).toBe(200);
    const entry = res.json().entry;
    expect(entry.status).toBe('unplaced');
    expect(entry.booking).toBeUndefined();
    expect(entry.nextDays.length).toBeGreaterThan(0);
    for (const d of entry.nextDays) expect(d.date !== date && d.places > 0).toBe(true);
    const page = await rt.app.inject({ method: 'GET', url: `/e/${unplaced.id}` });
    expect(page.body).toContain('Tidak ada tempat hari itu');
    expect(page.body).toContain(`href="/o/kota-bogor#day-${entry.nextDays[0].date}"`);
  });
});

describe.runIf(POSTGRES)('the draw across two processes on PostgreSQL', () => {
  it('is made once whichever process gets there first', async () => {
    const twins = await startTwinRuntimes(POSTGRES!);
    try {
      const [a, b] = twins.runtimes as [Runtime, Runtime];
      twins.setNow(IN_WINDOW);
      for (let i = 0; i < 60; i++) {
        const rt = i % 2 ? a : b;
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: DATE, nik: nikFor(20_000 + i), phone: phoneFor(20_000 + i), sessionId: 1 + (i % 5) }) });
        expect(res.statusCode).toBe(202);
      }
      twins.setNow(AFTER);
      const made = await Promise.all([a.draws.runOnce(), b.draws.runOnce(), a.draws.runOnce(), b.draws.runOnce()]);
      expect(made.reduce((x, y) => x + y, 0)).toBe(1);
      const draws = await a.storage.db.selectFrom('draws').selectAll().execute();
      expect(draws).toHaveLength(1);
      expect(draws[0]).toMatchObject({ status: 'done', placed: 60 });
      const bookings = await a.storage.db.selectFrom('bookings').select('id').where('date', '=', DATE).execute();
      expect(bookings).toHaveLength(60);
      expect(await auditOfDraws(a)).toHaveLength(1);
    } finally {
      await twins.close();
    }
  }, 120_000);

  it('holds bookings of the date from the close in a process that read the draws before another made one, until the draw is made', async () => {
    const twins = await startTwinRuntimes(POSTGRES!);
    try {
      const [a, b] = twins.runtimes as [Runtime, Runtime];
      const attempt = (rt: Runtime, i: number) =>
        rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: DATE, nik: nikFor(30_000 + i), phone: phoneFor(30_000 + i), sessionId: 1 }) });
      // Before the release: process a reads the office's unfinished draws (none) and is refused.
      twins.setNow(new Date(RELEASE.getTime() - 1_000));
      expect((await attempt(a, 0)).statusCode).toBeGreaterThanOrEqual(400);
      // Process b takes the first entry: the draw comes into being there.
      twins.setNow(IN_WINDOW);
      expect((await attempt(b, 1)).statusCode).toBe(202);
      // Just after the close, a must not book past the entrant on the strength of its earlier read.
      twins.setNow(new Date(DRAW_AT.getTime() + 500));
      const held = await attempt(a, 2);
      expect(held.statusCode).toBe(409);
      expect(held.json().error.code).toBe('DRAW_IN_PROGRESS');
      // Once b has made the draw, a books at once: a pending draw is read again on every attempt.
      twins.setNow(AFTER);
      expect(await b.draws.runOnce()).toBe(1);
      expect((await attempt(a, 2)).statusCode).toBe(201);
    } finally {
      await twins.close();
    }
  }, 120_000);
});
