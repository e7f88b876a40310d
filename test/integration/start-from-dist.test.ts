import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

describe('the server built to dist/', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'antrean-dist-'));
    server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'antrean.sqlite')}`, LOG_LEVEL: 'info' });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with node dist/server.js, answers /healthz and serves the pages with their stylesheets', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    const page = await (await fetch(`${server.url}/`)).text();
    const stylesheet = /\/static\/citizen\.css\?v=[0-9a-f]+/.exec(page)?.[0];
    expect(stylesheet).toBeDefined();
    expect((await fetch(`${server.url}${stylesheet}`)).status).toBe(200);
  });

  it('prints no warning of Node itself at start (deprecated or experimental features)', () => {
    expect(server.output()).not.toMatch(/\(node:\d+\) \w*Warning/);
  });
});
