import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { openEventStream } from '../support/sse.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** A wall-clock time in Kota Bogor (UTC+7) on a date of December 2026. */
const at = (day: number, hhmm: string) => new Date(`2026-12-${String(day).padStart(2, '0')}T${hhmm}:00+07:00`);
const WEDNESDAY = 2;
const THURSDAY = 3;
/** Tuesday 1 December, 09:00 WIB: Wednesday and Thursday are bookable. */
const TUESDAY = at(1, '09:00');

interface Placed {
  status: string;
  position: number | null;
  estimatedCallAt: string | null;
  counter: number | null;
}

describe.each(DIALECTS)('where a checked-in person stands, on $name', (dialect) => {
  let rt: TestRuntime;
  let desk: StaffLogin;
  let counter: StaffLogin;
  let serial = 8000;

  beforeEach(async () => {
    rt = await startTestRuntime(dialect, { now: TUESDAY });
    return async () => rt.close();
  });

  const as = (who: StaffLogin, url: string, payload?: object) =>
    rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${url}`, payload: payload ?? {}, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** Staff log in on the morning of the day they work: a session lasts a working day. */
  async function staffOn(day: number) {
    rt.setNow(at(day, '07:00'));
    desk = await logInStaff(rt, 'desk');
    counter = await logInStaff(rt, 'counter');
  }

  /** Books `count` people on Tuesday for the first session of a day, then puts the clock back. */
  async function book(day: number, count: number, service = 'KTP-BARU'): Promise<{ code: string; queueNumber: string }[]> {
    const back = rt.ctx.now();
    rt.setNow(TUESDAY);
    const date = `2026-12-${String(day).padStart(2, '0')}`;
    const avail = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=${date}&days=1` });
    const sessionId = avail.json().days[0].sessions[0].id as number;
    const made = [];
    for (let i = 0; i < count; i++) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date, sessionId, nik: nikFor(serial++), service }) });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json().booking);
    }
    rt.setNow(back);
    return made;
  }

  async function checkIn(code: string) {
    const res = await as(desk, '/check-ins', { code });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Counter `n` calls the next person at `from`, starts, and finishes `minutes` later. */
  async function serve(n: number, day: number, from: string, minutes: number) {
    rt.setNow(at(day, from));
    expect((await as(counter, `/counters/${n}/call-next`)).statusCode).toBe(200);
    expect((await as(counter, `/counters/${n}/start`)).statusCode).toBe(200);
    rt.setNow(new Date(at(day, from).getTime() + minutes * 60_000));
    expect((await as(counter, `/counters/${n}/finish`)).statusCode).toBe(200);
  }

  async function placeOf(code: string): Promise<Placed> {
    const res = await rt.app.inject({ url: `/api/v1/bookings/${code}` });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json().booking;
    return { status: b.status, position: b.position, estimatedCallAt: b.estimatedCallAt, counter: b.counter };
  }

  it('counts who is ahead in the service line and estimates the call from the median service time of the day', async () => {
    await staffOn(WEDNESDAY);
    const people = await book(WEDNESDAY, 9);
    const otherService = (await book(WEDNESDAY, 1, 'KK'))[0]!;

    // Before check-in there is no place; the fields are there, and null.
    expect(await placeOf(people[8]!.code)).toEqual({ status: 'booked', position: null, estimatedCallAt: null, counter: null });

    // One counter at work; the other three on a break.
    for (const n of [2, 3, 4]) expect((await as(counter, `/counters/${n}/pause`)).statusCode).toBe(200);
    rt.setNow(at(WEDNESDAY, '07:55'));
    for (const p of people) await checkIn(p.code);
    await checkIn(otherService.code);

    // Nothing measured yet today, and no earlier days: a place, but no honest estimate.
    expect(await placeOf(people[7]!.code)).toEqual({ status: 'checked_in', position: 8, estimatedCallAt: null, counter: null });
    // Someone of another service stands in their own line.
    expect((await placeOf(otherService.code)).position).toBe(1);

    // Five visits of 8, 9, 10, 12 and 30 minutes: the median is 10 minutes.
    let clock = 8 * 60;
    for (const minutes of [8, 9, 10, 12, 30]) {
      const hhmm = `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
      await serve(1, WEDNESDAY, hhmm, minutes);
      clock += minutes;
    }
    // 09.09 WIB; four of the KTP line wait (people 6 to 9), the KK person has not been called
    // (the calling order put the earlier arrivals first).
    expect(rt.ctx.now()).toEqual(at(WEDNESDAY, '09:09'));
    const eighth = people[7]!.code;
    // Two ahead, one counter, 10 minutes each: called in about 2.5 visits, 09.34 WIB.
    expect(await placeOf(eighth)).toEqual({ status: 'checked_in', position: 3, estimatedCallAt: at(WEDNESDAY, '09:34').toISOString(), counter: null });

    // The page says it in words, as a range, without any script.
    const page = await rt.app.inject({ url: `/t/${eighth}` });
    expect(page.body).toContain('Ada 2 orang di depan Anda untuk layanan ini.');
    // 25 ± 5 minutes from 09.09, widened outward to whole 5 minutes.
    expect(page.body).toContain('Perkiraan dipanggil: sekitar pukul 09.25–09.40 WIB');
    expect(page.body).toContain('lama pelayanan hari ini');
    const english = await rt.app.inject({ url: `/t/${eighth}?lang=en` });
    expect(english.body).toContain('2 people ahead of you for this service.');
    expect(english.body).toContain('Expected call: around 09:25–09:40 WIB');

    // The board: per service, how many wait and what the last one in line waits now. KTP: three
    // ahead of the last, 35 ± 7 minutes; KK: one person, nobody ahead, measured on the whole
    // office's visits today (too few of KK's own), 5 ± 5 minutes.
    const board = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/display/state', headers: { cookie: desk.cookie } });
    expect(board.json().lines).toEqual([
      { service: 'KTP-BARU', name: 'Perekaman KTP-el baru', waiting: 4, typicalWait: { fromMinutes: 25, toMinutes: 45 } },
      { service: 'KK', name: 'Kartu Keluarga (baru atau perubahan)', waiting: 1, typicalWait: { fromMinutes: 0, toMinutes: 10 } },
    ]);
    const boardPage = await rt.app.inject({ url: '/display/kota-bogor', headers: { cookie: desk.cookie } });
    expect(boardPage.body).toContain('<li data-line="KTP-BARU"><span class="line-name">Perekaman KTP-el baru</span><span class="line-count">4</span><span class="line-wait">sekitar 25–45 menit</span></li>');

    // A second counter back from its break shares the line: 1.25 visits, 12.5 minutes.
    expect((await as(counter, '/counters/2/resume')).statusCode).toBe(200);
    expect((await placeOf(eighth)).estimatedCallAt).toBe(new Date(at(WEDNESDAY, '09:09').getTime() + 750_000).toISOString());

    // The two before are called; then the eighth person is next, and then called: no place any more, but the counter.
    expect((await as(counter, '/counters/2/call-next')).statusCode).toBe(200);
    expect((await rt.app.inject({ url: `/t/${eighth}?lang=en` })).body).toContain('1 person ahead of you for this service.');
    expect((await as(counter, '/counters/1/call-next')).statusCode).toBe(200);
    expect(await placeOf(eighth)).toMatchObject({ status: 'checked_in', position: 1, counter: null });
    expect((await as(counter, '/counters/1/start')).statusCode).toBe(200);
    expect((await as(counter, '/counters/1/finish')).statusCode).toBe(200);
    expect((await as(counter, '/counters/1/call-next')).statusCode).toBe(200);
    expect(await placeOf(eighth)).toEqual({ status: 'called', position: null, estimatedCallAt: null, counter: 1 });
    const called = await rt.app.inject({ url: `/t/${eighth}` });
    expect(called.body).toContain('Silakan menuju <strong class="live-counter" data-counter>Loket 1</strong>');
  });

  it('early in the morning, estimates from the last open days, and never before the session starts', async () => {
    await staffOn(WEDNESDAY);
    const wednesday = await book(WEDNESDAY, 5);
    const thursday = await book(THURSDAY, 3);
    for (const n of [2, 3, 4]) expect((await as(counter, `/counters/${n}/pause`)).statusCode).toBe(200);
    rt.setNow(at(WEDNESDAY, '08:00'));
    for (const p of wednesday) await checkIn(p.code);
    // Five visits of 12 minutes on Wednesday.
    for (let i = 0; i < 5; i++) await serve(1, WEDNESDAY, `08:${String(i * 12).padStart(2, '0')}`, 12);

    // Thursday, 07.35: the first people check in before their 08.00 session.
    await staffOn(THURSDAY);
    rt.setNow(at(THURSDAY, '07:35'));
    for (const p of thursday) await checkIn(p.code);
    const third = await placeOf(thursday[2]!.code);
    // Nothing measured today: Wednesday's 12 minutes stand in. Two ahead, one counter: 2.5 visits,
    // 30 minutes, counted from 08.00, when calling begins, not from 07.35.
    expect(third).toEqual({ status: 'checked_in', position: 3, estimatedCallAt: at(THURSDAY, '08:30').toISOString(), counter: null });
    const page = await rt.app.inject({ url: `/t/${thursday[2]!.code}` });
    // 30 ± 6 minutes, widened outward to whole 5 minutes.
    expect(page.body).toContain('sekitar pukul 08.20–08.40 WIB');
    expect(page.body).toContain('lama pelayanan beberapa hari terakhir');
    // The first in line, checked in at 07.35 for 08.00, is not told 07.35.
    expect((await placeOf(thursday[0]!.code)).estimatedCallAt).toBe(at(THURSDAY, '08:06').toISOString());
  });

  it('keeps an open ticket page up to date over its event stream, with the markup the page renders', async () => {
    await staffOn(WEDNESDAY);
    const [first, second] = await book(WEDNESDAY, 2);
    rt.setNow(at(WEDNESDAY, '08:00'));
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const address = rt.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const stream = await openEventStream(`${base}/api/v1/bookings/${second!.code}/events?lang=id`, {});
    expect(stream.contentType).toContain('text/event-stream');
    const start = (await stream.next((e) => e.event === 'ticket')).data as Placed & { live: boolean; parts: Record<string, string> };
    expect(start).toMatchObject({ status: 'booked', live: true, position: null, counter: null });

    await checkIn(first!.code);
    await checkIn(second!.code);
    const waiting = (await stream.next((e) => e.event === 'ticket' && (e.data as Placed).position === 2)).data as Placed & { parts: Record<string, string> };
    expect(waiting.parts.live).toContain('Ada 1 orang di depan Anda untuk layanan ini.');
    // The page renders the same parts the stream sends.
    const page = (await rt.app.inject({ url: `/t/${second!.code}` })).body;
    expect(page).toContain(`<div data-ticket-part="live">${waiting.parts.live}</div>`);
    expect(page).toContain(`<dd data-ticket-part="status">${waiting.parts.status}</dd>`);

    await as(counter, '/counters/3/call-next');
    const moved = (await stream.next((e) => e.event === 'ticket' && (e.data as Placed).position === 1)).data as Placed & { parts: Record<string, string> };
    expect(moved.parts.live).toContain('Tidak ada orang di depan Anda');
    await as(counter, '/counters/4/call-next');
    const called = (await stream.next((e) => e.event === 'ticket' && (e.data as Placed).status === 'called')).data as Placed & { parts: Record<string, string> };
    expect(called).toMatchObject({ counter: 4, position: null });
    expect(called.parts.live).toContain('Loket 4');
    expect(called.parts.status).toBe('Sedang dipanggil');
    stream.close();
  });

  it('answers an unknown code on the stream with the ordinary 404', async () => {
    const res = await rt.app.inject({ url: '/api/v1/bookings/ACDEFG349/events' });
    expect(res.statusCode).toBe(404);
  });
});
