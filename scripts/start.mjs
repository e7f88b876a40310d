// `npm start`: the server from dist/, built first when dist/ is missing or older than src/ (so a
// fresh clone needs only `npm ci && npm start`). Production runs `node dist/server.js` directly.
import { buildIfStale } from './build.mjs';

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Stack traces in the log point at src/, not at the compiled lines.
process.setSourceMapsEnabled(true);
await import('../dist/server.js');
