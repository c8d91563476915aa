// The app's cost to load a graph, in headless Chromium: the built site is served on 127.0.0.1 with the graph to measure
// packed as its data files (atlas.json …), and each page load reports time to the first sigma render and the cost of a
// hover update.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/browser/browser.ts';
import { startStaticServer, type StaticServer } from '../../test/browser/server.ts';

export interface PageCost {
  /** From navigation to sigma's first render (the app's `atlas:first-render` measure), ms. */
  firstRenderMs: number;
  /** From navigation to the app being ready (search enabled; `atlas:ready`), ms. */
  readyMs: number;
  /** The app's own hover measure (`atlas:hover`: store update, reducers, refresh), median, ms. */
  hoverMs?: number;
  /** From a pointer move onto another node to the next animation frame (the redrawn map), median, ms. */
  hoverFrameMs?: number;
  /** JS heap in use after loading, bytes. */
  heapBytes?: number;
}

export type PageResult = PageCost | { error: string };

const VIEWPORT = { width: 1440, height: 900 };

/** Builds the static site (app + seed graph) into `dir` once; the bench then swaps its data files. */
export function buildSite(root: string, dir: string, tsxImport: string[]): void {
  const r = spawnSync(process.execPath, [...tsxImport, 'scripts/build-site.ts', '--out-dir', dir, '--quiet'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 || !existsSync(join(dir, 'index.html'))) throw new Error(`building the site failed:\n${r.stderr}${r.error?.message ?? ''}`);
}

export class AppBench {
  private constructor(
    private readonly browser: Browser,
    private readonly server: StaticServer,
    private readonly dir: string,
  ) {}

  static async start(siteDir: string): Promise<AppBench> {
    const dir = resolve(siteDir);
    const server = await startStaticServer(dir, '/atlas/');
    try {
      const browser = await launchBrowser();
      await startGpu(browser);
      return new AppBench(browser, server, dir);
    } catch (e) {
      await server.close();
      throw e;
    }
  }

  /** Where the site's data files go: the bench's last build of a size packs its graph there (see child.ts). */
  get dataDir(): string {
    return this.dir;
  }

  /** Loads the app on the data files in `dataDir` `runs` times (a fresh browser context each time). */
  async measure(runs: number, timeoutMs: number): Promise<PageResult[]> {
    const results: PageResult[] = [];
    for (let i = 0; i < runs; i++) results.push(await this.once(timeoutMs));
    return results;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.close();
  }

  private async once(timeoutMs: number): Promise<PageResult> {
    const context = await this.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => errors.push('the page crashed (out of memory?)'));
    try {
      await page.goto(this.server.url, { waitUntil: 'commit', timeout: timeoutMs });
      const outcome = await page
        .waitForSelector('body.is-ready, body.has-error', { timeout: timeoutMs })
        .then(() => page.evaluate<string>(`document.body.classList.contains('has-error') ? (document.getElementById('status')?.textContent ?? 'error').trim() : ''`))
        .catch((e: Error) => (errors.length ? errors.join('; ') : `not ready after ${Math.round(timeoutMs / 1000)} s (${e.message.split('\n')[0]})`));
      if (outcome) return { error: outcome.replace(/\s+/g, ' ').slice(0, 200) };
      const marks = await page.evaluate<{ firstRender: number; ready: number; now: number }>(
        `({ firstRender: performance.getEntriesByName('atlas:first-render')[0]?.duration ?? -1, ready: performance.getEntriesByName('atlas:ready')[0]?.duration ?? -1, now: performance.now() })`,
      );
      const cost: PageCost = {
        // Without the app's marks (older builds), the moment the page was seen ready is an upper bound.
        firstRenderMs: Math.round(marks.firstRender >= 0 ? marks.firstRender : marks.now),
        readyMs: Math.round(marks.ready >= 0 ? marks.ready : marks.now),
      };
      const hover = await measureHover(page, Math.max(30_000, timeoutMs / 4)).catch(() => undefined);
      if (hover) {
        cost.hoverMs = round1(hover.app);
        cost.hoverFrameMs = round1(hover.frame);
      }
      const heap = await heapUsed(page).catch(() => undefined);
      if (heap !== undefined) cost.heapBytes = heap;
      return cost;
    } catch (e) {
      return { error: errors.length ? errors.join('; ') : (e as Error).message.split('\n')[0]! };
    } finally {
      await context.close().catch(() => {});
    }
  }
}

