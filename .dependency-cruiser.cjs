/** Layering of Antrean: http -> app -> domain; app reaches db only through repositories; http never reaches db; texts -> domain. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain rules import nothing of ours but the domain: no storage, no HTTP, no app, no texts.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(?!domain)' },
    },
    {
      name: 'domain-imports-no-framework',
      comment: 'Domain code must not depend on the web framework, the database or Node I/O.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: 'node_modules/(fastify|@fastify|kysely|pg|better-sqlite3|pino)/|^(fs|net|http|https|node:fs|node:net|node:http|node:https)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-does-not-know-http',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: '^src/http' },
    },
    {
      name: 'http-does-not-know-db',
      comment: 'Pages, routes and presenters show what use cases hand out (app read models); storage, its rows and its errors stay behind app.',
      severity: 'error',
      from: { path: '^src/http' },
      to: { path: '^src/db' },
    },
    {
      name: 'app-reaches-db-through-repositories',
      comment:
        'Use cases read and write through repositories; of the rest of db they may use types (Storage, rows) and the engine\'s error classification, never migrations or the connection factory.',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: '^src/db/(?!repositories/|engine\\.ts$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-does-not-know-app-or-http',
      severity: 'error',
      from: { path: '^src/db' },
      to: { path: '^src/(app|http)' },
    },
    {
      name: 'texts-know-only-domain',
      comment: 'The words and their formatting rest on the domain alone, so pages, the API and the CLI can all use them.',
      severity: 'error',
      from: { path: '^src/texts' },
      to: { path: '^src/(?!texts|domain)' },
    },
    {
      name: 'cli-does-not-know-http',
      comment: 'The command line takes its words from src/texts, not from the web layer.',
      severity: 'error',
      from: { path: '^src/(cli|user-command)\\.ts$' },
      to: { path: '^src/http' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
