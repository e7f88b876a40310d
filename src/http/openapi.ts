import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Where the generated API document and its readable page are served. */
export const OPENAPI_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs';

/** Only the JSON API and the health check are the public contract; pages and assets are not. */
export function isDocumentedRoute(url: string): boolean {
  return url.startsWith('/api/v1/') || url === '/healthz';
}

/** A route of this server, as registered: what the API document is checked against. */
export interface RouteEntry {
  method: string;
  url: string;
  hasSchema: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the API docs, in order. */
    routeTable: readonly RouteEntry[];
  }
}

/** The body of every error answer, in the API document as in the error handler. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. SESSION_FULL'),
      message: z.string().describe('Words for a person, in Indonesian or per Accept-Language in English'),
      fields: z.record(z.string(), z.object({ code: z.string(), message: z.string() })).optional().describe('Per-field problems of invalid input'),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error answers a route may give, for its `response` schema. */
export const ERROR_RESPONSES = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema } as const;

/**
 * Generates the OpenAPI document from the routes' own zod schemas (never kept by hand) and
 * serves it with a readable page whose scripts come from this server, so it works offline.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, hasSchema: route.schema !== undefined });
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Antrean API',
        version: '1',
        description:
          'Online queue booking for walk-in public service offices. Errors are `{ error: { code, message } }`; ' +
          'messages are Indonesian, or English per Accept-Language. Staff routes need the `antrean_session` cookie ' +
          'from `POST /api/v1/auth/login` and, for changes, the `x-csrf-token` header.',
      },
      components: {
        securitySchemes: { staffSession: { type: 'apiKey', in: 'cookie', name: 'antrean_session' } },
      },
    },
    // Schemas with a `meta({ id })` become shared components the operations refer to.
    transformObject: jsonSchemaTransformObject,
    transform: (route) => (isDocumentedRoute(route.url) ? jsonSchemaTransform(route) : { schema: { hide: true }, url: route.url }),
  });
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    // The page's own scripts and styles only, like every other page of the server.
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: false, tryItOutEnabled: false },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
