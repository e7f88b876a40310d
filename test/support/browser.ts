import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DIALECTS } from './dialects.js';
import { startTestRuntime, type TestRuntime } from './test-runtime.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where failures leave a screenshot, and with `TRACE=1` a Playwright trace (open with `npx playwright-core show-trace`). */
export const RESULTS_DIR = `${ROOT}test-results`;
/** Where tests save the screenshots people look at; gitignored. */
export const SCREENSHOTS_DIR = `${ROOT}screenshots`;

/**
 * Traces are recorded only on request (`TRACE=1`): writing DOM snapshots at every step cost
 * about a third of a browser test's CPU (measured with --cpu-prof on the counter tests, 29 s
 * busy with, 18 s without), while a failure's screenshot is usually enough to see what broke.
 * Re-run a failing file with `TRACE=1` to get its trace.
 */
const TRACING = process.env.TRACE === '1';

/** The phone the citizen pages are built for: a cheap Android at 360 × 740. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/**
 * Debian's Chromium, never a downloaded browser build: its headless shell
 * (`apt-get install -y chromium-headless-shell`), the same Blink and V8 as `/usr/bin/chromium`
 * from the same Debian source, without the desktop browser around them. `/usr/bin/chromium` in
 * headless mode runs the whole browser UI unseen (its process and the top-chrome renderers of
 * every window); measured on test/e2e/citizen/day.test.ts alone: 36 s of CPU and 40 s with it,
 * 23 s and 26 s with the shell, and the e2e project 30–40% quicker. `CHROMIUM_PATH` runs the
 * suite on another build, e.g. `CHROMIUM_PATH=/usr/bin/chromium npm run test:e2e`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface ContextOptions {
  /** Off to prove a page works as plain HTML forms. */
  javaScript?: boolean;
  /** Sent as Accept-Language; Indonesian unless a test says otherwise. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A server on SQLite that a browser can reach: one dialect is enough for pages, storage tests run both. */
export async function startPageServer(opts: Parameters<typeof startTestRuntime>[1] = {}): Promise<{ rt: TestRuntime; baseUrl: string }> {
  const sqlite = DIALECTS.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('the SQLite dialect is missing');
  const rt = await startTestRuntime(sqlite, opts);
  const address = await rt.app.listen({ port: 0, host: '127.0.0.1' });
  return { rt, baseUrl: address };
}

/** Names a file after a test: lower case, dashes. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * One Chromium per worker process, started by the first browser test file the worker runs and
 * kept for the next ones (Playwright ends it when the worker exits): starting one per file cost
 * about a second of CPU each. Tests share nothing through it: each `open` is a fresh context.
 */
let sharedBrowser: Promise<Browser> | undefined;

function workerBrowser(): Promise<Browser> {
  sharedBrowser ??= launchBrowser().then((browser) => {
    // A crashed browser is started again for the next file rather than failing every test after it.
    browser.once('disconnected', () => {
      sharedBrowser = undefined;
    });
    return browser;
  });
  return sharedBrowser;
}

/**
 * The worker's browser for a test file, a fresh context per `open` call. When a test fails, each
 * page it opened leaves a screenshot in `test-results/` (and with `TRACE=1` each context a
 * trace), so a red run in CI can be looked at afterwards.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await workerBrowser();
  });
  afterEach(async (ctx) => {
    // The test's outcome is known by now; onTestFailed handlers would run only after this hook.
    const failed = ctx.task.result?.state === 'fail';
    const testName = ctx.task.name;
    if (failed) mkdirSync(RESULTS_DIR, { recursive: true });
    for (const [i, context] of contexts.entries()) {
      const name = `${slug(testName)}-${i}`;
      if (failed) {
        for (const [j, page] of context.pages().entries()) {
          await page.screenshot({ path: `${RESULTS_DIR}/${name}-${j}.png`, fullPage: true }).catch(() => undefined);
        }
      }
      if (TRACING) await context.tracing.stop(failed ? { path: `${RESULTS_DIR}/${name}-trace.zip` } : {}).catch(() => undefined);
      await context.close();
    }
    contexts = [];
  });
  afterAll(async () => {
    // Contexts a file opened outside a test (in a beforeAll) are its own to close; the browser stays.
    for (const context of contexts) await context.close().catch(() => undefined);
    contexts = [];
  });

  return {
    /** A new phone-sized context and page; closed after the test. */
    async open(opts: ContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext({
        viewport: opts.viewport ?? PHONE_VIEWPORT,
        javaScriptEnabled: opts.javaScript ?? true,
        locale: opts.locale ?? 'id-ID',
        extraHTTPHeaders: { 'accept-language': opts.locale ?? 'id-ID' },
      });
      // DOM snapshots only: a screencast would slow every test, and a failure takes its own screenshot.
      if (TRACING) await context.tracing.start({ snapshots: true });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Saves a full-page screenshot under `screenshots/` for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
}

const AXE_SOURCE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/**
 * How long a script evaluated in a page may take. Playwright's `evaluate` has no timeout of its
 * own: a scan that never finished once held a test to its 60 s limit with no word of where it
 * stood (seen once, under load, in test/e2e/citizen/releases.test.ts).
 */
const EVALUATE_DEADLINE_MS = 20_000;

/** `work`, or an error naming `what` if it has not settled within EVALUATE_DEADLINE_MS. */
async function withinDeadline<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${EVALUATE_DEADLINE_MS / 1000} s`)), EVALUATE_DEADLINE_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A violation axe-core found, in short. */
export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns its serious and critical
 * findings. The script is evaluated through the debugging protocol, so the page's CSP, which
 * allows only its own scripts, does not have to be loosened for the test.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  await withinDeadline(`loading axe-core into ${page.url()}`, page.evaluate(AXE_SOURCE));
  const results = await withinDeadline(
    `axe-core's scan of ${page.url()}`,
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Loads a URL in a fresh page with an empty cache and returns the bytes it took over the
 * network, headers included, as Chromium counted them (CDP `encodedDataLength`). Requests
 * still open at the end (an event stream) are left out: they are not part of the first load.
 */
export async function firstLoadBytes(page: Page, url: string): Promise<{ total: number; byUrl: Record<string, number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const byUrl: Record<string, number> = {};
  // Requests still loading, event streams left out once their headers show what they are.
  const loading = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    loading.add(e.requestId);
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.mimeType === 'text/event-stream') loading.delete(e.requestId);
  });
  cdp.on('Network.loadingFailed', (e) => loading.delete(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    loading.delete(e.requestId);
    const u = urls.get(e.requestId) ?? e.requestId;
    byUrl[u] = (byUrl[u] ?? 0) + e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load' });
  // Fetches the page started while loading are counted too: wait until they have all finished.
  const deadline = Date.now() + 15_000;
  while (loading.size > 0) {
    if (Date.now() > deadline) throw new Error(`still loading: ${[...loading].map((id) => urls.get(id)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await cdp.detach();
  return { total: Object.values(byUrl).reduce((a, b) => a + b, 0), byUrl };
}
