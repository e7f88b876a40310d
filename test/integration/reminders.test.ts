import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { cancelBooking } from '../../src/app/booking/commands/cancel-booking.js';
import { callNext } from '../../src/app/floor/commands/call-next.js';
import { checkIn } from '../../src/app/floor/commands/check-in.js';
import { requeueTicket } from '../../src/app/floor/commands/requeue-ticket.js';
import { actOnCounterTicket } from '../../src/app/floor/commands/act-on-counter-ticket.js';
import { enqueueDueReminders } from '../../src/app/notify/commands/enqueue-due-reminders.js';
import { sendDueMessages } from '../../src/app/notify/commands/send-due-messages.js';
import type { MessageTransport, OutgoingMessage } from '../../src/app/notify/channels.js';
import { rescheduleBooking } from '../../src/app/booking/commands/reschedule-booking.js';
import { DIALECTS } from '../support/dialects.js';
import { nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Wednesday 2 December 2026, the first bookable day seen from the test runtime's Tuesday morning. */
const WEDNESDAY = '2026-12-02';
const actor = { userId: 1 };

describe.each(DIALECTS)('reminders and turn messages on $name', (dialect) => {
  let rt: TestRuntime;
  let sessions: number[];
  let serial = 0;

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    const avail = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=${WEDNESDAY}&days=1` });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterEach(async () => {
    await rt.close();
  });

  async function bookOne(sessionIndex = 0, serviceCode = 'KTP-BARU') {
    const nik = nikFor(serial++);
    const { booking } = await book(rt.ctx, { officeSlug: 'kota-bogor', date: WEDNESDAY, sessionId: sessions[sessionIndex]!, serviceCode, nik, name: 'Siti Rahmawati', phone: '081234567890', channel: 'online' });
    return { ...booking, nik };
  }

  /** Outbox rows of a kind, with their booking and text. */
  function outbox(kind: string) {
    return rt.storage.db.selectFrom('outbox_messages').select(['booking_id', 'dedupe_key', 'body', 'next_attempt_at']).where('kind', '=', kind).orderBy('id').execute();
  }

  async function passAt(iso: string) {
    rt.setNow(new Date(iso));
    return enqueueDueReminders(rt.ctx, { now: rt.ctx.now() });
  }

  it('queues the evening-before reminder at 18.00 office time, once, and not for a cancelled booking', async () => {
    const kept = await bookOne();
    const cancelled = await bookOne();
    await cancelBooking(rt.ctx, { code: cancelled.code, nik: cancelled.nik });

    // 17.59 WIB on Tuesday: not yet.
    expect((await passAt('2026-12-01T10:59:00Z')).queued).toBe(0);
    expect(await outbox('reminder_evening')).toEqual([]);

    // 18.00 WIB: the kept booking's reminder, in the office's words and zone.
    expect((await passAt('2026-12-01T11:00:00Z')).queued).toBe(1);
    const [reminder, ...rest] = await outbox('reminder_evening');
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ booking_id: kept.id, dedupe_key: `reminder_evening:${kept.id}:${WEDNESDAY}`, next_attempt_at: '2026-12-01T11:00:00.000Z' });
    expect(reminder!.body).toContain('Rabu, 2 Desember 2026, 08.00–09.00 WIB');

    // Later passes, here or in another process, find it queued.
    expect((await passAt('2026-12-01T11:01:00Z')).queued).toBe(0);
    expect((await passAt('2026-12-01T13:30:00Z')).queued).toBe(0);
    expect(await outbox('reminder_evening')).toHaveLength(1);
  });

  it('keeps quiet from 21.00: a reminder missed by then is not sent at night', async () => {
    await bookOne();
    expect((await passAt('2026-12-01T14:00:00Z')).queued).toBe(0); // 21.00 WIB
    expect((await passAt('2026-12-01T20:00:00Z')).queued).toBe(0); // 03.00 WIB
    expect(await outbox('reminder_evening')).toEqual([]);
  });

  it('queues the reminder 2 hours before the session, moved out of quiet hours to 06.00', async () => {
    const early = await bookOne(0); // 08.00: 2 hours before is 06.00 WIB
    const later = await bookOne(2); // 10.00: 08.00 WIB
    expect((await passAt('2026-12-01T23:00:00Z')).queued).toBe(1); // 06.00 WIB Wednesday
    expect((await outbox('reminder_before')).map((r) => r.booking_id)).toEqual([early.id]);
    expect((await passAt('2026-12-02T01:00:00Z')).queued).toBe(1); // 08.00 WIB
    expect((await outbox('reminder_before')).map((r) => r.booking_id)).toEqual([early.id, later.id]);
  });

  it('uses the office’s own settings and zone: 19.00 WITA in Makassar, none before the session when off', async () => {
    await bookOne();
    await rt.storage.db
      .updateTable('offices')
      .set({ timezone: 'Asia/Makassar', reminder_evening_hour: 19, reminder_before_enabled: 0 })
      .where('slug', '=', 'kota-bogor')
      .execute();
    expect((await passAt('2026-12-01T10:59:00Z')).queued).toBe(0); // 18.59 WITA
    expect((await passAt('2026-12-01T11:00:00Z')).queued).toBe(1); // 19.00 WITA
    expect((await passAt('2026-12-01T23:30:00Z')).queued).toBe(0); // 07.30 WITA Wednesday: 30 min before 08.00
    expect(await outbox('reminder_before')).toEqual([]);
  });

  it('sends no reminder for a booking made or moved to its day after the reminder time', async () => {
    rt.setNow(new Date('2026-12-01T12:00:00Z')); // 19.00 WIB Tuesday
    await bookOne();
    expect((await passAt('2026-12-01T12:30:00Z')).queued).toBe(0);
  });

  it('tells a checked-in person once that their turn nears, and the counter when called', async () => {
    const people: Awaited<ReturnType<typeof bookOne>>[] = [];
    for (let i = 0; i < 6; i++) people.push(await bookOne());
    rt.setNow(new Date('2026-12-02T01:10:00Z')); // 08.10 WIB Wednesday
    for (const p of people) await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: p.code, actor });

    // 3 ahead by default: the first four in line heard at check-in, the last two not yet.
    const near = async () => (await outbox('turn_near')).filter((r) => !r.dedupe_key.startsWith('turn_near:called:'));
    expect((await near()).map((r) => r.booking_id)).toEqual(people.slice(0, 4).map((p) => p.id));

    const first = await callNext(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor });
    expect(first?.id).toBe(people[0]!.id);
    // The fifth is now 3 ahead; nobody is told twice.
    expect((await near()).map((r) => r.booking_id)).toEqual(people.slice(0, 5).map((p) => p.id));
    const called = (await outbox('turn_near')).filter((r) => r.dedupe_key.startsWith('turn_near:called:'));
    expect(called.map((r) => r.booking_id)).toEqual([people[0]!.id]);
    expect(called[0]!.body).toContain('Loket 2');
    expect((await near())[0]!.body).toContain('Giliran Anda sebentar lagi');

    // Skipped, put back in line and called again: told once more which counter, never "soon" twice.
    await actOnCounterTicket(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor, action: 'skip' });
    await requeueTicket(rt.ctx, { officeSlug: 'kota-bogor', code: people[0]!.code, actor });
    rt.setNow(new Date('2026-12-02T01:20:00Z'));
    await callNext(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 3, actor });
    const rows = await outbox('turn_near');
    expect(rows.filter((r) => r.dedupe_key === `turn_near:${people[0]!.id}:${WEDNESDAY}`)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(rows.length);
  });

  it('tells nobody their turn nears when the office set 0, but still names the counter on a call', async () => {
    await rt.storage.db.updateTable('offices').set({ turn_near_ahead: 0 }).where('slug', '=', 'kota-bogor').execute();
    const p = await bookOne();
    rt.setNow(new Date('2026-12-02T01:10:00Z'));
    await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: p.code, actor });
    expect(await outbox('turn_near')).toEqual([]);
    await callNext(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 1, actor });
    expect((await outbox('turn_near')).map((r) => r.dedupe_key)).toEqual([`turn_near:called:${p.id}:2026-12-02T01:10:00.000Z`]);
  });

  describe('retries that come too late', () => {
    /** A gateway that fails while `down` and records what it got. */
    function flakyGateway() {
      const got: OutgoingMessage[] = [];
      const gateway = { down: true, got, transport: undefined as unknown as MessageTransport };
      gateway.transport = {
        name: 'fake',
        async send(message) {
          got.push(message);
          return gateway.down ? { ok: false, permanent: false, detail: 'HTTP 502' } : { ok: true, detail: 'HTTP 200' };
        },
      };
      return gateway;
    }

    async function sendAt(iso: string, gateway: ReturnType<typeof flakyGateway>) {
      rt.setNow(new Date(iso));
      return sendDueMessages(rt.ctx, { workerId: 'test-worker', transports: { whatsapp: gateway.transport, email: gateway.transport } });
    }

    function rowsOf(bookingId: number, kind: string) {
      return rt.storage.db.selectFrom('outbox_messages').select(['id', 'status', 'failure_reason', 'next_attempt_at', 'tries', 'dedupe_key']).where('booking_id', '=', bookingId).where('kind', '=', kind).orderBy('id').execute();
    }

    it('drops an evening reminder whose first try failed once the booking is cancelled, without trying it again', async () => {
      const person = await bookOne();
      await passAt('2026-12-01T11:00:00Z'); // 18.00 WIB
      const gateway = flakyGateway();
      // Booking confirmation and reminder both fail at 18.00.
      await sendAt('2026-12-01T11:00:00Z', gateway);
      expect((await rowsOf(person.id, 'reminder_evening'))[0]).toMatchObject({ status: 'waiting', tries: 1 });

      await cancelBooking(rt.ctx, { code: person.code, nik: person.nik });
      gateway.down = false;
      const before = gateway.got.length;
      const pass = await sendAt('2026-12-01T11:05:00Z', gateway);
      expect(pass.dropped).toBe(1);
      expect((await rowsOf(person.id, 'reminder_evening'))[0]).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due', tries: 1 });
      // Only the booking confirmation's retry and the cancellation went out; not the reminder.
      expect(gateway.got.length - before).toBe(2);
    });

    it('drops a reminder for a booking moved to another day, and one whose retry falls after 21.00', async () => {
      const moved = await bookOne();
      const kept = await bookOne(1);
      await passAt('2026-12-01T13:55:00Z'); // 20.55 WIB: both reminders queued
      const gateway = flakyGateway();
      await sendAt('2026-12-01T13:55:00Z', gateway);
      const avail = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=2026-12-03&days=1` });
      const thursdaySession = avail.json().days[0].sessions[0].id as number;
      await rescheduleBooking(rt.ctx, { code: moved.code, nik: moved.nik, date: '2026-12-03', sessionId: thursdaySession });
      gateway.down = false;
      // The retry at 20.56: the moved one is dropped, the kept one goes.
      await sendAt('2026-12-01T13:56:00Z', gateway);
      expect((await rowsOf(moved.id, 'reminder_evening'))[0]).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due' });
      expect((await rowsOf(kept.id, 'reminder_evening'))[0]).toMatchObject({ status: 'sent' });

      // A third booking's reminder fails at 20.59 and its retry comes at 21.00: too late for an evening reminder.
      const late = await bookOne(2);
      await rt.storage.db.updateTable('bookings').set({ updated_at: '2026-12-01T00:00:00.000Z' }).where('id', '=', late.id).execute();
      await passAt('2026-12-01T13:59:00Z');
      gateway.down = true;
      await sendAt('2026-12-01T13:59:00Z', gateway);
      gateway.down = false;
      await sendAt('2026-12-01T14:00:00Z', gateway);
      expect((await rowsOf(late.id, 'reminder_evening'))[0]).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due', tries: 1 });
    });

    it('holds a reminder through quiet hours until 06.00, then drops it if its session has begun', async () => {
      // A late-evening session (22.00) on Wednesday: its 2-hours-before reminder is due at 20.00 WIB.
      const person = await bookOne();
      const session = await rt.storage.db.selectFrom('bookings').select('session_id').where('id', '=', person.id).executeTakeFirstOrThrow();
      await rt.storage.db.updateTable('sessions').set({ start_time: '22:00', end_time: '23:00' }).where('id', '=', session.session_id).execute();
      await passAt('2026-12-02T13:00:00Z'); // 20.00 WIB Wednesday
      const gateway = flakyGateway();
      await sendAt('2026-12-02T13:00:00Z', gateway);
      expect((await rowsOf(person.id, 'reminder_before'))[0]).toMatchObject({ status: 'waiting', tries: 1 });

      // The worker was down until 21.10: the retry waits for 06.00 Thursday, no try counted.
      gateway.down = false;
      const reminders = () => gateway.got.filter((m) => m.text.includes('22.00')).length;
      const tried = reminders();
      const pass = await sendAt('2026-12-02T14:10:00Z', gateway);
      expect(pass.held).toBe(1);
      expect(reminders()).toBe(tried);
      expect((await rowsOf(person.id, 'reminder_before'))[0]).toMatchObject({ status: 'waiting', tries: 1, next_attempt_at: '2026-12-02T23:00:00.000Z' });
      expect((await sendAt('2026-12-02T20:00:00Z', gateway)).claimed).toBe(0); // 03.00 WIB: not yet due

      // 06.00 Thursday: the session is over, so the reminder is dropped rather than sent.
      await sendAt('2026-12-02T23:00:00Z', gateway);
      expect((await rowsOf(person.id, 'reminder_before'))[0]).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due' });
      expect(reminders()).toBe(tried);
    });

    it('drops a before reminder once the person has checked in', async () => {
      const person = await bookOne(1); // 09.00: reminded at 07.00 WIB
      await passAt('2026-12-02T00:00:00Z');
      const gateway = flakyGateway();
      await sendAt('2026-12-02T00:00:00Z', gateway);
      expect((await rowsOf(person.id, 'reminder_before'))[0]).toMatchObject({ status: 'waiting', tries: 1 });
      rt.setNow(new Date('2026-12-02T01:00:00Z')); // 08.00: checked in before the retry
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: person.code, actor });
      gateway.down = false;
      await sendAt('2026-12-02T01:02:00Z', gateway);
      expect((await rowsOf(person.id, 'reminder_before'))[0]).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due' });
    });

    it('sends "turn near" and "go to the counter" on retry only while they still hold', async () => {
      const first = await bookOne();
      const second = await bookOne();
      rt.setNow(new Date('2026-12-02T01:10:00Z'));
      const gateway = flakyGateway();
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: first.code, actor });
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: second.code, actor });
      await sendAt('2026-12-02T01:10:00Z', gateway); // both "soon" messages fail

      // The first is called before the retry: their "soon" is stale, the second's still holds.
      await callNext(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor });
      gateway.down = false;
      await sendAt('2026-12-02T01:12:00Z', gateway);
      const firstRows = await rowsOf(first.id, 'turn_near');
      expect(firstRows.find((r) => !r.dedupe_key.startsWith('turn_near:called:'))).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due' });
      expect(firstRows.find((r) => r.dedupe_key.startsWith('turn_near:called:'))).toMatchObject({ status: 'sent' });
      expect((await rowsOf(second.id, 'turn_near'))[0]).toMatchObject({ status: 'sent' });

      // The second's call fails; they reach the counter (serving) before the retry: dropped.
      rt.setNow(new Date('2026-12-02T01:15:00Z'));
      await actOnCounterTicket(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor, action: 'start' });
      await actOnCounterTicket(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor, action: 'finish' });
      gateway.down = true;
      await callNext(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor });
      await sendAt('2026-12-02T01:15:00Z', gateway);
      await actOnCounterTicket(rt.ctx, { officeSlug: 'kota-bogor', counterNumber: 2, actor, action: 'start' });
      gateway.down = false;
      await sendAt('2026-12-02T01:17:00Z', gateway);
      const secondCall = (await rowsOf(second.id, 'turn_near')).find((r) => r.dedupe_key.startsWith('turn_near:called:'));
      expect(secondCall).toMatchObject({ status: 'failed', failure_reason: 'no_longer_due' });
    });
  });
});
