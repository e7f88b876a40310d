import { addUser } from '../../src/app/staff/commands/add-user.js';
import type { Role } from '../../src/domain/staff-role.js';
import type { Runtime } from '../../src/runtime.js';

/** A logged-in staff member for tests: the Cookie header to send, and the token its forms carry. */
export interface StaffLogin {
  username: string;
  password: string;
  /** `antrean_session=…`, ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
}

let serial = 0;

/**
 * Creates a staff account of that role (through the add-user use case) and logs it in through
 * the HTTP API. Each call makes a new account, so tests never share sessions.
 */
export async function logInStaff(
  rt: Pick<Runtime, 'app' | 'ctx'>,
  role: Role,
  opts: { officeSlug?: string; username?: string } = {},
): Promise<StaffLogin> {
  serial += 1;
  const username = opts.username ?? `${role}-${process.pid}-${serial}`;
  const password = `password-${serial}-${role}`;
  await addUser(rt.ctx, { username, password, role, officeSlug: opts.officeSlug });
  // Each login comes from its own address, so tests that log in often never meet the per-address limit.
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: `198.51.100.${serial % 250}`,
  });
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'antrean_session');
  if (!cookie) throw new Error('login set no session cookie');
  return { username, password, cookie: `antrean_session=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** The Cookie header of a fresh staff member of that role, for authorization-matrix tests. */
export async function loginAs(rt: Pick<Runtime, 'app' | 'ctx'>, role: Role, opts: { officeSlug?: string } = {}): Promise<string> {
  return (await logInStaff(rt, role, opts)).cookie;
}
