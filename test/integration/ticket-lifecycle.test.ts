import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/shared/context.js';
import { book } from '../../src/app/booking/commands/book.js';
import { actOnCounterTicket } from '../../src/app/floor/commands/act-on-counter-ticket.js';
import { callNext } from '../../src/app/floor/commands/call-next.js';
import { cancelBooking } from '../../src/app/booking/commands/cancel-booking.js';
import { checkIn } from '../../src/app/floor/commands/check-in.js';
import { closeDaysEverywhere } from '../../src/app/floor/commands/close-day.js';
import { requeueTicket } from '../../src/app/floor/commands/requeue-ticket.js';
import { rescheduleBooking } from '../../src/app/booking/commands/reschedule-booking.js';
import { transferTicket } from '../../src/app/floor/commands/transfer-ticket.js';
import { undoSkip } from '../../src/app/floor/commands/undo-skip.js';
import { finishAndCallNext } from '../../src/app/floor/commands/finish-and-call-next.js';
import { DomainError, InvalidInputError } from '../../src/domain/errors.js';
import { isAllowedMove, type TicketEventType, type TicketStatus } from '../../src/domain/ticket-status.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** A wall-clock time in Kota Bogor (UTC+7) on a date of December 2026. */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);
const TUESDAY = new Date('2026-12-01T02:00:00Z');

/** Every booking's event trail: starts with its creation, each event is an allowed move from where the last one left it, and ends where the booking stands. */
async function expectConsistentTrails(rt: TestRuntime): Promise<void> {
  const bookings = await rt.storage.db.selectFrom('bookings').select(['id', 'status']).execute();
  const events = await rt.storage.db.selectFrom('booking_events').select(['booking_id', 'type', 'from_status', 'to_status']).orderBy('id').execute();
  for (const b of bookings) {
    const trail = events.filter((e) => e.booking_id === b.id);
    expect(trail[0]).toMatchObject({ type: 'booked', from_status: null, to_status: 'booked' });
    let status: TicketStatus | null = null;
    for (const e of trail) {
      expect({ event: e, allowed: isAllowedMove(e.type as TicketEventType, e.from_status, e.to_status) }).toMatchObject({ allowed: true });
      expect(e.from_status).toBe(status);
      status = e.to_status;
    }
    expect(status).toBe(b.status);
  }
}

