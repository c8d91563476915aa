// Browser tests of sharing: the whole view in the URL (reopened exactly, back/forward by selection), exports, embed mode.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { DESKTOP, hashParam, nodeInUrl, openApp, openPage, PHONE, screenshotPath, siteUrl, type SiteGraph, type Watched, SIZES, useBrowserSuite } from './browser.ts';
import { decodePng, inkStats } from './png.ts';

// The URL follows the view a moment after it settles, and software WebGL on a busy machine is slow: poll patiently.
vi.setConfig({ expect: { poll: { timeout: 6000, interval: 50 } } });

let browser: Browser;
let graph: SiteGraph;
let w: Watched;

type GraphNode = SiteGraph['nodes'][number];
const papers = (): GraphNode[] => graph.nodes.filter((n) => n.attributes.kind === 'paper');
const heading = (): Promise<string> => w.page.locator('aside#panel h2').innerText();

useBrowserSuite({
  ready: (b, g) => {
    browser = b;
    graph = g;
  },
  current: () => w,
});

async function settledUrl(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(350);
      const url = page.url();
      const stable = url === last;
      last = url;
      return stable;
    }, { timeout: 8000 })
    .toBe(true);
  return last;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path) };
}

describe('the URL holds the whole view', () => {
  test('a copied link reopens the same selection, filters, hidden topics, kinds, minimum, search and camera', async () => {
    const paper = papers().find((p) => (p.attributes.related ?? []).length > 0);
    const hide = [...graph.attributes.clusters].sort((a, b) => a.size - b.size)[0];
    if (!paper || !hide) throw new Error('graph too small');
    w = await openPage(browser);
    await openApp(w.page, `#node=${encodeURIComponent(paper.key)}`);
    await w.page.getByRole('button', { name: /^Filters/ }).click();
    await w.page.getByRole('textbox', { name: 'Concept filter' }).fill('quantization OR INR');
    await w.page.getByText('Papers', { exact: true }).click();
    await w.page.getByText('Both', { exact: true }).click();
    await w.page.getByText('Concepts', { exact: true }).click();
    const slider = w.page.getByRole('slider');
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.locator('#legend').getByRole('checkbox', { name: `Show ${hide.label}` }).uncheck();
    await w.page.getByRole('combobox', { name: 'Search papers and concepts' }).fill('cache');
    await w.page.keyboard.press('Escape');
    await w.page.getByRole('button', { name: 'Zoom in' }).click();
    const url = await settledUrl(w.page);
    for (const name of ['node', 'f', 'kind', 'min', 'hide', 'q', 'cam']) expect(hashParam(url, name), name).not.toBeNull();
    const first = await w.page.context().newPage();
    await first.goto(url);
    await first.waitForSelector('body.is-ready');
    await expect.poll(() => first.locator('aside#panel h2').innerText()).toBe(String(paper.attributes.title));
    expect(await first.getByRole('textbox', { name: 'Concept filter' }).inputValue()).toBe('quantization OR INR');
    expect(await first.locator('#kinds-concepts').isChecked()).toBe(true);
    expect(await first.getByRole('slider').inputValue()).toBe(hashParam(url, 'min'));
    expect(await first.locator('#legend').getByRole('checkbox', { name: `Show ${hide.label}` }).isChecked()).toBe(false);
    expect(await first.getByRole('combobox', { name: 'Search papers and concepts' }).inputValue()).toBe('cache');
    // The camera is restored as it was, not re-framed on the selection: the URL does not change.
    await first.waitForTimeout(800);
    expect(first.url()).toBe(url);
    await first.close();
  });

  test('back and forward walk selections, not camera moves or filter edits', async () => {
    const [a, b] = papers();
    if (!a || !b) throw new Error('no papers');
    w = await openPage(browser);
    await openApp(w.page, `#node=${encodeURIComponent(a.key)}`);
    await w.page.getByRole('combobox', { name: 'Search papers and concepts' }).fill(String(b.attributes.title));
    await w.page.keyboard.press('Enter');
    await expect.poll(heading).toBe(String(b.attributes.title));
    const length = await w.page.evaluate(() => history.length);
    await w.page.getByRole('button', { name: 'Zoom in' }).click();
    await w.page.getByRole('button', { name: 'Zoom out' }).click();
    await w.page.getByRole('button', { name: /^Filters/ }).click();
    await w.page.getByRole('textbox', { name: 'Concept filter' }).fill('quantization');
    await settledUrl(w.page);
    expect(await w.page.evaluate(() => history.length)).toBe(length);
    expect(hashParam(w.page.url(), 'f')).toBe('quantization');
    await w.page.goBack();
    await expect.poll(heading).toBe(String(a.attributes.title));
    expect(nodeInUrl(w.page.url())).toBe(a.key);
    await w.page.goForward();
    await expect.poll(heading).toBe(String(b.attributes.title));
  });

  test('a crafted hash in every parameter selects nothing odd and injects nothing', async () => {
    const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
    w = await openPage(browser);
    await w.page.goto(siteUrl(`#node=${evil}&f=${evil}&q=${evil}&kind=${evil}&min=${evil}&hide=${evil}&cluster=${evil}&cam=${evil}&list=1`));
    await w.page.waitForSelector('body.is-ready');
    expect(await w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(await w.page.getByRole('combobox', { name: 'Search papers and concepts' }).inputValue()).toBe('<img src=x onerror=alert(1)>');
    await w.page.getByRole('button', { name: /^Filters/ }).click();
    await expect.poll(() => w.page.locator('#filter-status').innerText()).toContain('Not applied');
    expect(await w.page.locator('#list-view').isVisible()).toBe(true);
    expect(await w.page.locator('img, script:not([src]), svg, iframe').count()).toBe(0);
  });
});

describe('export', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: the map as a PNG with its legend; the selection as BibTeX and a Markdown reading list`, async () => {
      const paper = papers().find((p) => (p.attributes.related ?? []).length >= 2);
      if (!paper) throw new Error('no paper');
      const related = paper.attributes.related ?? [];
      w = await openPage(browser, options);
      await openApp(w.page, `#node=${encodeURIComponent(paper.key)}`);
      await w.page.waitForTimeout(600);
      const toggle = w.page.getByRole('button', { name: 'Export' });
      await toggle.click();
      const menu = w.page.getByRole('group', { name: 'Export' });
      const box = await menu.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= options.viewport.width).toBe(true);
      expect(await menu.innerText()).toContain(`${1 + related.length} papers`);

      const png = await downloadText(w.page, () => menu.getByRole('button', { name: 'Map image (PNG)' }).click());
      expect(png.name).toBe('concept-atlas.png');
      writeFileSync(screenshotPath(`${device}-light-export`), png.body);
      // The map beside a 300-pixel legend, at the screen's pixel ratio (read from the PNG header).
      const scale = device === 'phone' ? 2 : 1;
      expect(png.body.readUInt32BE(16)).toBe((options.viewport.width + 300) * scale);
      if (device === 'desktop') {
        // The map part has coloured nodes: the WebGL layers were captured, not blank.
        const stats = inkStats(decodePng(png.body), [0xf6, 0xf6, 0xf3]);
        expect(stats.colourful).toBeGreaterThan(500);
      }

      await toggle.click();
      const bib = await downloadText(w.page, () => menu.getByRole('button', { name: /^BibTeX/ }).click());
      expect(bib.name).toBe('concept-atlas.bib');
      const bibText = bib.body.toString('utf8');
      expect(bibText.match(/^@misc\{/gm)?.length).toBe(1 + related.length);
      expect(bibText).toContain('note = {The selected paper');

      await toggle.click();
      const md = await downloadText(w.page, () => menu.getByRole('button', { name: /^Markdown/ }).click());
      const lines = md.body.toString('utf8').split('\n');
      expect(lines[0]).toMatch(/^# Reading list: /);
      expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(1 + related.length);
      expect(lines.find((l) => l.startsWith('2. '))).toContain('— Related to the selected paper: shares ');
    });
  }

  test('with no selection, the filtered set is exported, each with the filter that matched', async () => {
    w = await openPage(browser);
    await openApp(w.page, '#f=INR');
    const inr = graph.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.label === 'INR');
    const n = graph.edges.filter((e) => e.target === inr?.key).length;
    await w.page.getByRole('button', { name: 'Export' }).click();
    const md = await downloadText(w.page, () => w.page.getByRole('button', { name: /^Markdown/ }).click());
    const text = md.body.toString('utf8');
    expect(text).toContain('# Reading list: Papers matching INR');
    expect(text.split('\n').filter((l) => /^\d+\. .* — Matches the filter INR: mentions INR\.$/.test(l))).toHaveLength(n);
  });
});

