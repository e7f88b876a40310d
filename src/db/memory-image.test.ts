import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from './database.js';
import { migrateToLatest } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'antrean-memory-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function migratedImage(): Promise<Buffer> {
  const storage = openStorage(':memory:');
  await migrateToLatest(storage);
  const file = join(dir, `image-${Math.random().toString(36).slice(2)}.sqlite`);
  await sql`VACUUM INTO ${file}`.execute(storage.db);
  await storage.close();
  return readFileSync(file);
}

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
    const migrationsOf = async (s: typeof first) => (await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(s.db)).rows[0]?.n;
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