describe.each(DIALECTS)('the ticket lifecycle on $name', (dialect) => {
  describe('at the end of the day', () => {
    let rt: TestRuntime;
    let counter: StaffLogin;
    let desk: StaffLogin;
    let sessions: number[] = [];
    let n = 8000;

    beforeAll(async () => {
      rt = await startTestRuntime(dialect);
      rt.setNow(at('2026-12-02', '07:00'));
      desk = await logInStaff(rt, 'desk');
      counter = await logInStaff(rt, 'counter');
      const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
      sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
    });
    afterAll(async () => {
      await rt?.close();
    });

    const as = (who: StaffLogin, url: string, payload?: object) =>
      rt.app.inject({ method: 'POST', url: `/api/v1/offices/kota-bogor${url}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

    /** Books for Wednesday, checks in and calls to a counter; starts serving when asked. */
    async function atCounter(counterNumber: number, serve: boolean) {
      rt.setNow(TUESDAY);
      const nik = nikFor(n++);
      const made = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId: sessions[0], nik }) });
      const code = made.json().booking.code as string;
      rt.setNow(at('2026-12-02', '07:45'));
      expect((await as(desk, '/check-ins', { code })).statusCode).toBe(200);
      expect((await as(counter, `/counters/${counterNumber}/call-next`)).statusCode).toBe(200);
      if (serve) expect((await as(counter, `/counters/${counterNumber}/start`)).statusCode).toBe(200);
      return { code, nik };
    }

    const trailOf = (code: string) =>
      rt.storage.db
        .selectFrom('booking_events')
        .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
        .select(['booking_events.type', 'booking_events.from_status', 'booking_events.to_status', 'booking_events.note', 'bookings.status'])
        .where('bookings.code', '=', code)
        .orderBy('booking_events.id')
        .execute();

    it('closes a ticket still being served as done, and a called one as a no-show, and frees the counter', async () => {
      const serving = await atCounter(1, true);
      const called = await atCounter(2, false);
      rt.setNow(at('2026-12-03', '07:00'));
      await closeDaysEverywhere(rt.ctx);
      expect((await trailOf(serving.code)).at(-1)).toMatchObject({ type: 'done', from_status: 'serving', to_status: 'done', note: 'closed_at_day_end', status: 'done' });
      expect((await trailOf(called.code)).at(-1)).toMatchObject({ type: 'no_show', from_status: 'called', to_status: 'no_show', status: 'no_show' });
      await expectConsistentTrails(rt);
    });

    it('closes a past ticket left being served by the day-end rule when its owner books again', async () => {
      rt.setNow(at('2026-12-02', '07:00'));
      const serving = await atCounter(3, true);
      rt.setNow(at('2026-12-03', '09:00'));
      const again = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-04', sessionId: sessions[0], nik: serving.nik }) });
      expect(again.statusCode).toBe(201);
      expect((await trailOf(serving.code)).at(-1)).toMatchObject({ type: 'done', from_status: 'serving', note: 'closed_at_day_end', status: 'done' });
      await expectConsistentTrails(rt);
    });
  });

  it('never records a forbidden move, whatever staff and citizens do in whatever order', { timeout: 240_000 }, async () => {
    type Action =
      | { kind: 'book' | 'cancel' | 'reschedule' | 'checkIn' | 'requeue'; who: number }
      | { kind: 'call' | 'recall' | 'skip' | 'start' | 'finish' | 'transfer' | 'undoSkip' | 'finishAndNext'; counter: number }
      | { kind: 'closeDay' };
    const who = fc.integer({ min: 0, max: 3 });
    const counterNo = fc.integer({ min: 1, max: 2 });
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ kind: fc.constantFrom('book' as const, 'cancel' as const, 'reschedule' as const, 'checkIn' as const, 'requeue' as const), who }),
      fc.record({
        kind: fc.constantFrom('call' as const, 'recall' as const, 'skip' as const, 'start' as const, 'finish' as const, 'transfer' as const, 'undoSkip' as const, 'finishAndNext' as const),
        counter: counterNo,
      }),
      fc.constant({ kind: 'closeDay' as const }),
    );
    // Each step is one action, or two at once to let them race.
    const steps = fc.array(fc.array(action, { minLength: 1, maxLength: 2 }), { minLength: 5, maxLength: 25 });

    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const rt = await startTestRuntime(dialect, { now: at('2026-12-02', '08:30') });
        try {
          const ctx: AppContext = rt.ctx;
          const staff = await rt.storage.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
          const actor = { userId: staff.id };
          const sessions = (await rt.storage.db.selectFrom('sessions').select('id').orderBy('start_time').execute()).map((s) => s.id);
          const people = [0, 1, 2, 3].map((i) => ({ nik: nikFor(9000 + i), code: '' }));
          // Everyone starts with a booking for today, made the day before.
          rt.setNow(TUESDAY);
          for (const p of people) {
            p.code = (await book(ctx, { officeSlug: 'kota-bogor', date: '2026-12-02', sessionId: sessions[1]!, serviceCode: 'KTP-BARU', nik: p.nik, name: 'Warga Uji', phone: '081234567890', channel: 'online' })).booking.code;
          }
          rt.setNow(at('2026-12-02', '08:30'));
          const office = { officeSlug: 'kota-bogor' };
          const run = (a: Action): Promise<unknown> => {
            switch (a.kind) {
              case 'book': {
                const p = people[a.who]!;
                return book(ctx, { ...office, date: '2026-12-03', sessionId: sessions[0]!, serviceCode: 'KIA', nik: p.nik, name: 'Warga Uji', phone: '081234567890', channel: 'online' }).then((r) => (p.code = r.booking.code));
              }
              case 'cancel':
                return cancelBooking(ctx, { code: people[a.who]!.code, nik: people[a.who]!.nik });
              case 'reschedule':
                return rescheduleBooking(ctx, { code: people[a.who]!.code, nik: people[a.who]!.nik, date: '2026-12-03', sessionId: sessions[2]! });
              case 'checkIn':
                return checkIn(ctx, { ...office, code: people[a.who]!.code, actor, overrideReason: 'uji' });
              case 'requeue':
                return requeueTicket(ctx, { ...office, code: people[a.who]!.code, actor });
              case 'call':
                return callNext(ctx, { ...office, counterNumber: a.counter, actor });
              case 'recall':
                return actOnCounterTicket(ctx, { ...office, counterNumber: a.counter, actor, action: 'recall' });
              case 'skip':
                return actOnCounterTicket(ctx, { ...office, counterNumber: a.counter, actor, action: 'skip' });
              case 'start':
                return actOnCounterTicket(ctx, { ...office, counterNumber: a.counter, actor, action: 'start' });
              case 'finish':
                return actOnCounterTicket(ctx, { ...office, counterNumber: a.counter, actor, action: 'finish' });
              case 'transfer':
                return transferTicket(ctx, { ...office, counterNumber: a.counter, actor, serviceCode: 'KK' });
              case 'undoSkip':
                return undoSkip(ctx, { ...office, counterNumber: a.counter, actor });
              case 'finishAndNext':
                return finishAndCallNext(ctx, { ...office, counterNumber: a.counter, actor, outcome: 'referred' });
              case 'closeDay':
                return closeDaysEverywhere(ctx);
            }
          };
          for (const step of plan) {
            const outcomes = await Promise.allSettled(step.map(run));
            // A refused action is fine; anything but a rule's refusal is a bug.
            for (const o of outcomes) if (o.status === 'rejected' && !(o.reason instanceof DomainError || o.reason instanceof InvalidInputError)) throw o.reason;
            const held = await rt.storage.db
              .selectFrom('bookings')
              .select(['counter_number'])
              .where('status', 'in', ['called', 'serving'])
              .where('date', '=', '2026-12-02')
              .execute();
            expect(new Set(held.map((h) => h.counter_number)).size).toBe(held.length);
          }
          // The day ends: nothing of it stays open.
          rt.setNow(at('2026-12-03', '20:00'));
          await closeDaysEverywhere(ctx);
          const open = await rt.storage.db.selectFrom('bookings').select('status').where('date', '=', '2026-12-02').where('status', 'in', ['booked', 'checked_in', 'called', 'serving', 'skipped']).execute();
          expect(open).toEqual([]);
          await expectConsistentTrails(rt);
        } finally {
          await rt.close();
        }
      }),
      { numRuns: dialect.name === 'postgres' ? 15 : 30 },
    );
  });
});
