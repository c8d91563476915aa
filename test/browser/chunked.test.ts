// A site whose text comes in chunks (as a big corpus's does): the map draws from the layout alone, a paper panel says
// its abstract is loading and then shows it with highlighted mentions, and search says when abstracts are not all
// searched yet — then finds the abstract-only match once they are. The seed is packed chunked and served by routes
// that hold the text chunks back until the test lets them through.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeSite, LAYOUT_FILE, siteFiles } from '../../src/contract/compact.ts';
import type { PaperAttributes, SerializedAtlas } from '../../src/contract/types.ts';
import { fetchGraph, launchBrowser, openPage, siteUrl, type Watched } from './browser.ts';

let browser: Browser;
let graph: SerializedAtlas;
let files: Map<string, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  const probe = await openPage(browser);
  graph = (await fetchGraph(probe.page)) as unknown as SerializedAtlas;
  await probe.close();
  files = siteFiles(encodeSite(graph, { inlineBytes: 0, chunkBytes: 40_000 }));
  expect([...files.keys()].filter((f) => f.startsWith('text/')).length).toBeGreaterThan(3);
});
afterAll(async () => {
  await browser?.close();
});

/** Serves the chunked files; text chunks wait until `release()` (the names part comes at once). */
async function chunkedPage(): Promise<{ w: Watched; release: () => void; requested: string[] }> {
  const w = await openPage(browser);
  const held: Array<() => void> = [];
  let released = false;
  const requested: string[] = [];
  const serve = (name: string) => (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: files.get(name) ?? '' });
  for (const name of files.keys()) {
    await w.page.route(`**/${name}`, async (route) => {
      requested.push(name);
      if (name.startsWith('text/') && !released) await new Promise<void>((resolve) => held.push(resolve));
      await serve(name)(route);
    });
  }
  return {
    w,
    requested,
    release: () => {
      released = true;
      for (const go of held.splice(0)) go();
    },
  };
}

const paperNodes = (): Array<{ key: string; attributes: PaperAttributes }> =>
  graph.nodes.flatMap((n) => (n.attributes.kind === 'paper' ? [{ key: n.key, attributes: n.attributes }] : []));

async function ready(page: Page, hash = ''): Promise<void> {
  await page.goto(siteUrl(hash));
  await page.waitForSelector('body.is-ready', { timeout: 20_000 });
}

describe('a site with its text in chunks', () => {
  test('the map is ready before any text chunk; a paper panel shows "loading", then the abstract with its mentions', async () => {
    const { w, release, requested } = await chunkedPage();
    const paper = paperNodes().find((p) => p.attributes.abstract.length > 300)!;
    await ready(w.page, `#node=${encodeURIComponent(paper.key)}`);
    expect(requested[0]).toBe(LAYOUT_FILE);
    const panel = w.page.locator('aside#panel');
    await expect.poll(() => panel.locator('h2').innerText()).toBe(paper.attributes.title);
    expect(await panel.locator('.abstract').innerText()).toBe('Loading the abstract…');
    release();
    await expect.poll(() => panel.locator('.abstract').innerText()).toContain(paper.attributes.abstract.slice(0, 60));
    expect(await panel.locator('.abstract mark.mention').count()).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('search says abstracts are still loading, then finds a word only an abstract has', async () => {
    const titles = paperNodes().map((p) => p.attributes.title.toLowerCase()).join(' ');
    let word = '';
    let title = '';
    for (const p of paperNodes()) {
      title = p.attributes.title;
      const found = p.attributes.abstract
        .split(/[^A-Za-z]+/)
        .find((t) => t.length >= 11 && !titles.includes(t.toLowerCase()) && paperNodes().filter((q) => q.attributes.abstract.toLowerCase().includes(t.toLowerCase())).length === 1);
      if (found) {
        word = found;
        break;
      }
    }
    expect(word).not.toBe('');
    const { w, release } = await chunkedPage();
    await ready(w.page);
    const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
    await input.fill(word);
    const note = w.page.locator('#search-note');
    await expect.poll(() => note.innerText()).toMatch(/Abstracts are still loading \(0 of \d+ papers searched\)/);
    expect(await w.page.getByRole('option').filter({ hasText: 'abstract mentions' }).count()).toBe(0);
    release();
    await w.page.waitForSelector('body[data-text="complete"]', { timeout: 20_000 });
    const hit = w.page.getByRole('option').filter({ hasText: 'abstract mentions' }).filter({ hasText: title.slice(0, 40) });
    await expect.poll(() => hit.count()).toBe(1);
    expect(await note.isHidden()).toBe(true);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
