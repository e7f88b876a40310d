import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDocumentedRoute } from '../../src/http/openapi.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

type Operation = { summary?: string; tags?: string[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** `/offices/:slug` as OpenAPI writes it: `/offices/{slug}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

// The document is generated from route schemas alone, so one engine is enough here.
describe('the API document', () => {
  let rt: TestRuntime;
  let doc: Document;

  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!);
    const res = await rt.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has every API route the server answers, and no route it does not', () => {
    const apiRoutes = rt.app.routeTable.filter((r) => isDocumentedRoute(r.url));
    expect(apiRoutes.length).toBeGreaterThan(25);
    const missing = apiRoutes.filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const served = new Set(apiRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`));
    expect(documented.filter((d) => !served.has(d))).toEqual([]);
  });

  it('describes each operation: a summary, its path parameters, a success answer and the error shape', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.summary, where).toBeTruthy();
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          expect(op.parameters?.some((p) => p.in === 'path' && p.name === name), `${where} documents {${name}}`).toBe(true);
        }
        expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${where} has a success answer`).toBe(true);
        expect(Object.keys(op.responses).some((s) => s.startsWith('4') || s.startsWith('5')), `${where} has error answers`).toBe(true);
      }
    }
  });

  it('names the booking fields a client must send', () => {
    const post = doc.paths['/api/v1/bookings']?.post as unknown as { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    expect(post.requestBody.content['application/json']!.schema.required).toEqual(
      expect.arrayContaining(['office', 'date', 'sessionId', 'service', 'nik', 'name', 'phone']),
    );
  });

  it('leaves pages and assets out of the document', () => {
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/') && p !== '/healthz')).toEqual([]);
  });

  it('has a readable page served from this server alone', async () => {
    const page = await rt.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const assets = [...page.body.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset, 'no other host').not.toMatch(/^(https?:)?\/\//);
      const res = await rt.app.inject({ method: 'GET', url: `/api/docs/${asset}` });
      expect(res.statusCode, asset).toBe(200);
    }
  });
});
