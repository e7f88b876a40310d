import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The folder of the CSS and scripts the pages load; nothing in it is secret. */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * Stylesheets served with the shared colour tokens in front: one request instead of two for a
 * 422-byte file, which on a slow mobile link costs a round trip more than its bytes.
 */
const BUNDLES: Readonly<Record<string, readonly string[]>> = {
  'citizen.css': ['tokens.css', 'citizen.css'],
  'staff.css': ['tokens.css', 'staff.css'],
};

const YEAR_SECONDS = 365 * 24 * 3600;

const contents = new Map<string, string>();
const versions = new Map<string, string>();

/** A bundle's text, its parts joined in order. */
function bundleText(file: string): string {
  let text = contents.get(file);
  if (text === undefined) {
    text = (BUNDLES[file] ?? [file]).map((part) => readFileSync(PUBLIC_DIR + part, 'utf8')).join('\n');
    contents.set(file, text);
  }
  return text;
}

/**
 * The URL of a file in `public/`, carrying a hash of its content. Files are cached for a year,
 * so a phone on slow data fetches each version once; a changed file gets a new URL.
 */
export function assetUrl(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    const content = file in BUNDLES ? bundleText(file) : readFileSync(PUBLIC_DIR + file);
    version = createHash('sha256').update(content).digest('hex').slice(0, 10);
    versions.set(file, version);
  }
  return `/static/${file}?v=${version}`;
}

/** Serves `public/` under `/static/` with year-long, immutable cache headers; bundles with their parts joined. */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  // Specific routes win over the folder's wildcard.
  for (const file of Object.keys(BUNDLES)) {
    app.get(`/static/${file}`, async (_req, reply) =>
      reply
        .header('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`)
        .type('text/css; charset=utf-8')
        .send(bundleText(file)),
    );
  }
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: '365d',
    immutable: true,
    index: false,
    list: false,
    // Other plugins may call reply.sendFile too; only one registration may decorate.
    decorateReply: false,
  });
}
