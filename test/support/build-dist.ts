import { buildIfStale } from '../../scripts/build.mjs';

/**
 * Once per run of the integration project: the server and CLI processes its tests start come
 * from dist/, so dist/ is built first when it is missing or older than src/ (about a second with
 * esbuild). This is the only build `npm test` does.
 */
export default async function setup(): Promise<void> {
  await buildIfStale();
}
