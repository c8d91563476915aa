// Browser tests of the built site: map rendering, search, panel navigation, deep links and history, map clicks.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { normalize, outermost } from '../../src/data/text.ts';
import { nodeInUrl, openApp, openPage, routeGraph, siteUrl, type SiteGraph, type Watched, useBrowserSuite } from './browser.ts';
import { decodePng, inkStats } from './png.ts';

let browser: Browser;
let graph: SiteGraph;
let w: Watched;

type GraphNode = SiteGraph['nodes'][number];
const papers = (): GraphNode[] => graph.nodes.filter((n) => n.attributes.kind === 'paper');
const concepts = (): GraphNode[] => graph.nodes.filter((n) => n.attributes.kind === 'concept');
const byKey = (key: string): GraphNode => {
  const node = graph.nodes.find((n) => n.key === key);
  if (!node) throw new Error(`no node ${key}`);
  return node;
};
const nameOf = (n: GraphNode): string => String(n.attributes.kind === 'paper' ? n.attributes.title : n.attributes.label);
const hashOf = (key: string): string => `#node=${encodeURIComponent(key)}`;
const heading = (): Promise<string> => w.page.locator('aside#panel h2').innerText();

useBrowserSuite({
  ready: (b, g) => {
    browser = b;
    graph = g;
  },
  current: () => w,
});

describe('the map', () => {
  test('renders nodes on the WebGL canvas, with the legend and counts', async () => {
    w = await openPage(browser);
    await openApp(w.page);
    await w.page.waitForTimeout(600);
    // The middle of the window, clear of the floating header, legend and zoom buttons.
    const png = await w.page.screenshot({ clip: { x: 440, y: 40, width: 900, height: 760 } });
    const stats = inkStats(decodePng(png), [0xf6, 0xf6, 0xf3]);
    expect(stats.ink / stats.total).toBeGreaterThan(0.03);
    expect(stats.colourful).toBeGreaterThan(3000);
    const legend = w.page.locator('#legend');
    await expect.poll(() => legend.locator('.legend-clusters li').count()).toBe(graph.attributes.clusters.length);
    // Each count keeps its noun on one line (a no-break space).
    expect((await legend.innerText()).replace(/\u00a0/g, " ")).toContain(`${papers().length} papers`);
    expect(await w.page.locator('aside#panel').isHidden()).toBe(true);
  });

  test('clicking a node on the canvas selects it', async () => {
    const paper = papers()[0];
    if (!paper) throw new Error('no paper');
    w = await openPage(browser);
    await openApp(w.page, hashOf(paper.key));
    await w.page.waitForTimeout(900); // camera animation
    const panelBox = await w.page.locator('aside#panel').boundingBox();
    if (!panelBox) throw new Error('panel not visible');
    // The camera puts the selection in the middle of the part of the map the panel leaves visible.
    const point = { x: panelBox.x / 2, y: 450 };
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    await w.page.mouse.move(point.x, point.y);
    await w.page.mouse.click(point.x, point.y);
    await expect.poll(heading).toBe(nameOf(paper));
    expect(nodeInUrl(w.page.url())).toBe(paper.key);
    // Clicking empty map (below the whole-map view's disc of nodes) closes the panel.
    await w.page.getByRole('button', { name: 'Show the whole map' }).click();
    await w.page.waitForTimeout(500);
    await w.page.mouse.click(700, 893);
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
  });
});

describe('search', () => {
  test('finds a paper by title words; Enter opens it in the panel and the URL', async () => {
    const paper = papers()[3] ?? papers()[0];
    if (!paper) throw new Error('no paper');
    const title = nameOf(paper);
    w = await openPage(browser);
    await openApp(w.page);
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill(title.split(/\s+/).slice(0, 4).join(' ').toUpperCase());
    const listbox = w.page.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => listbox.isVisible()).toBe(true);
    const options = listbox.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => w.page.locator('#search-status').innerText()).toMatch(/\d+ results?/);
    // The first option is active; arrows move and wrap.
    const firstId = await options.first().getAttribute('id');
    expect(await input.getAttribute('aria-activedescendant')).toBe(firstId);
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.last().getAttribute('id'));
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(firstId);
    expect(await options.first().innerText()).toContain(title.slice(0, 30));
    await input.press('Enter');
    await expect.poll(heading).toBe(title);
    expect(nodeInUrl(w.page.url())).toBe(paper.key);
    expect(await listbox.isHidden()).toBe(true);
    // Keyboard focus moved to the panel heading.
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
  });

  test('is case- and acronym-aware: "kv cache" finds the KV cache concept; a click selects it', async () => {
    w = await openPage(browser);
    await openApp(w.page);
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill('kv cache');
    const first = w.page.getByRole('option').first();
    await expect.poll(() => first.locator('.option-name').innerText()).toBe('KV cache');
    await first.click();
    await expect.poll(heading).toBe('KV cache');
    // Escape in an empty, closed search box closes the panel.
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
  });

  test('closing the panel gives focus back to the box without opening its list again; a click there does', async () => {
    w = await openPage(browser);
    await openApp(w.page);
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill('kv cache');
    await input.press('Enter');
    await expect.poll(heading).toBe('KV cache');
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const listbox = w.page.getByRole('listbox', { name: 'Search results' });
    await w.page.waitForTimeout(200);
    expect(await listbox.isHidden()).toBe(true);
    await input.click();
    await expect.poll(() => listbox.isVisible()).toBe(true);
  });

  test('finds concepts by lower-cased acronym and says when nothing matches', async () => {
    const acronym = concepts()
      .filter((c) => c.attributes.conceptType === 'acronym' && /^[A-Z0-9-]{2,6}$/.test(nameOf(c)))
      .sort((a, b) => Number(b.attributes.papers) - Number(a.attributes.papers))[0];
    if (!acronym) throw new Error('no acronym concept in the graph');
    w = await openPage(browser);
    await openApp(w.page);
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill(nameOf(acronym).toLowerCase());
    await expect.poll(() => w.page.getByRole('option').first().locator('.option-name').innerText()).toBe(nameOf(acronym));
    await input.fill('zzzz qqqq');
    await expect.poll(() => w.page.locator('#search-empty').innerText()).toContain('No paper or concept matches');
    expect(await w.page.getByRole('listbox').isHidden()).toBe(true);
    await input.press('Escape');
    expect(await w.page.locator('#search-empty').isHidden()).toBe(true);
  });
});

