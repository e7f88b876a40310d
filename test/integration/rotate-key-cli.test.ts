import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBookingByCode } from '../../src/db/repositories/bookings.js';
import { generateDataKey } from '../../src/privacy/data-cipher.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { runCli } from '../support/cli-process.js';
import { startServerProcess } from '../support/server-process.js';
import { startTestRuntime } from '../support/test-runtime.js';


/** Runs `npm run antrean -- …` in its own process with exactly these data-key variables. */
function cli(args: string[], env: Record<string, string>) {
  return runCli(args, { env, unset: ['ANTREAN_DATA_KEY', 'ANTREAN_NEW_DATA_KEY'] });
}

for (const dialect of DIALECTS) {
  describe(`npm run antrean -- rotate-key on '${dialect.name}'`, () => {
    it('re-encrypts every booking under the new key, after which only the new key starts the server', async () => {
      const database = await dialect.freshDatabase({ crossProcess: true });
      const oldKey = generateDataKey();
      try {
        // SQLite: the key file `npm start` makes; PostgreSQL: ANTREAN_DATA_KEY and ANTREAN_NEW_DATA_KEY.
        const keyed = dialect.name === 'sqlite' ? { dataKey: null } : { dataKey: oldKey };
        const first = await startTestRuntime(dialect, { database, ...keyed });
        const codes: string[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await first.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(5100 + i) }) });
          codes.push(res.json().booking.code as string);
        }
        await first.close();

        const newKey = generateDataKey();
        const keyFile = `${database.url.slice('file:'.length)}.key`;
        const before = dialect.name === 'sqlite' ? readFileSync(keyFile, 'utf8') : '';
        const env: Record<string, string> = dialect.name === 'sqlite' ? { DATABASE_URL: database.url } : { DATABASE_URL: database.url, ANTREAN_DATA_KEY: oldKey, ANTREAN_NEW_DATA_KEY: newKey };
        const run = await cli(['rotate-key'], env);
        expect(run.out).toMatch(/Re-encrypted 3 booking\(s\)/);
        expect(run.code, run.out).toBe(0);
        const nextKey = dialect.name === 'sqlite' ? readFileSync(keyFile, 'utf8').trim() : newKey;
        if (dialect.name === 'sqlite') {
          expect(nextKey).not.toBe(before.trim());
          expect(existsSync(`${keyFile}.new`)).toBe(false);
          expect(run.out).toContain('.key.old-');
        }
        // Run again: on the key file it rotates once more, to another fresh key; given the current key as the new one, it refuses.
        const again = await cli(['rotate-key'], dialect.name === 'sqlite' ? env : { ...env, ANTREAN_DATA_KEY: newKey, ANTREAN_NEW_DATA_KEY: newKey });
        if (dialect.name === 'sqlite') {
          expect(again.code, again.out).toBe(0);
          expect(readFileSync(keyFile, 'utf8').trim()).not.toBe(nextKey);
        } else {
          expect(again.code).toBe(1);
          expect(again.out).toContain('is the current one');
        }

        await expect(startTestRuntime(dialect, { database, dataKey: oldKey })).rejects.toThrow(/encrypted with data key/);
        const rotated = await startTestRuntime(dialect, { database, dataKey: dialect.name === 'sqlite' ? null : newKey });
        for (const [i, code] of codes.entries()) expect(await findBookingByCode(rotated.storage.db, code)).toMatchObject({ nik: nikFor(5100 + i) });
        await rotated.close();
      } finally {
        await database.drop();
      }
    });
  });
}

describe('a server started with the wrong key', () => {
  it('exits with a clear message', async () => {
    const dialect = DIALECTS[0]!;
    const database = await dialect.freshDatabase({ crossProcess: true });
    try {
      const first = await startTestRuntime(dialect, { database });
      await first.close();
      await expect(startServerProcess({ DATABASE_URL: database.url, ANTREAN_DATA_KEY: generateDataKey() })).rejects.toThrow(
        /server exited with 1:[\s\S]*Refusing to start: the personal data in this database is encrypted with data key/,
      );
    } finally {
      await database.drop();
    }
  });
});