describe('embed mode', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: #embed shows only the map and an "Open full view" link to the same view`, async () => {
      const paper = papers()[0];
      if (!paper) throw new Error('no paper');
      w = await openPage(browser, options);
      await openApp(w.page, `#node=${encodeURIComponent(paper.key)}&f=quantization&embed`);
      for (const id of ['header', 'legend', 'panel', 'list-view']) expect(await w.page.locator(`#${id}`).isVisible(), id).toBe(false);
      expect(await w.page.locator('#map canvas').first().isVisible()).toBe(true);
      const link = w.page.getByRole('link', { name: /Open full view/ });
      expect(await link.isVisible()).toBe(true);
      await link.hover().catch(() => undefined);
      const href = String(await link.getAttribute('href'));
      expect(nodeInUrl(href)).toBe(paper.key);
      expect(hashParam(href, 'f')).toBe('quantization');
      expect(new URL(href).hash).not.toContain('embed');
      expect(await link.getAttribute('target')).toBe('_blank');
      // ?embed works too, and the full-view link drops it.
      await w.page.goto(siteUrl('?embed'));
      await w.page.waitForSelector('body.is-ready');
      expect(await w.page.locator('#header').isVisible()).toBe(false);
      expect(new URL(String(await link.getAttribute('href'))).search).toBe('');
    });
  }
});
