// `npm run build`: compiles src/ to dist/ and copies the files the server reads at run time (the
// pages' CSS and scripts). `--if-stale` builds only when dist/ is missing or older than the
// sources; `npm start` and `npm run antrean` use that.
//
// esbuild transpiles the sources (the tsconfig's `isolatedModules` and `verbatimModuleSyntax` make
// that exact) in about a second, where tsc took 15 s of wall time and 23 s of CPU, most of it
// type-checking what `npm run typecheck` checks anyway. Types are checked by `npm run typecheck`
// (and by `npm test`, which runs it), not by the build.
//
// The two entry points are bundled, with the code they share in chunks beside them, and the
// packages under node_modules left to be imported as they are: Node resolving, reading and
// linking the 390 modules of src/ one by one was a quarter of a start (a server on a fresh
// SQLite file ready in 0.71 s and 0.86 s of CPU instead of 0.88 s and 1.13 s, measured
// alternately on 2026-11-30; `cli.js migrate` 0.29 s of CPU instead of 0.32). Files in dist/ sit
// side by side, so a module finds `public/` next to itself there as it does in src/http/.
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Written last: its time is when dist/ was complete. */
const STAMP = join(DIST, '.built');
/** What dist/ is made from (the seed's closed days are bundled in): a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'seed', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs'];
/** The programs dist/ holds: the server and the command line. */
const ENTRY_POINTS = ['server.ts', 'cli.ts'];
/**
 * Folders under src/ that are not TypeScript and are read at run time, copied as they are, to
 * where the bundled code looks for them: beside itself, as static-assets.ts does in src/http/.
 */
const ASSETS = { 'http/public': 'public' };

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
export async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('dist/ is missing or older than src/, and esbuild is not installed to build it: run `npm ci && npm run build`.');
  }
  const next = join(ROOT, `dist.building-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  try {
    await esbuild.build({
      entryPoints: ENTRY_POINTS.map((entry) => join(ROOT, 'src', entry)),
      outdir: next,
      bundle: true,
      // Dependencies stay in node_modules, loaded as Node loads them (native better-sqlite3 among them).
      packages: 'external',
      splitting: true,
      tsconfig: join(ROOT, 'tsconfig.build.json'),
      format: 'esm',
      platform: 'node',
      // package.json's engines: 20.19 reads `import … with { type: 'json' }`, which an older target would drop.
      target: 'node20.19',
      sourcemap: true,
      logLevel: 'silent',
    });
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`the build failed: dist/ was left as it was.\n${error instanceof Error ? error.message : error}`);
  }
  for (const [from, to] of Object.entries(ASSETS)) cpSync(join(ROOT, 'src', from), join(next, to), { recursive: true });
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Builds when stale; says so on stderr, so a command's own output stays clean. */
export async function buildIfStale() {
  if (!isStale()) return;
  process.stderr.write('Building dist/ from src/ (missing or out of date)…\n');
  await build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--if-stale')) await buildIfStale();
    else await build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