describe('panel and URL', () => {
  test('a related paper switches the panel; back and forward walk the selections', async () => {
    const paper = papers().find((p) => (p.attributes.related ?? []).length > 0);
    const related = paper?.attributes.related?.[0];
    if (!paper || !related) throw new Error('no paper with related papers');
    w = await openPage(browser);
    await openApp(w.page, hashOf(paper.key));
    await expect.poll(heading).toBe(nameOf(paper));
    const item = w.page.locator('.related li').first();
    // The shared concepts that explain the link are listed with it: each by name, or inside a longer one that holds it
    // ("KV cache" in "4-bit KV cache").
    const shared = related.shared.map((k) => nameOf(byKey(k)));
    const listed = normalize(await item.locator('.shared').innerText());
    for (const name of shared) expect(` ${listed} `).toContain(` ${normalize(name)} `);
    expect(await item.locator('.shared .chip').count()).toBe(outermost(shared, (n) => n).length);
    // And how strongly: the score that ranks the list.
    expect(await item.locator('.related-score').innerText()).toBe(`similarity ${related.score.toFixed(2)}`);
    // Pointing at a related paper previews it on the map (hover state), without changing the panel.
    await item.locator('.related-title').hover();
    await w.page.locator('.related li').nth(1).hover();
    await w.page.mouse.move(700, 890);
    expect(await heading()).toBe(nameOf(paper));
    await item.locator('.related-title').click();
    await expect.poll(heading).toBe(nameOf(byKey(related.key)));
    expect(nodeInUrl(w.page.url())).toBe(related.key);
    await w.page.goBack();
    await expect.poll(heading).toBe(nameOf(paper));
    await w.page.goForward();
    await expect.poll(heading).toBe(nameOf(byKey(related.key)));
  });

  test('abstract mentions and concept chips select concepts; a concept lists its papers', async () => {
    const paper = papers().find((p) => graph.edges.some((e) => e.source === p.key && (e.attributes.abstractSpans as unknown[]).length > 0));
    if (!paper) throw new Error('no paper with highlighted mentions');
    w = await openPage(browser);
    await openApp(w.page, hashOf(paper.key));
    const mention = w.page.locator('.abstract mark.mention button').first();
    const concept = byKey(String(await mention.getAttribute('data-node')));
    await mention.click();
    await expect.poll(heading).toBe(nameOf(concept));
    const listed = await w.page.locator('.paper-list .related-title').allInnerTexts();
    expect(listed).toContain(nameOf(paper));
    expect(listed.length).toBe(Number(concept.attributes.papers));
    await w.page.locator('.paper-list .related-title', { hasText: nameOf(paper) }).first().click();
    await expect.poll(heading).toBe(nameOf(paper));
    await w.page.locator('.chips .chip').first().click();
    await expect.poll(async () => (await heading()) !== nameOf(paper)).toBe(true);
  });

  test('a deep link opens with its selection, survives reload, and the close button clears it', async () => {
    const concept = concepts()[0];
    if (!concept) throw new Error('no concept');
    w = await openPage(browser);
    await openApp(w.page, hashOf(concept.key));
    await expect.poll(heading).toBe(nameOf(concept));
    await w.page.reload();
    await w.page.waitForSelector('body.is-ready');
    await expect.poll(heading).toBe(nameOf(concept));
    await w.page.getByRole('button', { name: 'Close panel' }).click();
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(nodeInUrl(w.page.url())).toBeNull();
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });

  test("a paper's http(s) url becomes a link that opens in a new tab", async () => {
    const withUrl = structuredClone(graph);
    const paper = withUrl.nodes.find((n) => n.attributes.kind === 'paper');
    if (!paper) throw new Error('no paper');
    paper.attributes.url = 'https://example.org/papers/42';
    w = await openPage(browser);
    await routeGraph(w.page, withUrl as unknown as SerializedAtlas);
    await openApp(w.page, hashOf(paper.key));
    const link = w.page.locator('aside#panel a.paper-link');
    expect(await link.getAttribute('href')).toBe('https://example.org/papers/42');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.innerText()).toContain('example.org');
  });

  test('an unknown or crafted hash selects nothing and injects nothing', async () => {
    w = await openPage(browser);
    await w.page.goto(siteUrl(`#node=${encodeURIComponent('<img src=x onerror=alert(1)>')}`));
    await w.page.waitForSelector('body.is-ready');
    expect(await w.page.locator('aside#panel').isHidden()).toBe(true);
    await w.page.goto(siteUrl('#node=%E0%A4%A&x=<svg/onload=alert(2)>'));
    await w.page.waitForTimeout(200);
    expect(await w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(await w.page.locator('img, svg, script:not([src])').count()).toBe(0);
  });
});
