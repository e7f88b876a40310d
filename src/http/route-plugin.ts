import type { FastifyInstance } from 'fastify';

/**
 * A group of routes as a Fastify plugin with its name. Fastify names an unnamed plugin by
 * searching every loaded CommonJS module for it, once on registering and once more on
 * encapsulating it: about 12 ms of CPU per app for our 35 groups, which tests pay a thousand
 * times a run. A named plugin skips the search, and errors name the group.
 */
export function routePlugin<T extends (app: FastifyInstance) => Promise<void>>(name: string, plugin: T): T {
  return Object.assign(plugin, { [Symbol.for('fastify.display-name')]: name });
}
