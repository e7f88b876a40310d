import { dropRunDatabases } from './postgres-databases.js';

/**
 * Once per test run, in the vitest process: the PostgreSQL databases the workers made are
 * dropped when the run ends, and those a killed run left behind when the next one starts.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  await dropRunDatabases(url);
  return () => dropRunDatabases(url, process.pid);
}
