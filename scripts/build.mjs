// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json) and copies the files the
// server reads at run time (the pages' CSS and scripts). `--if-stale` builds only when dist/ is
// missing or older than the sources; `npm start` and `npm run antrean` use that.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Written last: its time is when dist/ was complete. */
const STAMP = join(DIST, '.built');
/** What dist/ is made from: a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs'];
/** Folders under src/ that are not TypeScript and are read at run time, copied as they are. */
const ASSETS = ['http/public'];

function newestTime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestTime(join(path, entry)));
  return newest;
}

/** dist/ is missing, unfinished, or older than one of its sources. */
export function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((s) => newestTime(join(ROOT, s)) > built.mtimeMs);
}

/** Compiles into a fresh folder and swaps it in, so a failed build leaves the last good dist/ alone. */
export function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('dist/ is missing or older than src/, and TypeScript is not installed to build it: run `npm ci && npm run build`.');
  }
  const next = join(ROOT, `dist.building-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', next], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${result.status ?? result.signal}): dist/ was left as it was.`);
  }
  for (const dir of ASSETS) cpSync(join(ROOT, 'src', dir), join(next, dir), { recursive: true });
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Builds when stale; says so on stderr, so a command's own output stays clean. */
export function buildIfStale() {
  if (!isStale()) return;
  process.stderr.write('Building dist/ from src/ (missing or out of date)…\n');
  build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--if-stale')) buildIfStale();
    else build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
