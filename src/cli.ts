import { randomInt } from 'node:crypto';
import { closeDaysEverywhere } from './app/floor/commands/close-day.js';
import { purgePersonalData } from './app/privacy/commands/purge-personal-data.js';
import { loadConfig } from './config.js';
import { InProcessBus } from './realtime/in-process-bus.js';
import { openStorage } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { USER_USAGE, userCommand } from './user-command.js';

const USAGE = `Usage: npm run antrean -- <command>

Commands:
  migrate     bring the database schema up to date
  close-day   record no-shows for past days now (the server also does it every 5 minutes)
  purge       erase personal data past each office's retention now (the server also does it every hour)
${USER_USAGE}`;

/** Command-line entry: `npm run migrate`, `npm run antrean -- …`. */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const storage = openStorage(config.databaseUrl);
      try {
        const applied = await migrateToLatest(storage);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'close-day': {
      const storage = openStorage(config.databaseUrl);
      try {
        await migrateToLatest(storage);
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
        await migrateToLatest(storage);
        const ctx = { storage, now: () => new Date(), randomInt, events: new InProcessBus() };
        // Past days closed first: a ticket never closed is still active and is not erased.
        await closeDaysEverywhere(ctx);
        console.log(`Erased the personal data of ${await purgePersonalData(ctx)} booking(s).`);
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'user':
      return userCommand(argv.slice(1), config.databaseUrl);
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
