import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { addUser } from './app/staff/commands/add-user.js';
import type { AppContext } from './app/shared/context.js';
import { disableUser } from './app/staff/commands/disable-user.js';
import { enableUser } from './app/staff/commands/enable-user.js';
import { ensureDefaultOffice } from './app/office/commands/ensure-default-office.js';
import { openStorage } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DomainError, InvalidInputError } from './domain/errors.js';
import { InProcessBus } from './realtime/in-process-bus.js';
import { domainErrorText, errorText } from './texts/texts.js';

/** Usage of `antrean user …`, for the CLI's help text. */
export const USER_USAGE = `  user add --username NAME --role admin|desk|counter|display [--office SLUG]
              add a staff account; the password is read from the first line of stdin
  user disable --username NAME
              disable an account and end its sessions at once
  user enable --username NAME
              let a disabled account log in again`;

/** Exit code for a refused command: bad arguments or input the rules reject. */
const REFUSED = 2;

/** The first line of stdin: piped (`echo pw | …`) or typed at a prompt. */
async function readPasswordLine(): Promise<string | undefined> {
  // Typed passwords echo on the terminal; piping from a password manager avoids that.
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return undefined;
}

function explain(error: unknown): string | undefined {
  if (error instanceof InvalidInputError) return error.fields.map((f) => `${f.field}: ${errorText('en', f.problem)}`).join('\n');
  if (error instanceof DomainError) return domainErrorText(error, 'en');
  return undefined;
}

/** `antrean user add|disable|enable …`; returns the process exit code (0 done, 2 refused). */
export async function userCommand(argv: string[], databaseUrl: string): Promise<number> {
  const [action, ...rest] = argv;
  let values: { username?: string | undefined; role?: string | undefined; office?: string | undefined };
  try {
    ({ values } = parseArgs({ args: rest, options: { username: { type: 'string' }, role: { type: 'string' }, office: { type: 'string' } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\nUsage:\n${USER_USAGE}`);
    return REFUSED;
  }
  const needsRole = action === 'add';
  if (!['add', 'disable', 'enable'].includes(action ?? '') || !values.username || (needsRole && !values.role)) {
    console.error(`Usage:\n${USER_USAGE}`);
    return REFUSED;
  }
  const username = values.username;
  const password = needsRole ? await readPasswordLine() : undefined;
  if (needsRole && !password) {
    console.error('No password: give it on the first line of stdin, e.g. `echo "…" | npm run antrean -- user add …`.');
    return REFUSED;
  }

  const storage = openStorage(databaseUrl);
  try {
    await migrateToLatest(storage);
    // The CLI changes no bookings; a bus of its own, that nobody listens to, is all it needs.
    const ctx: AppContext = { storage, now: () => new Date(), randomInt, events: new InProcessBus() };
    // Same state `npm start` would leave, so `--office kota-bogor` works before the first start.
    await ensureDefaultOffice(ctx);
    if (action === 'add') {
      const user = await addUser(ctx, { username, password: password ?? '', role: values.role ?? '', officeSlug: values.office });
      console.log(`Added ${user.role} "${user.username}"${values.office ? ` at ${values.office}` : ''}.`);
    } else if (action === 'disable') {
      const user = await disableUser(ctx, { username });
      console.log(`Disabled "${user.username}"; its sessions have ended.`);
    } else {
      const user = await enableUser(ctx, { username });
      console.log(`Enabled "${user.username}".`);
    }
    return 0;
  } catch (error) {
    const why = explain(error);
    if (why === undefined) throw error;
    console.error(why);
    return REFUSED;
  } finally {
    await storage.close();
  }
}