/**
 * Opens a WebGL context once before any measurement: the browser's GPU process starts with the first one (a few
 * hundred ms under software WebGL), which a user's running browser has long done, so no size's first load pays for it.
 */
async function startGpu(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.evaluate(`Boolean(document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl'))`);
  } finally {
    await context.close();
  }
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

/** Resolves at the next animation frame with whether the pointer is on a node (the map's `is-pointing` class). */
const nextFrame = `new Promise((done) => requestAnimationFrame(() => done(document.getElementById('map')?.classList.contains('is-pointing') ?? false)))`;

/**
 * Finds a spot over a node and a spot over empty map with real pointer moves (probing a spiral from the middle of the
 * map; the map's `is-pointing` class says the pointer is on a node), then moves the pointer from one to the other a
 * few times: every move changes the hovered node, so the app recomputes and sigma redraws the map. Each move is timed
 * from the input sent to the next animation frame after it was handled. Big maps take seconds per move, so probing
 * and moving stop when `budgetMs` is spent.
 */
async function measureHover(page: Page, budgetMs: number): Promise<{ app: number; frame: number } | undefined> {
  const started = performance.now();
  const box = await page.locator('#map').boundingBox();
  if (!box) return undefined;
  let on: { x: number; y: number } | undefined;
  let off: { x: number; y: number } | undefined;
  const inside = (x: number, y: number): boolean => x >= box.x + 5 && y >= box.y + 5 && x <= box.x + box.width - 5 && y <= box.y + box.height - 5;
  // Nodes are likeliest in the middle (a spiral outwards), empty map near the edges (rings inwards).
  const middle = Array.from({ length: 120 }, (_, i) => ({ x: box.x + box.width * 0.4 + 40 * Math.sqrt(i) * Math.cos(i * 0.7), y: box.y + box.height / 2 + 40 * Math.sqrt(i) * Math.sin(i * 0.7) }));
  const edges = [0.04, 0.1, 0.18, 0.28].flatMap((inset) =>
    Array.from({ length: 12 }, (_, k) => {
      const a = (2 * Math.PI * k) / 12;
      return { x: box.x + box.width * (0.5 + (0.5 - inset) * Math.cos(a)), y: box.y + box.height * (0.5 + (0.5 - inset) * Math.sin(a)) };
    }),
  );
  const probe = async (points: Array<{ x: number; y: number }>, wanted: boolean): Promise<{ x: number; y: number } | undefined> => {
    for (const p of points) {
      if (performance.now() - started > budgetMs / 2) return undefined;
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      // Only the map itself, not a panel or the legend over it.
      if (!inside(x, y) || (await page.evaluate<string>(`document.elementFromPoint(${x}, ${y})?.tagName ?? ''`)) !== 'CANVAS') continue;
      await page.mouse.move(x, y);
      if ((await page.evaluate<boolean>(nextFrame)) === wanted) return { x, y };
    }
    return undefined;
  };
  on = await probe(middle, true);
  off = on && (await probe(edges, false));
  if (!on || !off) return undefined;
  const before = await page.evaluate<number>(`performance.getEntriesByName('atlas:hover').length`);
  const frames: number[] = [];
  for (let i = 0; i < 8 && (frames.length < 2 || performance.now() - started < budgetMs); i++) {
    const target = i % 2 === 0 ? on : off;
    const t0 = performance.now();
    await page.mouse.move(target.x, target.y);
    const pointing = await page.evaluate<boolean>(nextFrame);
    if (pointing === (target === on)) frames.push(performance.now() - t0);
  }
  const app = await page.evaluate<number[]>(`performance.getEntriesByName('atlas:hover').slice(${before}).map((e) => e.duration)`);
  if (frames.length === 0) return undefined;
  return { frame: median(frames), app: app.length ? median(app) : NaN };
}

async function heapUsed(page: Page): Promise<number | undefined> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
}
