// Browser tests of finding and reading: typo-tolerant search that moves the camera, 2-hop hover, code links, topics, co-occurrence.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { DESKTOP, hashParam, nodeInUrl, openApp, openPage, PHONE, type SiteGraph, type Watched, useBrowserSuite } from './browser.ts';

// The URL follows the view a moment after it settles, and software WebGL on a busy machine is slow: poll patiently.
vi.setConfig({ expect: { poll: { timeout: 6000, interval: 50 } } });

let browser: Browser;
let graph: SiteGraph;
let w: Watched;

type GraphNode = SiteGraph['nodes'][number];
const papers = (): GraphNode[] => graph.nodes.filter((n) => n.attributes.kind === 'paper');
const conceptByLabel = (label: string): GraphNode => {
  const c = graph.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.label === label);
  if (!c) throw new Error(`no concept ${label}`);
  return c;
};
const heading = (): Promise<string> => w.page.locator('aside#panel h2').innerText();
const phoneOptions = { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const SIZES = [
  ['desktop', { viewport: DESKTOP }],
  ['phone', phoneOptions],
] as const;

useBrowserSuite({
  ready: (b, g) => {
    browser = b;
    graph = g;
  },
  current: () => w,
});

/** The camera in the URL once it has settled (it is written a moment after each move). */
async function settledCamera(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(350);
      const cam = hashParam(page.url(), 'cam') ?? '';
      const stable = cam !== '' && cam === last;
      last = cam;
      return stable;
    }, { timeout: 8000 })
    .toBe(true);
  return last;
}

describe('search', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: a typo finds the concept; choosing it selects it and the camera flies to it`, async () => {
      w = await openPage(browser, options);
      await openApp(w.page);
      const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
      await input.fill('quantizaton');
      const first = w.page.getByRole('option').first();
      await expect.poll(() => first.locator('.option-name').innerText()).toBe('quantization');
      await input.fill('trasnformer');
      await expect.poll(() => first.locator('.option-name').innerText()).toBe('transformer');
      await input.press('Enter');
      await expect.poll(heading).toBe('transformer');
      expect(nodeInUrl(w.page.url())).toBe(conceptByLabel('transformer').key);
      // The camera moved from the whole-map view to the concept's neighbourhood.
      const cam = (await settledCamera(w.page)).split(',').map(Number);
      expect(cam).toHaveLength(3);
      expect(cam).not.toEqual([0.5, 0.5, 1]);
      // The search text is part of the shared view.
      expect(hashParam(w.page.url(), 'q')).toBe('trasnformer');
    });
  }

  test('finds papers by a word only their abstract has, and says so', async () => {
    // A long word of one abstract that is in no title.
    const titles = papers().map((p) => String(p.attributes.title).toLowerCase()).join(' ');
    let target: GraphNode | undefined;
    let word = '';
    for (const p of papers()) {
      const candidate = String(p.attributes.abstract)
        .split(/[^A-Za-z]+/)
        .find((t) => t.length >= 11 && !titles.includes(t.toLowerCase()) && papers().filter((q) => String(q.attributes.abstract).toLowerCase().includes(t.toLowerCase())).length === 1);
      if (candidate) {
        target = p;
        word = candidate;
        break;
      }
    }
    if (!target) throw new Error('no abstract-only word in the seed');
    w = await openPage(browser);
    await openApp(w.page);
    await w.page.getByRole('combobox', { name: 'Search papers and concepts' }).fill(word.toLowerCase());
    const option = w.page.getByRole('option', { name: String(target.attributes.title).slice(0, 40) }).first();
    await expect.poll(() => option.innerText()).toContain('abstract mentions');
  });
});

describe('reading', () => {
  test('hovering a paper lights its concepts and, faintly, the papers two hops away; hover stays cheap', async () => {
    const paper = papers()
      .filter((p) => (p.attributes.related ?? []).length >= 2)
      .sort((a, b) => graph.edges.filter((e) => e.source === b.key).length - graph.edges.filter((e) => e.source === a.key).length)[0];
    if (!paper) throw new Error('no paper');
    w = await openPage(browser);
    await openApp(w.page, `#node=${encodeURIComponent(paper.key)}`);
    await settledCamera(w.page);
    const panel = await w.page.locator('aside#panel').boundingBox();
    if (!panel) throw new Error('no panel');
    const spot = { x: panel.x / 2, y: DESKTOP.height / 2 };
    await w.page.getByRole('button', { name: 'Close panel' }).click();
    await w.page.mouse.move(10, DESKTOP.height - 10);
    await w.page.waitForTimeout(150);
    const clip = { x: Math.max(0, spot.x - 300), y: spot.y - 250, width: 600, height: 500 };
    const before = await w.page.screenshot({ clip });
    for (let i = 0; i < 4; i++) {
      await w.page.mouse.move(spot.x + (i % 2) * 2, spot.y);
      await w.page.waitForTimeout(50);
      await w.page.mouse.move(10, DESKTOP.height - 10);
      await w.page.waitForTimeout(50);
    }
    await w.page.mouse.move(spot.x, spot.y);
    await expect.poll(() => w.page.locator('#map').evaluate((m) => m.classList.contains('is-pointing'))).toBe(true);
    const during = await w.page.screenshot({ clip });
    expect(during.equals(before)).toBe(false);
    const hovers = await w.page.evaluate(() => performance.getEntriesByName('atlas:hover').map((e) => e.duration));
    expect(hovers.length).toBeGreaterThanOrEqual(4);
    const sorted = [...hovers].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const firstRender = await w.page.evaluate(() => performance.getEntriesByName('atlas:first-render')[0]?.duration ?? -1);
    console.log(`hover (reducers + partial refresh + render, software WebGL): median ${median.toFixed(1)} ms, max ${Math.max(...hovers).toFixed(1)} ms over ${hovers.length}; first render ${firstRender.toFixed(0)} ms after navigation`);
    expect(median).toBeLessThan(100);
    expect(firstRender).toBeGreaterThan(0);
  });

  test('paper panel: code links from the abstract, and the topic focuses its cluster', async () => {
    const paper = papers().find((p) => /https:\/\/github\.com\/[\w-]+\/[\w-]+/.test(String(p.attributes.abstract)));
    if (!paper) throw new Error('no paper with a GitHub link');
    const repo = /https:\/\/github\.com\/[\w-]+\/[\w-]+/.exec(String(paper.attributes.abstract))?.[0] ?? '';
    w = await openPage(browser);
    await openApp(w.page, `#node=${encodeURIComponent(paper.key)}`);
    const code = w.page.locator('aside#panel .code-links a').first();
    expect(await code.getAttribute('href')).toContain(repo);
    expect(await code.getAttribute('target')).toBe('_blank');
    expect(await code.getAttribute('rel')).toBe('noopener noreferrer');
    const cam = await settledCamera(w.page);
    const cluster = graph.attributes.clusters.find((c) => c.id === paper.attributes.cluster);
    const topic = w.page.locator('aside#panel .eyebrow button.cluster-tag');
    expect(await topic.innerText()).toContain(cluster?.label ?? '?');
    await topic.click();
    await expect.poll(() => hashParam(w.page.url(), 'cluster')).toBe(String(cluster?.id));
    // Focusing the topic shows the topic: the paper's panel and its lit neighbourhood give way.
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(nodeInUrl(w.page.url())).toBeNull();
    expect(await w.page.locator(`#legend button.cluster-focus[data-cluster="${cluster?.id}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await settledCamera(w.page)).not.toBe(cam);
  });

  test('concept panel: "Often appears with" lists co-occurring concepts, most shared papers first', async () => {
    const kv = conceptByLabel('KV cache');
    w = await openPage(browser);
    await openApp(w.page, `#node=${encodeURIComponent(kv.key)}`);
    const section = w.page.locator('aside#panel section', { has: w.page.getByRole('heading', { name: 'Often appears with' }) });
    const chips = section.locator('.chip');
    expect(await chips.count()).toBeGreaterThan(0);
    const counts = (await section.locator('.chip-count').allInnerTexts()).map((t) => Number.parseInt(t, 10));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // The top count is the real number of papers that mention both.
    const papersOf = (key: string): Set<string> => new Set(graph.edges.filter((e) => e.target === key).map((e) => e.source));
    const mine = papersOf(kv.key);
    const firstKey = String(await chips.first().getAttribute('data-node'));
    expect(counts[0]).toBe([...papersOf(firstKey)].filter((p) => mine.has(p)).length);
    await chips.first().click();
    await expect.poll(heading).not.toBe('KV cache');
  });
});

