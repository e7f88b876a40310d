import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/db/database.js';
import { preparedQuery } from '../../src/db/prepared-query.js';
import { writeWatchOf } from '../../src/db/repositories/write-watch.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const closedDaysOf = preparedQuery((db, v: { officeId: number; from: string; to: string }) =>
  db.selectFrom('closed_days').select(['date', 'reason']).where('office_id', '=', v.officeId).where('date', '>=', v.from).where('date', '<=', v.to).orderBy('date'),
);

const addClosedDay = preparedQuery((db, v: { officeId: number; date: string; reason: string; createdAt?: string | undefined }) =>
  db.insertInto('closed_days').values({ office_id: v.officeId, date: v.date, reason: v.reason, kind: 'office_closure', created_at: v.createdAt }).returning(['date', 'created_at']),
);

for (const dialect of DIALECTS) {
  describe(`prepared queries on '${dialect.name}'`, () => {
    let rt: TestRuntime;
    let storage: Storage;
    let officeId: number;

    beforeAll(async () => {
      rt = await startTestRuntime(dialect);
      storage = rt.storage;
      officeId = Number((await storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow()).id);
    });
    afterAll(() => rt.close());

    it('runs again with the values of each call, not those it was first compiled with', async () => {
      const at = '2026-12-01T02:00:00.000Z';
      await addClosedDay(storage.db, { officeId, date: '2027-09-14', reason: 'Rapat kerja', createdAt: at });
      await addClosedDay(storage.db, { officeId, date: '2027-09-15', reason: 'Pemeliharaan', createdAt: at });
      await addClosedDay(storage.db, { officeId, date: '2027-10-12', reason: 'Pindah gedung', createdAt: at });
      const september = await closedDaysOf(storage.db, { officeId, from: '2027-09-14', to: '2027-09-15' });
      expect(september.rows).toEqual([
        { date: '2027-09-14', reason: 'Rapat kerja' },
        { date: '2027-09-15', reason: 'Pemeliharaan' },
      ]);
      const october = await closedDaysOf(storage.db, { officeId, from: '2027-10-12', to: '2027-10-12' });
      expect(october.rows).toEqual([{ date: '2027-10-12', reason: 'Pindah gedung' }]);
      expect((await closedDaysOf(storage.db, { officeId: officeId + 1, from: '2026-01-01', to: '2027-12-31' })).rows).toEqual([]);
    });

    it('leaves out a value that is undefined, as a query built afresh does, and keeps the ones given', async () => {
      const at = '2026-12-01T02:00:00.000Z';
      const defaulted = await addClosedDay(storage.db, { officeId, date: '2027-02-01', reason: 'Libur', createdAt: undefined });
      const given = await addClosedDay(storage.db, { officeId, date: '2027-02-02', reason: 'Libur', createdAt: at });
      expect(defaulted.rows).toEqual([{ date: '2027-02-01', created_at: null }]);
      expect(given.rows).toEqual([{ date: '2027-02-02', created_at: at }]);
      const stored = await storage.db.selectFrom('closed_days').select(['date', 'created_at']).where('office_id', '=', officeId).where('date', 'in', ['2027-02-01', '2027-02-02']).orderBy('date').execute();
      expect(stored).toEqual([...defaulted.rows, ...given.rows]);
    });

    it('runs in a transaction, and a rollback undoes it', async () => {
      await expect(
        storage.db.transaction().execute(async (trx) => {
          await addClosedDay(trx, { officeId, date: '2027-03-01', reason: 'Dibatalkan', createdAt: '2026-12-01T02:00:00.000Z' });
          expect((await closedDaysOf(trx, { officeId, from: '2027-03-01', to: '2027-03-01' })).rows).toHaveLength(1);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await closedDaysOf(storage.db, { officeId, from: '2027-03-01', to: '2027-03-01' })).rows).toEqual([]);
    });

    it('is counted by the write watch as a write of its table, in a transaction too', async () => {
      const watch = writeWatchOf(storage.db)!;
      const before = watch.generation(['closed_days']);
      const others = watch.generation(['bookings']);
      await storage.db.transaction().execute((trx) => addClosedDay(trx, { officeId, date: '2027-04-01', reason: 'Libur', createdAt: '2026-12-01T02:00:00.000Z' }));
      expect(watch.generation(['closed_days'])).toBeGreaterThan(before);
      expect(watch.generation(['bookings'])).toBe(others);
      const afterWrite = watch.generation(['closed_days']);
      await closedDaysOf(storage.db, { officeId, from: '2027-04-01', to: '2027-04-01' });
      expect(watch.generation(['closed_days'])).toBe(afterWrite);
    });

    it('refuses a query that bakes a value into its text instead of passing it', async () => {
      const baked = preparedQuery((db, v: { date: string }) => db.selectFrom('closed_days').select('date').where('date', '=', sql.lit(v.date)));
      await expect(baked(storage.db, { date: '2027-01-01' })).rejects.toThrow(/each value in as a parameter/);
      const ignored = preparedQuery((db, _v: { date: string }) => db.selectFrom('closed_days').select('date'));
      await expect(ignored(storage.db, { date: '2027-01-01' })).rejects.toThrow(/date/);
    });
  });
}
