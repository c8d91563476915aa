// Launches headless Chromium (system install or CHROME_PATH) and opens app pages that record errors and off-site requests.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { decodeSite, encodeSite, LAYOUT_FILE, siteFiles, type SiteLayout } from '../../src/contract/compact.ts';
import type { SerializedAtlas } from '../../src/contract/types.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: install with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH.');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChrome(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Each new context's window preloads the omnibox popup (a WebUI page in a renderer of its own) while the page
      // under test loads; on a 2-core machine that competes with it for a core. A user's browser has it loaded already.
      '--disable-features=WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,WebUIOmniboxPopup,PreloadTopChromeWebUI',
    ],
  });
}

/** Base URL of the built site, served under /atlas/ by the global setup. */
export const siteUrl = (path = ''): string => new URL(path, inject('siteUrl')).href;

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Watched {
  page: Page;
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** Requests to any host other than 127.0.0.1. */
  foreign: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** A fresh context + page that records problems; call `close()` at the end of the test. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  const watched: Watched = { page, errors: [], foreign: [], dialogs: [], close: () => context.close() };
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') watched.foreign.push(r.url());
  });
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** Opens the app at `hash` (e.g. "#node=llm") and waits until the map is ready. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(siteUrl(hash));
  await page.waitForSelector('body.is-ready', { timeout: 20_000 });
  await page.waitForSelector('#map canvas');
}

/** The graph the built site serves, decoded from its data files (for picking keys and titles in tests). */
export async function fetchGraph(page: Page): Promise<SiteGraph> {
  const files = new Map<string, unknown>();
  const read = async (name: string): Promise<void> => {
    const response = await page.request.get(siteUrl(name));
    if (!response.ok()) throw new Error(`${name}: HTTP ${response.status()}`);
    files.set(name, await response.json());
  };
  await read(LAYOUT_FILE);
  const layout = files.get(LAYOUT_FILE) as SiteLayout;
  const more = [
    ...('file' in layout.edges ? [layout.edges.file] : []),
    ...(typeof layout.names === 'string' ? [layout.names] : []),
    ...('files' in layout.text ? layout.text.files : []),
  ];
  await Promise.all(more.map(read));
  return decodeSite((name) => files.get(name)) as unknown as SiteGraph;
}

/** Serves `graph` (a contract-v1 graph or its JSON text) as the page's data: packed like the build packs it. */
export async function routeGraph(page: Page, graph: SerializedAtlas | string): Promise<void> {
  const data = typeof graph === 'string' ? (JSON.parse(graph) as SerializedAtlas) : graph;
  const body = siteFiles(encodeSite(data)).get(LAYOUT_FILE);
  await page.route(`**/${LAYOUT_FILE}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

/** Makes the page's data file answer with `respond` (an error status, a broken body…), and graph.json 404. */
export async function routeDataFile(page: Page, respond: (route: Route) => Promise<void>): Promise<void> {
  await page.route(/\/(atlas|graph)\.json$/, respond);
}

export interface SiteGraph {
  attributes: { clusters: { id: number; label: string; color: string; size: number }[] };
  nodes: { key: string; attributes: Record<string, unknown> & { kind: string; label: string; title?: string; related?: { key: string; score: number; shared: string[] }[] } }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

export async function runAxe(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  const path = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  // The page's CSP (script-src 'self') blocks injected <script> tags; evaluate runs outside CSP.
  await page.evaluate(readFileSync(path, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../.cache/screenshots');

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return resolve(SCREENSHOT_DIR, `${name}.png`);
}

/** A parameter of a URL's hash view ("#node=…&f=…"), or null. */
export function hashParam(url: string, name: string): string | null {
  return new URLSearchParams(new URL(url).hash.replace(/^#/, '')).get(name);
}

/** The selected node key in a URL (the hash also holds filters and the camera). */
export const nodeInUrl = (url: string): string | null => hashParam(url, 'node');

/**
 * The hooks every flow suite shares: one browser and the served graph for the file, and after each test the page it
 * opened is closed and must have logged no error, made no request to another host and shown no dialog.
 */
export function useBrowserSuite(hooks: { ready: (browser: Browser, graph: SiteGraph) => void; current: () => Watched | undefined }): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    const probe = await openPage(browser);
    const graph = await fetchGraph(probe.page);
    await probe.close();
    hooks.ready(browser, graph);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const w = hooks.current();
    if (!w) return;
    const { errors, foreign, dialogs } = w;
    await w.close();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

/** The two screens every flow is checked on: a desktop window and a touch phone. */
export const SIZES = [
  ['desktop', { viewport: DESKTOP }],
  ['phone', { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
] as const;
