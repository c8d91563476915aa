// Browser tests for bad input: a missing, broken or invalid graph.json shows a clear message; hostile text stays text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeSite, siteFiles } from '../../src/contract/compact.ts';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { fetchGraph, launchBrowser, openPage, routeDataFile, routeGraph, siteUrl, type SiteGraph } from './browser.ts';

let browser: Browser;
let graph: SiteGraph;

beforeAll(async () => {
  browser = await launchBrowser();
  const probe = await openPage(browser);
  graph = await fetchGraph(probe.page);
  await probe.close();
});
afterAll(async () => {
  await browser?.close();
});

async function errorCard(page: Page): Promise<{ title: string; text: string }> {
  const card = page.getByRole('alert');
  await card.waitFor({ timeout: 10_000 });
  return { title: await card.locator('h2').innerText(), text: await card.innerText() };
}

describe('a graph that cannot be used shows a message in the page', () => {
  test('missing (404)', async () => {
    const w = await openPage(browser);
    await routeDataFile(w.page, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await w.page.goto(siteUrl());
    const { title, text } = await errorCard(w.page);
    expect(title).toBe('The graph file is missing.');
    expect(text).toContain('atlas.json: 404');
    expect(text).toContain('graph.json: 404');
    expect(text).toContain('npm run build');
    expect(await w.page.locator('body.is-ready').count()).toBe(0);
    await w.close();
  });

  test('unreachable (network error)', async () => {
    const w = await openPage(browser);
    await routeDataFile(w.page, (route) => route.abort('connectionrefused'));
    await w.page.goto(siteUrl());
    expect((await errorCard(w.page)).title).toBe('The graph file could not be reached.');
    await w.close();
  });

  test('not JSON', async () => {
    const w = await openPage(browser);
    await routeDataFile(w.page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"nodes": [' }));
    await w.page.goto(siteUrl());
    const { title, text } = await errorCard(w.page);
    expect(title).toBe('The graph file is not valid JSON.');
    expect(text).toContain('atlas.json');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('a site data file that does not fit: the file and the problem are named', async () => {
    const w = await openPage(browser);
    const layout = JSON.parse(siteFiles(encodeSite(graph as unknown as SerializedAtlas)).get('atlas.json')!) as { labels: string[] };
    layout.labels.pop();
    await routeDataFile(w.page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layout) }));
    await w.page.goto(siteUrl());
    const { title, text } = await errorCard(w.page);
    expect(title).toBe('The graph file does not match the format this app reads.');
    expect(text).toContain('atlas.json: "labels" must have one entry per node');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('a plain contract-v1 graph.json (no atlas.json) still works', async () => {
    const w = await openPage(browser);
    await w.page.route('**/atlas.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await w.page.route('**/graph.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(graph) }));
    const paper = graph.nodes.find((n) => n.attributes.kind === 'paper')!;
    await w.page.goto(siteUrl(`#node=${encodeURIComponent(paper.key)}`));
    await w.page.waitForSelector('body.is-ready');
    await expect.poll(() => w.page.locator('aside#panel h2').innerText()).toBe(paper.attributes.title);
    expect(await w.page.locator('aside#panel .abstract').innerText()).toContain(String(paper.attributes.abstract).slice(0, 40));
    await w.close();
  });

  test('a graph.json that fails validation: the first errors are listed', async () => {
    const w = await openPage(browser);
    await w.page.route('**/atlas.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    const bad = {
      attributes: { schemaVersion: 1, clusters: [], build: {} },
      options: { type: 'undirected', multi: false, allowSelfLoops: false },
      nodes: [{ key: 'p1', attributes: { kind: 'paper', label: 'x' } }],
      edges: [{ key: 'e1', source: 'p1', target: 'nowhere', attributes: { kind: 'mentions' } }],
    };
    await w.page.route('**/graph.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bad) }));
    await w.page.goto(siteUrl());
    const { title, text } = await errorCard(w.page);
    expect(title).toBe('The graph file does not match the format this app reads.');
    expect(text).toContain('node "p1" needs label, finite x/y/size and color');
    expect(text).toContain('edge "e1" points to a missing node');
    // The browser logs the 404 of atlas.json that sends the app to graph.json; nothing else.
    expect(w.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await w.close();
  });

  test('a newer schema version is named in the message', async () => {
    const w = await openPage(browser);
    const newer = structuredClone(graph) as unknown as SerializedAtlas;
    (newer.attributes as { schemaVersion: number }).schemaVersion = 99;
    await routeGraph(w.page, newer);
    await w.page.goto(siteUrl());
    expect((await errorCard(w.page)).text).toContain('unsupported schemaVersion 99');
    await w.close();
  });
});

describe('hostile text in the graph', () => {
  test('titles, abstracts, labels and URLs render as inert text', async () => {
    const hostile = structuredClone(graph);
    const paper = hostile.nodes.find((n) => n.attributes.kind === 'paper' && (n.attributes.related ?? []).length > 0);
    const concept = hostile.nodes.find((n) => n.attributes.kind === 'concept');
    const cluster = hostile.attributes.clusters[0];
    if (!paper || !concept || !cluster) throw new Error('graph too small');
    const title = '<img src=x onerror=alert(1)>';
    paper.attributes.title = title;
    paper.attributes.label = title;
    paper.attributes.abstract = `<script>alert(2)</script> ${String(paper.attributes.abstract)}`;
    paper.attributes.url = 'javascript:alert(3)';
    paper.attributes.authors = ['<b onmouseover=alert(4)>Mallory</b>'];
    concept.attributes.label = '<svg onload=alert(5)>';
    cluster.label = '<iframe src=javascript:alert(6)>';
    cluster.color = 'red; background: url(https://example.com/x.png)';
    const w = await openPage(browser);
    await routeGraph(w.page, hostile as unknown as SerializedAtlas);
    await w.page.goto(siteUrl(`#node=${encodeURIComponent(paper.key)}`));
    await w.page.waitForSelector('body.is-ready');
    const panel = w.page.locator('aside#panel');
    await expect.poll(() => panel.locator('h2').innerText()).toBe(title);
    expect(await panel.innerText()).toContain('<script>alert(2)</script>');
    expect(await panel.innerText()).toContain('<b onmouseover=alert(4)>Mallory</b>');
    expect(await panel.locator('img, script, svg, iframe, b').count()).toBe(0);
    expect(await panel.locator('a').count()).toBe(0); // javascript: URL is not linked
    expect(await w.page.locator('#legend').innerText()).toContain('<iframe src=javascript:alert(6)>');
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill('svg onload');
    await expect.poll(() => w.page.getByRole('option').first().locator('.option-name').innerText()).toBe('<svg onload=alert(5)>');
    await w.page.getByRole('option').first().click();
    await expect.poll(() => panel.locator('h2').innerText()).toBe('<svg onload=alert(5)>');
    await w.page.mouse.move(700, 450);
    await w.page.waitForTimeout(300);
    expect(await w.page.locator('img, script:not([src]), svg, iframe').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
