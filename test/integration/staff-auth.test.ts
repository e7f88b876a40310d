import { TEST_DATA_KEY } from '../support/data-key.js';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/staff/commands/add-user.js';
import { ensureFirstAdmin } from '../../src/app/staff/commands/ensure-first-admin.js';
import { openStorage } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/http/logger.js';
import { csrfToken, requireRole, verifyCsrf } from '../../src/http/plugins/staff-auth.js';
import { InProcessBus } from '../../src/realtime/in-process-bus.js';
import { startRuntime } from '../../src/runtime.js';
import { runCli } from '../support/cli-process.js';
import { DIALECTS } from '../support/dialects.js';
import { loginAs, logInStaff } from '../support/staff.js';
import { startTestRuntime, TUESDAY_MORNING, type TestRuntime, TEST_PASSWORD_COST } from '../support/test-runtime.js';

const MINUTE = 60_000;

/** Runs the CLI as `npm run antrean` would, with `stdin` piped in. */
function cli(args: string[], env: Record<string, string>, stdin: string) {
  return runCli(args, { env, stdin });
}

describe.each(DIALECTS)('staff accounts and access on $name', (dialect) => {
  let rt: TestRuntime;
  let address = 0;
  // Every test logs in from addresses of its own, so the per-address limit of one never trips another.
  const freshAddress = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { adminPassword: 'admin-password-1' });
    // A staff form page in miniature: guarded by role and CSRF like the real ones.
    rt.app.post('/test/desk-form', { onRequest: requireRole('desk'), preHandler: verifyCsrf }, async () => ({ ok: true }));
    rt.app.get('/test/desk-form', { onRequest: requireRole('desk') }, async (req) => ({ csrf: csrfToken(req) }));
  });
  afterAll(async () => {
    await rt.close();
  });

  const login = (username: string, password: string, remoteAddress = freshAddress()) =>
    rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  const get = (url: string, cookie?: string) => rt.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string, payload: object = {}) => rt.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => {
    const c = res.cookies.find((x) => x.name === 'antrean_session');
    return c ? `antrean_session=${c.value}` : '';
  };
  const failedAttemptsOn = async (username: string) =>
    (await rt.storage.db.selectFrom('login_attempts').select('id').where('username', '=', username).where('success', '=', 0).execute()).length;
  let made = 0;
  async function account(role: 'admin' | 'desk' | 'counter' | 'display' = 'desk') {
    made += 1;
    const username = `staf${made}-${role}`;
    const password = `sandi-rahasia-${made}`;
    await addUser(rt.ctx, { username, password, role });
    return { username, password };
  }

  it('creates the first admin from ANTREAN_ADMIN_PASSWORD without repeating the password anywhere', async () => {
    expect(rt.announcements).toHaveLength(1);
    expect(rt.announcements[0]).toContain('ANTREAN_ADMIN_PASSWORD');
    expect(rt.announcements[0]).not.toContain('admin-password-1');
    const res = await login('admin', 'admin-password-1');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ username: 'admin', role: 'admin', officeId: null, mustChangePassword: false });
  });

  it('logs in with a session cookie that scripts and other sites cannot use, and logs out', async () => {
    const { username, password } = await account('desk');
    const res = await login(username.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username, role: 'desk' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^antrean_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure');
    const cookie = sessionCookie(res);

    const me = await get('/api/v1/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toEqual({ username, role: 'desk', officeId: null, mustChangePassword: false });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
    expect(me.headers['cache-control']).toBe('no-store');

    const out = await post('/api/v1/auth/logout', cookie);
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/antrean_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await get('/api/v1/auth/me', cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('stores only an Argon2id hash of the password and a SHA-256 of the session token', async () => {
    const { username, password } = await account('counter');
    const res = await login(username, password);
    const token = sessionCookie(res).split('=')[1]!;
    const user = await rt.storage.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(password);
    const sessions = await rt.storage.db.selectFrom('staff_sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]!.id).not.toBe(token);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const { username } = await account('desk');
    const wrong = await login(username, 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const missing = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' }, remoteAddress: freshAddress() });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields.password.code).toBe('REQUIRED');
  });

  it('gives the display a month-long session and ends a desk session after twelve hours', async () => {
    const display = await account('display');
    const res = await login(display.username, display.password);
    expect(String(res.headers['set-cookie'])).toContain(`Max-Age=${30 * 24 * 3600}`);
    const desk = await logInStaff(rt, 'desk');
    rt.setNow(new Date(TUESDAY_MORNING.getTime() + 12 * 60 * MINUTE + 1000));
    try {
      expect((await get('/api/v1/auth/me', desk.cookie)).statusCode).toBe(401);
      expect((await get('/api/v1/auth/me', sessionCookie(res))).statusCode).toBe(200);
    } finally {
      rt.setNow(TUESDAY_MORNING);
    }
  });

  it('lets only admins manage accounts, and not even admins without naming them', async () => {
    const anonymous = await get('/api/v1/users');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Silakan masuk (login) lebih dulu.' });
    for (const role of ['desk', 'counter', 'display'] as const) {
      const res = await get('/api/v1/users', await loginAs(rt, role));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const admin = await loginAs(rt, 'admin');
    // A desk-only route stays closed to an admin: roles are listed, never implied.
    expect((await get('/test/desk-form', admin)).statusCode).toBe(403);
    const list = await get('/api/v1/users', admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().users[0]).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    expect(JSON.stringify(list.json())).not.toContain('argon2');
  });

  it('adds accounts through the API, checking name, password and role', async () => {
    const admin = await loginAs(rt, 'admin');
    const created = await post('/api/v1/users', admin, { username: 'Rina.Loket', password: 'sandi-loket-01', role: 'counter', office: 'kota-bogor' });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ username: 'rina.loket', role: 'counter', disabled: false });
    expect(created.json().user.officeId).toEqual(expect.any(Number));
    expect((await login('rina.loket', 'sandi-loket-01')).json().user.officeId).toBe(created.json().user.officeId);

    const taken = await post('/api/v1/users', admin, { username: 'RINA.LOKET', password: 'sandi-loket-02', role: 'desk' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USERNAME_TAKEN');
    const bad = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: { username: 'a b', password: 'short', role: 'boss' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({
      username: { code: 'USERNAME_INVALID', message: expect.stringContaining('3 to 32') },
      password: { code: 'PASSWORD_TOO_SHORT', message: 'A password needs at least 10 characters.' },
      role: { code: 'ROLE_INVALID', message: expect.any(String) },
    });
    const office = await post('/api/v1/users', admin, { username: 'tamu', password: 'sandi-tamu-001', role: 'desk', office: 'atlantis' });
    expect(office.statusCode).toBe(422);
    expect(office.json().error.fields.office.code).toBe('OFFICE_UNKNOWN');
  });

  it('locks a disabled account out at once, its open session included, until it is enabled', async () => {
    const admin = await loginAs(rt, 'admin');
    const desk = await logInStaff(rt, 'desk');
    expect((await get('/api/v1/auth/me', desk.cookie)).statusCode).toBe(200);

    const disabled = await post(`/api/v1/users/${desk.username}/disable`, admin);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user).toMatchObject({ username: desk.username, disabled: true });
    expect((await get('/api/v1/auth/me', desk.cookie)).statusCode).toBe(401);
    expect((await get('/test/desk-form', desk.cookie)).statusCode).toBe(401);
    const again = await login(desk.username, desk.password);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');

    expect((await post(`/api/v1/users/${desk.username}/enable`, admin)).json().user.disabled).toBe(false);
    // The old session stays ended; a new login works.
    expect((await get('/api/v1/auth/me', desk.cookie)).statusCode).toBe(401);
    expect((await login(desk.username, desk.password)).statusCode).toBe(200);
    expect((await post('/api/v1/users/nobody-at-all/disable', admin)).statusCode).toBe(404);
  });

  it('refuses to disable the last active admin', async () => {
    const { username: own, cookie: admin } = await logInStaff(rt, 'admin');
    const users = (await get('/api/v1/users', admin)).json().users as { username: string; role: string; disabled: boolean }[];
    const others = users.filter((u) => u.role === 'admin' && !u.disabled && u.username !== own).map((u) => u.username);
    for (const name of others) expect((await post(`/api/v1/users/${name}/disable`, admin)).statusCode).toBe(200);
    const last = await post(`/api/v1/users/${own}/disable`, admin);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('LAST_ADMIN');
    expect((await post('/api/v1/users/admin/enable', admin)).statusCode).toBe(200);
  });

  it('locks an account from the address that failed five times, while its owner gets in from a clean one', async () => {
    const { username, password } = await account('admin');
    const attacker = '192.0.2.13';
    for (let i = 0; i < 5; i++) expect((await login(username, `wrong-password-${i}`, attacker)).statusCode).toBe(401);
    const locked = await login(username, password, attacker);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.json().error.message).toContain('15 menit');
    expect(locked.headers['retry-after']).toBe('900');
    // The owner, from an address with no failures, is not locked out by someone else's guesses.
    expect((await login(username, password, '198.18.13.1')).statusCode).toBe(200);
    // Other accounts from the attacker's address are not affected either.
    const other = await account('desk');
    expect((await login(other.username, other.password, attacker)).statusCode).toBe(200);

    rt.setNow(new Date(TUESDAY_MORNING.getTime() + 10 * MINUTE));
    try {
      expect((await login(username, password, attacker)).headers['retry-after']).toBe('300');
      rt.setNow(new Date(TUESDAY_MORNING.getTime() + 15 * MINUTE));
      expect((await login(username, password, attacker)).statusCode).toBe(200);
    } finally {
      rt.setNow(TUESDAY_MORNING);
    }
  });

  it('locks an account for every address once fifty wrong passwords came from many', async () => {
    const { username, password } = await account('admin');
    // Ten addresses, five guesses each: none of them reaches its own lock.
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 5; i++) expect((await login(username, `wrong-password-${a}-${i}`, `198.18.50.${a}`)).statusCode).toBe(401);
    }
    const guess = await login(username, 'wrong-password-next', '198.18.50.200');
    expect(guess.statusCode).toBe(429);
    expect(guess.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login(username, password, '198.18.50.201')).statusCode).toBe(429);
  });

  it('checks at most five passwords of a burst of two hundred from one address, and stays locked', async () => {
    const { username, password } = await account('admin');
    const from = '192.0.2.81';
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => login(username, `wrong-password-${i}`, from)));
    expect(burst.map((r) => r.statusCode).filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // A 401 means the password was checked; each check leaves one failed attempt behind.
    const checked = burst.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(await failedAttemptsOn(username)).toBe(checked);
    const right = await login(username, password, from);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('starts the count afresh after a successful login from the same address', async () => {
    const { username, password } = await account('desk');
    const from = '192.0.2.44';
    for (let i = 0; i < 4; i++) expect((await login(username, 'wrong-password', from)).statusCode).toBe(401);
    expect((await login(username, password, from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(username, 'wrong-password', from)).statusCode).toBe(401);
    expect((await login(username, password, from)).statusCode).toBe(200);
  });

  it('refuses a login posted from another site, through the API and the login page', async () => {
    const { username, password } = await account('desk');
    const api = (headers: Record<string, string>) =>
      rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: freshAddress(), headers });
    const crossSite = await api({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toEqual({ code: 'CROSS_SITE_LOGIN', message: expect.stringContaining('situs lain') });
    expect(crossSite.headers['set-cookie']).toBeUndefined();
    const sibling = await api({ 'sec-fetch-site': 'same-site' });
    expect(sibling.statusCode).toBe(403);
    const foreign = await api({ origin: 'https://phish.example', 'accept-language': 'en' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toEqual({ code: 'CROSS_SITE_LOGIN', message: expect.stringContaining('another site') });
    expect((await api({ origin: 'null' })).statusCode).toBe(403);
    // Our own pages, and clients that send neither header (curl, scripts), still log in.
    expect((await api({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await api({ origin: 'http://localhost:80' })).statusCode).toBe(200);
    expect((await api({ 'sec-fetch-site': 'none' })).statusCode).toBe(200);

    const page = (headers: Record<string, string>) =>
      rt.app.inject({
        method: 'POST',
        url: '/staff/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({ username, password }).toString(),
        remoteAddress: freshAddress(),
      });
    const form = await page({ origin: 'https://phish.example', 'sec-fetch-site': 'cross-site' });
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('situs lain');
    expect(form.headers['set-cookie']).toBeUndefined();
    expect((await page({ origin: 'https://phish.example' })).statusCode).toBe(403);
    expect((await page({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
  });

  it('stops one address after twenty failures, even for a real account, but not its neighbours', async () => {
    const from = '192.0.2.66';
    for (let i = 0; i < 20; i++) expect((await login(`guess-${i}`, 'wrong-password', from)).statusCode).toBe(401);
    const real = await account('desk');
    const blocked = await login(real.username, real.password, from);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(real.username, real.password, '192.0.2.67')).statusCode).toBe(200);
  });

  it('requires the session CSRF token on a staff form post', async () => {
    const desk = await logInStaff(rt, 'desk');
    const form = (body: string, extra: Record<string, string> = {}) =>
      rt.app.inject({
        method: 'POST',
        url: '/test/desk-form',
        headers: { cookie: desk.cookie, 'content-type': 'application/x-www-form-urlencoded', ...extra },
        payload: body,
      });
    const missing = await form('note=hello');
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF');
    expect((await form('note=hello&_csrf=forged-token')).statusCode).toBe(403);
    expect((await get('/test/desk-form', desk.cookie)).json().csrf).toBe(desk.csrfToken);
    expect((await form(`note=hello&_csrf=${desk.csrfToken}`)).statusCode).toBe(200);
    // What a cross-site form can send without a token: text/plain.
    const plain = await rt.app.inject({ method: 'POST', url: '/test/desk-form', headers: { cookie: desk.cookie, 'content-type': 'text/plain' }, payload: 'x' });
    expect(plain.statusCode).toBe(403);
    // JSON, which needs a preflight cross-site, and the header, which only our scripts know, pass.
    expect((await post('/test/desk-form', desk.cookie, {})).statusCode).toBe(200);
    expect((await form('note=hello', { 'x-csrf-token': desk.csrfToken })).statusCode).toBe(200);
  });

  it('guards the real account routes against forms from elsewhere', async () => {
    const admin = await logInStaff(rt, 'admin');
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=penyusup&password=sandi-penyusup&role=admin',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const logout = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: admin.cookie, 'content-type': 'text/plain' }, payload: '' });
    expect(logout.statusCode).toBe(403);
    expect((await get('/api/v1/auth/me', admin.cookie)).statusCode).toBe(200);
  });

  it('never writes a password or session token into the logs', async () => {
    const desk = await logInStaff(rt, 'desk');
    await login(desk.username, 'a-wrong-password-xyz');
    const logs = rt.logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [desk.password, 'a-wrong-password-xyz', 'admin-password-1', desk.cookie.split('=')[1]!, desk.csrfToken]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe.each(DIALECTS)('first admin and CLI on $name', (dialect) => {
  it('generates the first admin password, announces it once and never logs it', async () => {
    const rt = await startTestRuntime(dialect);
    try {
      expect(rt.announcements).toHaveLength(1);
      const password = /password "([^"]+)"/.exec(rt.announcements[0]!)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(rt.logLines.join('\n')).not.toContain(password!);
      expect(rt.logLines.join('\n')).toContain('first admin created');
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } });
      expect(res.statusCode).toBe(200);
      // A later start on the same database finds users and creates nothing.
      expect(await ensureFirstAdmin(rt.ctx)).toEqual({ created: false });
    } finally {
      await rt.close();
    }
  });

  it('creates one first admin when several processes start on an empty database at once', async () => {
    const database = await dialect.freshDatabase({ crossProcess: true });
    const processes = [openStorage(database.url), openStorage(database.url), openStorage(database.url)];
    try {
      await migrateToLatest(processes[0]!);
      const results = await Promise.all(
        processes.map((storage) => ensureFirstAdmin({ storage, now: () => TUESDAY_MORNING, randomInt, events: new InProcessBus() })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const admins = await processes[0]!.db.selectFrom('users').select('username').execute();
      expect(admins).toEqual([{ username: 'admin' }]);
    } finally {
      for (const storage of processes) await storage.close();
      await database.drop();
    }
  });

  it('marks the session cookie Secure behind an HTTPS proxy', async () => {
    const rt = await startTestRuntime(dialect, { http: { trustProxy: true } });
    try {
      const desk = await addUser(rt.ctx, { username: 'aman', password: 'sandi-aman-001', role: 'desk' });
      const login = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: desk.username, password: 'sandi-aman-001' } });
      expect(String(login.headers['set-cookie'])).toContain('Secure');
    } finally {
      await rt.close();
    }
  });

  it('adds a user from the command line with the password piped in, who can then log in over HTTP', async () => {
    const database = await dialect.freshDatabase({ crossProcess: true });
    try {
      const env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
      const added = await cli(['user', 'add', '--username', 'budi', '--role', 'desk'], env, 'secretpass1\n');
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(added.stdout).toContain('Added desk "budi"');
      expect(added.stdout).not.toContain('secretpass1');

      const short = await cli(['user', 'add', '--username', 'ani', '--role', 'desk'], env, 'pendek\n');
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('at least 10 characters');

      const announced: string[] = [];
      const rt = await startRuntime({ dataKey: TEST_DATA_KEY, passwordCost: TEST_PASSWORD_COST, databaseUrl: database.url, logger: createLogger('silent'), announce: (l) => announced.push(l), http: { powDifficulty: 0 } });
      try {
        // The CLI's user exists, so no first admin is made behind the operator's back.
        expect(announced).toEqual([]);
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'budi', password: 'secretpass1' } });
        expect(res.statusCode).toBe(200);
        expect(res.json().user).toMatchObject({ username: 'budi', role: 'desk' });
        const cookie = sessionCookie(res.cookies);

        const disabled = await cli(['user', 'disable', '--username', 'budi'], env, '');
        expect(disabled.code).toBe(0);
        expect((await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
      } finally {
        await rt.close();
      }
    } finally {
      await database.drop();
    }
  }, 180_000);
});

function sessionCookie(cookies: { name: string; value: string }[]): string {
  const c = cookies.find((x) => x.name === 'antrean_session');
  return c ? `antrean_session=${c.value}` : '';
}
