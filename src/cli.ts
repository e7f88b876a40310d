import { randomInt } from 'node:crypto';
import { closeDaysEverywhere } from './app/floor/commands/close-day.js';
import { purgePersonalData } from './app/privacy/commands/purge-personal-data.js';
import { loadConfig } from './config.js';
import { InProcessBus } from './realtime/in-process-bus.js';
import { openStorage } from './db/database.js';
import { prepareSealedStorage } from './db/open-sealed.js';
import { DataKeyError } from './privacy/data-cipher.js';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup-command.js';
import { SqliteFileError, markInUse } from './db/sqlite-files.js';
import { ROTATE_KEY_USAGE, rotateKeyCommand } from './rotate-key-command.js';
import { USER_USAGE, userCommand } from './user-command.js';

const USAGE = `Usage: npm run antrean -- <command>

Commands:
  migrate     bring the database schema up to date
  close-day   record no-shows for past days now (the server also does it every 5 minutes)
  purge       erase personal data past each office's retention now (the server also does it every hour)
${ROTATE_KEY_USAGE}
${BACKUP_USAGE}
${USER_USAGE}`;

/** Commands that write to the database: a restore must not run under them, nor they under a restore. */
const WRITERS = new Set(['migrate', 'close-day', 'purge', 'rotate-key', 'user']);

/** Command-line entry: `npm run migrate`, `npm run antrean -- …`. */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  const config = loadConfig();
  const release = command && WRITERS.has(command) ? markInUse(config.databaseUrl) : () => undefined;
  try {
    return await run(command, argv, config);
  } finally {
    release();
  }
}

async function run(command: string | undefined, argv: string[], config: ReturnType<typeof loadConfig>): Promise<number> {
  switch (command) {
    case 'migrate': {
      const storage = openStorage(config.databaseUrl);
      try {
        // Migrating also encrypts what a database from before migration 0018 holds in clear: it needs the key.
        const { migrations: applied } = await prepareSealedStorage(storage, { envKey: config.dataKey, announce: (l) => console.log(l), now: () => new Date() });
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'close-day': {
      const storage = openStorage(config.databaseUrl);
      try {
        await prepareSealedStorage(storage, { envKey: config.dataKey, announce: (l) => console.log(l), now: () => new Date() });
        const ctx = { storage, now: () => new Date(), randomInt, events: new InProcessBus() };
        console.log(`Recorded ${await closeDaysEverywhere(ctx)} no-show(s).`);
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'purge': {
      const storage = openStorage(config.databaseUrl);
      try {
        // Purging writes to the rows that hold sealed data: the key must be the database's own.
        await prepareSealedStorage(storage, { envKey: config.dataKey, announce: (l) => console.log(l), now: () => new Date() });
        const ctx = { storage, now: () => new Date(), randomInt, events: new InProcessBus() };
        // Past days closed first: a ticket never closed is still active and is not erased.
        await closeDaysEverywhere(ctx);
        console.log(`Erased the personal data of ${await purgePersonalData(ctx)} booking(s).`);
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'rotate-key':
      return rotateKeyCommand(argv.slice(1), { databaseUrl: config.databaseUrl, dataKey: config.dataKey, newDataKey: config.newDataKey });
    case 'user':
      return userCommand(argv.slice(1), config.databaseUrl);
    case 'backup':
      return backupCommand(argv.slice(1), config.databaseUrl);
    case 'restore':
      return restoreCommand(argv.slice(1), { databaseUrl: config.databaseUrl, dataKey: config.dataKey, now: () => new Date() });
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A refused key or a database being restored is the operator's to fix: say what, without a stack trace.
  if (!(error instanceof DataKeyError) && !(error instanceof SqliteFileError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
