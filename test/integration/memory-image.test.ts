import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { DIALECTS } from '../support/dialects.js';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const dir = mkdtempSync(join(tmpdir(), 'antrean-memory-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrated image the test dialect hands every in-memory runtime. */
async function migratedImage(): Promise<Buffer> {
  const { memoryImage } = await sqlite.freshDatabase();
  if (!memoryImage) throw new Error('the SQLite test dialect gave no image');
  return memoryImage;
}

const migrationsOf = async (storage: ReturnType<typeof openStorage>) =>
  (await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(storage.db)).rows[0]?.n;

describe('an in-memory database opened from an image', () => {
  it('starts with the schema of the image, so migrating it again has nothing to do', async () => {
    const storage = openStorage(':memory:', { memoryImage: await migratedImage() });
    expect(await migrateToLatest(storage)).toEqual([]);
    const offices = await storage.db.selectFrom('offices').select('slug').execute();
    expect(offices).toEqual([]);
    await storage.close();
  });

  it('is a copy: what one database writes, another opened from the same image does not see', async () => {
    const image = await migratedImage();
    const first = openStorage(':memory:', { memoryImage: image });
    const second = openStorage(':memory:', { memoryImage: image });
    await sql`DELETE FROM kysely_migration`.execute(first.db);
    expect(await migrationsOf(first)).toBe(0);
    expect(await migrationsOf(second)).toBeGreaterThan(0);
    await first.close();
    await second.close();
  });

  it('opens only in memory: an image with a file path is refused', async () => {
    const image = await migratedImage();
    expect(() => openStorage(`file:${join(dir, 'x.sqlite')}`, { memoryImage: image })).toThrow(/only in memory/);
  });
});
