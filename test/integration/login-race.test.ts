import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/database.js';
import { DIALECTS } from '../support/dialects.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const REQUESTS = 200;
const ADMIN_PASSWORD = 'sandi-admin-yang-benar';

describe.each(DIALECTS)('the login limit under a race on $name', (dialect) => {
  it(`checks at most five of ${REQUESTS} concurrent wrong passwords sent to two server processes`, { timeout: 120_000 }, async () => {
    const database = await dialect.freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'antrean-login-race-'));
    const url = dialect.name === 'sqlite' ? `file:${join(dir, 'race.sqlite')}` : database.url;
    const env = { DATABASE_URL: url, ANTREAN_ADMIN_PASSWORD: ADMIN_PASSWORD, API_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' };
    const servers: ServerProcess[] = [];
    const login = (server: ServerProcess, password: string) =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
    try {
      // Both processes share one database, as behind a load balancer; every request comes from 127.0.0.1.
      servers.push(await startServerProcess(env));
      servers.push(await startServerProcess(env));

      const statuses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const res = await login(servers[i % 2]!, `wrong-password-${i}`);
          await res.arrayBuffer();
          return res.status;
        }),
      );
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      // A 401 means the password was checked.
      const checked = statuses.filter((s) => s === 401).length;
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(5);

      const right = await login(servers[0]!, ADMIN_PASSWORD);
      expect(right.status).toBe(429);
      expect(((await right.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ATTEMPTS');

      const storage = openStorage(url);
      try {
        const failures = await storage.db.selectFrom('login_attempts').select('id').where('username', '=', 'admin').where('success', '=', 0).execute();
        expect(failures).toHaveLength(checked);
      } finally {
        await storage.close();
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
