// `npm start` and `npm run antrean -- …`: the server or the command line from dist/, built first
// when dist/ is missing or older than src/ (so a fresh clone needs only `npm ci && npm start`).
// Production runs `node dist/server.js` directly.
import { buildIfStale } from './build.mjs';

const ENTRIES = { server: '../dist/server.js', cli: '../dist/cli.js' };
const entry = ENTRIES[process.argv[2]];
if (!entry) {
  console.error(`usage: node scripts/from-dist.mjs ${Object.keys(ENTRIES).join('|')} [arguments]`);
  process.exit(2);
}
try {
  await buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// The CLI reads its own arguments from process.argv, so the entry's name leaves it.
process.argv.splice(2, 1);
// Stack traces in the log point at src/, not at the compiled lines.
process.setSourceMapsEnabled(true);
await import(entry);
