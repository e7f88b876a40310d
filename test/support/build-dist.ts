import { buildIfStale } from '../../scripts/build.mjs';

/**
 * Once per run of the integration project: the server and CLI processes its tests start come
 * from dist/, so dist/ is built first when it is missing or older than src/ (CI builds it before
 * the suite, so this finds it fresh there).
 */
export default async function setup(): Promise<void> {
  await buildIfStale();
}
