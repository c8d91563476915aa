// Browser tests of the list view: the map's keyboard and screen-reader twin (topics → concepts → papers), desktop and phone.
import type { Browser } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { DESKTOP, hashParam, nodeInUrl, openApp, openPage, PHONE, screenshotPath, type SiteGraph, type Watched, SIZES, useBrowserSuite } from './browser.ts';

// The URL follows the view a moment after it settles, and software WebGL on a busy machine is slow: poll patiently.
vi.setConfig({ expect: { poll: { timeout: 6000, interval: 50 } } });

let browser: Browser;
let graph: SiteGraph;
let w: Watched;


useBrowserSuite({
  ready: (b, g) => {
    browser = b;
    graph = g;
  },
  current: () => w,
});

/** The focused element's tag, text and whether it shows a focus ring. */
const focused = (): Promise<{ tag: string; text: string; ring: boolean; node: string | null }> =>
  w.page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    const style = e ? getComputedStyle(e) : null;
    return {
      tag: e?.tagName.toLowerCase() ?? '',
      text: (e?.innerText ?? '').trim(),
      ring: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      node: e?.getAttribute('data-node') ?? null,
    };
  });

describe('list view', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: usable by keyboard alone: open it, open a topic, choose a paper, read it, come back`, async () => {
      const biggest = [...graph.attributes.clusters].sort((a, b) => b.size - a.size)[0];
      if (!biggest) throw new Error('no cluster');
      w = await openPage(browser, options);
      await openApp(w.page);
      // From the page start: skip link, search, Filters, List view.
      await w.page.keyboard.press('Tab');
      await w.page.keyboard.press('Tab');
      await w.page.keyboard.press('Tab');
      await w.page.keyboard.press('Tab');
      expect((await focused()).text).toBe('List view');
      expect((await focused()).ring).toBe(true);
      await w.page.keyboard.press('Enter');
      const list = w.page.getByRole('region', { name: 'Topics, concepts and papers' });
      await expect.poll(() => list.isVisible()).toBe(true);
      expect(await w.page.getByRole('button', { name: 'List view' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => hashParam(w.page.url(), 'list')).toBe('1');
      // Focus went into the list: the first topic, the biggest.
      const first = await focused();
      expect(first.tag).toBe('summary');
      expect(first.text).toContain(biggest.label);
      expect(first.ring).toBe(true);
      await w.page.keyboard.press('Enter');
      const topic = list.locator(`details[data-cluster="${biggest.id}"]`);
      await expect.poll(() => topic.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await topic.getByRole('list', { name: `Papers in ${biggest.label}` }).getByRole('listitem').count()).toBe(biggest.size);
      // Tab to the first concept, then on to its papers toggle and a paper.
      await w.page.keyboard.press('Tab');
      const concept = await focused();
      expect(concept.node).toMatch(/^c:/);
      await w.page.keyboard.press('Enter');
      await expect.poll(() => w.page.locator('aside#panel h2').innerText()).toBe(concept.text);
      expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
      expect(nodeInUrl(w.page.url())).toBe(concept.node);
      expect(await list.locator(`[data-node="${concept.node}"][aria-current="true"]`).count()).toBeGreaterThan(0);
      if (device === 'phone') await w.page.screenshot({ path: screenshotPath('phone-light-list') });
      // Escape closes the panel and focus returns to the list item.
      await w.page.keyboard.press('Escape');
      await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
      expect((await focused()).node).toBe(concept.node);
      // The concept's papers open under it; a paper opens the paper panel.
      await w.page.keyboard.press('Tab');
      expect((await focused()).tag).toBe('summary');
      await w.page.keyboard.press('Enter');
      await w.page.keyboard.press('Tab');
      const paper = await focused();
      expect(paper.node).toMatch(/^p:/);
      await w.page.keyboard.press('Enter');
      await expect.poll(() => w.page.locator('aside#panel h2').innerText()).toBe(paper.text);
      if (device === 'desktop') await w.page.screenshot({ path: screenshotPath('desktop-light-list') });
    });
  }

  test('follows the filters: hidden topics and non-matching papers leave the list', async () => {
    const smallest = [...graph.attributes.clusters].filter((c) => c.size > 1).sort((a, b) => a.size - b.size)[0];
    if (!smallest) throw new Error('no cluster');
    w = await openPage(browser);
    await openApp(w.page, `#list=1&hide=${smallest.id}`);
    const list = w.page.getByRole('region', { name: 'Topics, concepts and papers' });
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await list.locator(`details[data-cluster="${smallest.id}"]`).count()).toBe(0);
    const kv = graph.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.label === 'KV cache');
    const n = graph.edges.filter((e) => e.target === kv?.key && !graph.nodes.some((p) => p.key === e.source && p.attributes.cluster === smallest.id)).length;
    // A link with filters opens with the Filters drawer open, so the reader sees what narrows the map.
    expect(await w.page.getByRole('button', { name: /^Filters/ }).getAttribute('aria-expanded')).toBe('true');
    await w.page.getByRole('textbox', { name: 'Concept filter' }).fill('KV cache');
    await expect.poll(() => list.locator('.list-summary').innerText()).toContain(`${n} papers`);
    await expect.poll(() => list.locator('.list-summary').innerText()).toContain('(filtered)');
  });
});
