import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The folder of the CSS and scripts the pages load; nothing in it is secret. */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const versions = new Map<string, string>();

/**
 * The URL of a file in `public/`, carrying a hash of its content. Files are cached for a year,
 * so a phone on slow data fetches each version once; a changed file gets a new URL.
 */
export function assetUrl(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    version = createHash('sha256').update(readFileSync(PUBLIC_DIR + file)).digest('hex').slice(0, 10);
    versions.set(file, version);
  }
  return `/static/${file}?v=${version}`;
}

/** Serves `public/` under `/static/` with year-long, immutable cache headers. */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
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
