// `npm run antrean -- <command>`: the command line from dist/, built first when stale.
import { buildIfStale } from './build.mjs';

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import('../dist/cli.js');