describe('topics on the map and in the legend', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: legend entries focus a topic and show/hide it; topic names show only when zoomed out`, async () => {
      w = await openPage(browser, options);
      await openApp(w.page);
      const areaLabels = (): Promise<number> => w.page.locator('#map').evaluate((m) => Number((m as HTMLElement).dataset.areaLabels ?? -1));
      await expect.poll(areaLabels).toBeGreaterThan(device === 'phone' ? 0 : 2);
      const legend = w.page.locator('#legend');
      if (device === 'phone') await legend.locator('summary').tap();
      const biggest = [...graph.attributes.clusters].sort((a, b) => b.size - a.size)[0];
      if (!biggest) throw new Error('no cluster');
      const focus = legend.locator(`button.cluster-focus[data-cluster="${biggest.id}"]`);
      await focus.click();
      await expect.poll(() => focus.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => hashParam(w.page.url(), 'cluster')).toBe(String(biggest.id));
      const cam = (await settledCamera(w.page)).split(',').map(Number);
      expect(cam[2]).toBeLessThan(1);
      // Pressing it again lets it go.
      await focus.click();
      await expect.poll(() => focus.getAttribute('aria-pressed')).toBe('false');
      // Untick a topic: it is hidden (and in the URL); tick it again.
      const toggle = legend.getByRole('checkbox', { name: `Show ${biggest.label}` });
      await toggle.uncheck();
      await expect.poll(() => hashParam(w.page.url(), 'hide')).toBe(String(biggest.id));
      await w.page.getByRole('button', { name: /^Filters/ }).click();
      const total = papers().length;
      await expect.poll(() => w.page.locator('#filter-status').innerText()).toContain(`${total - biggest.size} papers`);
      await toggle.check();
      await expect.poll(() => hashParam(w.page.url(), 'hide')).toBeNull();
      // Zoomed right in, the topic names give way to node labels.
      await w.page.getByRole('button', { name: 'Zoom in' }).click();
      await w.page.getByRole('button', { name: 'Zoom in' }).click();
      await w.page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(areaLabels).toBe(0);
    });
  }
});
