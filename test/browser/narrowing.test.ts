// Browser tests of narrowing: the Filters drawer (AND/OR/NOT concept filter, papers/concepts toggle, minimum papers), desktop and phone.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { DESKTOP, hashParam, openApp, openPage, PHONE, screenshotPath, type SiteGraph, type Watched, SIZES, useBrowserSuite } from './browser.ts';
import { decodePng, inkStats } from './png.ts';

// The URL follows the view a moment after it settles, and software WebGL on a busy machine is slow: poll patiently.
vi.setConfig({ expect: { poll: { timeout: 6000, interval: 50 } } });

let browser: Browser;
let graph: SiteGraph;
let w: Watched;

const concept = (label: string): string => {
  const c = graph.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.label === label);
  if (!c) throw new Error(`no concept ${label}`);
  return c.key;
};
const papersWith = (key: string): Set<string> => new Set(graph.edges.filter((e) => e.target === key).map((e) => e.source));
const paperCount = (): number => graph.nodes.filter((n) => n.attributes.kind === 'paper').length;

useBrowserSuite({
  ready: (b, g) => {
    browser = b;
    graph = g;
  },
  current: () => w,
});

async function openFilters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
}

const status = (): Promise<string> => w.page.locator('#filter-status').innerText();

describe('concept filter', () => {
  test('a filter that only a few papers match zooms the map to them', async () => {
    // A concept of two papers (2% of the seed's 98): matching it alone would leave two dots on the whole map.
    const few = graph.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.papers === 2 && /^[\w -]+$/.test(String(n.attributes.label)));
    if (!few) throw new Error('no concept of two papers');
    w = await openPage(browser);
    await openApp(w.page);
    await openFilters(w.page);
    await w.page.getByRole('textbox', { name: 'Concept filter' }).fill(`"${String(few.attributes.label)}"`);
    await expect.poll(status).toContain('2 papers of');
    await expect.poll(() => Number((hashParam(w.page.url(), 'cam') ?? '0,0,1').split(',')[2])).toBeLessThan(0.9);
  });

  for (const [device, options] of SIZES) {
    test(`${device}: AND / OR / NOT by label or alias, count shown, errors and unknown names inline`, async () => {
      w = await openPage(browser, options);
      await openApp(w.page);
      await w.page.waitForTimeout(300);
      const clip = { x: 440, y: 40, width: 900, height: 760 };
      const unfiltered = device === 'desktop' ? inkStats(decodePng(await w.page.screenshot({ clip })), [0xf6, 0xf6, 0xf3]) : null;
      await openFilters(w.page);
      const input = w.page.getByRole('textbox', { name: 'Concept filter' });
      expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('filter-input');
      // Inside the screen, nothing cut off.
      const box = await w.page.locator('#header').boundingBox();
      const viewport = options.viewport;
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      const int4 = papersWith(concept('INT4'));
      const kv = papersWith(concept('KV cache'));
      await input.fill('int4 AND kv cache');
      const both = [...int4].filter((p) => kv.has(p)).length;
      await expect.poll(status).toBe(`${both} ${both === 1 ? 'paper' : 'papers'} of ${paperCount()} ${both === 1 ? 'matches' : 'match'}.`);
      await expect.poll(() => hashParam(w.page.url(), 'f')).toBe('int4 AND kv cache');

      await input.fill('INT4 OR "key-value cache"');
      const either = new Set([...int4, ...kv]).size;
      await expect.poll(status).toContain(`${either} papers of ${paperCount()} match`);

      const q = papersWith(concept('quantization'));
      const t = papersWith(concept('transformer'));
      await input.fill('quantization NOT transformer');
      const qNotT = [...q].filter((p) => !t.has(p)).length;
      await expect.poll(status).toContain(`${qNotT} papers of`);

      await input.fill('INT4 AND');
      await expect.poll(status).toBe('Not applied: a concept name is missing at the end.');
      expect(await input.getAttribute('aria-invalid')).toBe('true');

      await input.fill('quantizaton OR INT4');
      await expect.poll(status).toContain('no concept named “quantizaton”');
      await w.page.getByRole('button', { name: 'use “quantization”' }).click();
      expect(await input.inputValue()).toBe('quantization OR INT4');
      await expect.poll(status).toContain(`${new Set([...q, ...int4]).size} papers of`);
      expect(await input.getAttribute('aria-invalid')).toBe('false');
      if (device === 'desktop') await w.page.screenshot({ path: screenshotPath('desktop-light-filtered') });
      else await w.page.screenshot({ path: screenshotPath('phone-light-filters') });
      if (unfiltered) {
        // Matching papers stay lit, the rest fade: far fewer strongly coloured pixels.
        await input.fill('KV cache');
        await expect.poll(status).toContain('papers of');
        await w.page.waitForTimeout(150);
        const filtered = inkStats(decodePng(await w.page.screenshot({ clip })), [0xf6, 0xf6, 0xf3]);
        expect(filtered.colourful).toBeLessThan(unfiltered.colourful * 0.6);
        expect(filtered.colourful).toBeGreaterThan(20);
      }
    });
  }
});

describe('kind toggle and minimum papers', () => {
  for (const [device, options] of SIZES) {
    test(`${device}: papers only / concepts only / both, and the "shared by N papers" slider`, async () => {
      w = await openPage(browser, options);
      await openApp(w.page);
      await openFilters(w.page);
      const concepts = graph.nodes.filter((n) => n.attributes.kind === 'concept');
      const note = w.page.locator('#min-papers-note');
      await w.page.getByText('Papers', { exact: true }).click();
      await expect.poll(() => hashParam(w.page.url(), 'kind')).toBe('papers');
      await expect.poll(status).toBe(`${paperCount()} papers and 0 concepts shown.`);
      expect(await w.page.getByRole('slider').isDisabled()).toBe(true);
      await w.page.getByText('Concepts', { exact: true }).click();
      await expect.poll(status).toBe(`0 papers and ${concepts.length} concepts shown.`);
      await w.page.getByText('Both', { exact: true }).click();
      await expect.poll(() => hashParam(w.page.url(), 'kind')).toBeNull();
      // The slider by keyboard: two steps up from the lowest count.
      const slider = w.page.getByRole('slider', { name: /Concepts shared by at least/ });
      const lowest = Number(await slider.getAttribute('min'));
      await slider.focus();
      await w.page.keyboard.press('ArrowRight');
      await w.page.keyboard.press('ArrowRight');
      const min = lowest + 2;
      const kept = concepts.filter((c) => Number(c.attributes.papers) >= min).length;
      await expect.poll(() => note.innerText()).toBe(`${kept} concepts of ${concepts.length} shown.`);
      await expect.poll(() => hashParam(w.page.url(), 'min')).toBe(String(min));
      expect(await w.page.locator('#filters-toggle .badge').innerText()).toContain('1');
      await w.page.getByRole('button', { name: 'Reset filters' }).click();
      await expect.poll(() => note.innerText()).toBe(`${concepts.length} concepts of ${concepts.length} shown.`);
      await expect.poll(() => hashParam(w.page.url(), 'min')).toBeNull();
      // Escape closes the drawer and gives focus back to its button.
      await slider.focus();
      await w.page.keyboard.press('Escape');
      await expect.poll(() => w.page.locator('#filters').isHidden()).toBe(true);
      expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('filters-toggle');
    });
  }
});
