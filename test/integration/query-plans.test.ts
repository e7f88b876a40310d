import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { countOnlineBookingsMadeBy } from '../../src/db/repositories/bookings.js';
import { listOverdue } from '../../src/db/repositories/floor.js';
import { DataCipher, installDataCipher } from '../../src/privacy/data-cipher.js';
import { TEST_DATA_KEY } from '../support/data-key.js';

/** Keeps the operation tree of every query run through it, so a test can ask SQLite how it plans them. */
function capturing(): { plugin: KyselyPlugin; nodes: RootOperationNode[] } {
  const nodes: RootOperationNode[] = [];
  return {
    nodes,
    plugin: {
      transformQuery: ({ node }) => {
        nodes.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    },
  };
}

// SQLite plans without statistics (nothing runs ANALYZE), so which index it takes follows from the
// schema alone and can be pinned here; PostgreSQL chooses by the statistics of the data it holds.
describe('query plans on SQLite, which plans from the schema alone', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = openStorage(':memory:');
    await migrateToLatest(storage);
    // NIKs and numbers are looked up by their keyed hashes: the same key every test runtime loads.
    installDataCipher(new DataCipher(Buffer.from(TEST_DATA_KEY, 'base64')));
  });
  afterAll(() => storage.close());

  async function planOf(run: (db: Storage['db']) => Promise<unknown>): Promise<string> {
    const { plugin, nodes } = capturing();
    await run(storage.db.withPlugin(plugin));
    expect(nodes).toHaveLength(1);
    const compiled = storage.db.getExecutor().compileQuery(nodes[0]!, createQueryId());
    const { rows } = await storage.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]));
    return rows.map((r) => r.detail).join('; ');
  }

  it('finds the open tickets of past days for the day closer by status, never by reading every past booking', async () => {
    for (const todayBookedAlso of [false, true]) {
      const plan = await planOf((db) => listOverdue(db, 1, '2026-12-02', todayBookedAlso));
      expect(plan).toContain('bookings_office_status_date (office_id=? AND status=?');
      expect(plan).not.toMatch(/\(office_id=\? AND date<\?\)/);
    }
  });

  it("counts a person's online bookings of the month through the NIK's and the number's own indexes, never the office's bookings", async () => {
    const plan = await planOf((db) => countOnlineBookingsMadeBy(db, { officeId: 1, nik: '3271014101900001', phone: '6281234567890' }, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'));
    expect(plan).toContain('bookings_office_nik_hmac (office_id=? AND nik_hmac=?)');
    expect(plan).toContain('bookings_office_phone_hmac (office_id=? AND phone_hmac=?)');
    expect(plan).not.toMatch(/USING (COVERING )?INDEX \w+ \(office_id=\?\)/);
  });
});
