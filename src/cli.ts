import { loadConfig } from './config.js';
import { openStorage } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { USER_USAGE, userCommand } from './user-command.js';

const USAGE = `Usage: npm run antrean -- <command>

Commands:
  migrate     bring the database schema up to date
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
    case 'user':
      return userCommand(argv.slice(1), config.databaseUrl);
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
