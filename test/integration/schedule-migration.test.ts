import { describe, expect, it } from 'vitest';
import { officeClock } from '../../src/domain/office-clock.js';
import { planOfficeDays } from '../../src/app/office/queries/plan-office-days.js';
import { openStorage } from '../../src/db/database.js';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.js';
import { DIALECTS } from '../support/dialects.js';
import { nikFor } from '../support/factories.js';

describe.each(DIALECTS)('migration 0007 (sessions per weekday) on $name', (dialect) => {
  it('gives each open weekday the active sessions with their places, and leaves every booking in its session', async () => {
    const database = await dialect.freshDatabase({ crossProcess: true, empty: true });
    const storage = openStorage(database.url);
    try {
      await migrateUpTo(storage, '0006-audit-log');
      const db = storage.db;
      const at = '2026-11-30T00:00:00.000Z';
      const office = await db
        .insertInto('offices')
        .values({ slug: 'lama', name: 'Kantor lama', timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,3,5', same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sessions = [
        { letter: 'A', start_time: '08:00', end_time: '09:00', capacity: 40, active: 1 },
        { letter: 'B', start_time: '09:00', end_time: '10:00', capacity: 25, active: 1 },
        { letter: 'C', start_time: '10:00', end_time: '11:00', capacity: 40, active: 0 },
      ];
      const ids = [];
      for (const s of sessions) ids.push((await db.insertInto('sessions').values({ office_id: office.id, ...s }).returning('id').executeTakeFirstOrThrow()).id);
      const service = await db.insertInto('services').values({ office_id: office.id, code: 'KK', name: 'KK', name_en: 'KK', documents: '[]', needs_presence: 0, active: 1, sort_order: 0 }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('bookings')
        .values({
          code: 'ACDEFGHJK', office_id: office.id, service_id: service.id, session_id: ids[1]!, date: '2026-12-02', queue_number: 'B001', status: 'booked',
          nik: nikFor(1), name: 'Siti', phone: '6281234567890', channel: 'online', priority: null, checked_in_at: null, created_at: at, updated_at: at,
        })
        .execute();

      await migrateToLatest(storage);

      const weekly = await db.selectFrom('weekly_sessions').select(['weekday', 'session_id', 'capacity']).orderBy('weekday').orderBy('session_id').execute();
      expect(weekly.map((w) => [Number(w.weekday), Number(w.session_id), Number(w.capacity)])).toEqual([
        [1, ids[0], 40], [1, ids[1], 25], [3, ids[0], 40], [3, ids[1], 25], [5, ids[0], 40], [5, ids[1], 25],
      ]);
      const booking = await db.selectFrom('bookings').select(['session_id', 'queue_number']).executeTakeFirstOrThrow();
      expect(booking).toEqual({ session_id: ids[1], queue_number: 'B001' });
      const row = await db.selectFrom('offices').selectAll().where('id', '=', office.id).executeTakeFirstOrThrow();
      expect(Number(row.desk_share_percent)).toBe(0);
      const clock = officeClock(row, new Date('2026-12-01T02:00:00Z'));
      const [wed, thu] = await planOfficeDays(db, row, clock, '2026-12-02', 2);
      expect(wed!.sessions.map((s) => [s.letter, s.remaining])).toEqual([['A', 40], ['B', 24]]);
      expect(thu!.open).toBe(false);
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
