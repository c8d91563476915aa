// Browser tests of layout, themes and accessibility: phone bottom sheet, light/dark screenshots, axe-core audit.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, fetchGraph, launchBrowser, openApp, openPage, PHONE, runAxe, screenshotPath, type SiteGraph } from './browser.ts';
import { decodePng } from './png.ts';

let browser: Browser;
let graph: SiteGraph;
let paperKey = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const probe = await openPage(browser);
  graph = await fetchGraph(probe.page);
  await probe.close();
  // A well-connected paper with related papers makes the most telling selected-state screenshots.
  const paper = graph.nodes
    .filter((n) => n.attributes.kind === 'paper' && (n.attributes.related ?? []).length >= 3)
    .sort((a, b) => graph.edges.filter((e) => e.source === b.key).length - graph.edges.filter((e) => e.source === a.key).length)[0];
  paperKey = paper?.key ?? '';
});
afterAll(async () => {
  await browser?.close();
});

const hash = (key: string): string => `#node=${encodeURIComponent(key)}`;

/** Mean brightness (0–255) of a screenshot region. */
function brightness(png: Buffer): number {
  const { data } = decodePng(png);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
  return sum / (data.length / 4);
}

describe('phone', () => {
  test('the panel is a bottom sheet inside the viewport; header and search fit', async () => {
    const w = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await openApp(w.page, hash(paperKey));
    const panel = await w.page.locator('aside#panel').boundingBox();
    const header = await w.page.locator('header').boundingBox();
    if (!panel || !header) throw new Error('panel or header not visible');
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.width).toBeCloseTo(PHONE.width, 0);
    expect(panel.y + panel.height).toBeLessThanOrEqual(PHONE.height + 1);
    expect(panel.y).toBeGreaterThan(PHONE.height * 0.3);
    expect(header.x).toBeGreaterThanOrEqual(0);
    expect(header.x + header.width).toBeLessThanOrEqual(PHONE.width);
    // Nothing wider than the screen: no horizontal scrolling anywhere.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await w.page.evaluate(() => document.querySelector('aside')!.scrollWidth <= document.querySelector('aside')!.clientWidth)).toBe(true);
    // The close button works by touch; the camera had put the selection mid-way between header and sheet,
    // so tapping there selects it again (sigma's touch handling).
    await w.page.waitForTimeout(900);
    const spot = { x: PHONE.width / 2, y: (header.y + header.height + panel.y) / 2 };
    await w.page.getByRole('button', { name: 'Close panel' }).tap();
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    await w.page.touchscreen.tap(spot.x, spot.y);
    await expect.poll(() => w.page.locator('aside#panel h2').isVisible()).toBe(true);
    expect(new URL(w.page.url()).hash).toBe(hash(paperKey));
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

describe('themes and screenshots', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      test(`${device} ${colorScheme}`, async () => {
        const w = await openPage(browser, { viewport, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
        await openApp(w.page);
        await w.page.waitForTimeout(500);
        const overview = await w.page.screenshot({ path: screenshotPath(`${device}-${colorScheme}`) });
        const light = brightness(overview) > 128;
        expect(light).toBe(colorScheme === 'light');
        await w.page.goto(w.page.url().split('#')[0] + hash(paperKey));
        await w.page.locator('aside#panel h2').waitFor();
        await w.page.waitForTimeout(900);
        await w.page.screenshot({ path: screenshotPath(`${device}-${colorScheme}-selected`) });
        if (device === 'desktop') {
          const input = w.page.getByRole('combobox', { name: 'Search papers and concepts' });
          await input.fill('quant');
          await w.page.getByRole('listbox').waitFor();
          await w.page.screenshot({ path: screenshotPath(`${device}-${colorScheme}-search`) });
        }
        expect(w.errors).toEqual([]);
        expect(w.foreign).toEqual([]);
        await w.close();
        if (device === 'desktop' && colorScheme === 'light') {
          mkdirSync(resolve(import.meta.dirname, '../../docs'), { recursive: true });
          copyFileSync(screenshotPath('desktop-light-selected'), resolve(import.meta.dirname, '../../docs/screenshot.png'));
        }
      });
    }
  }

  test('switching the colour scheme live re-themes the page and the map labels', async () => {
    const w = await openPage(browser, { colorScheme: 'light' });
    await openApp(w.page, hash(paperKey));
    await w.page.waitForTimeout(800);
    const clip = { x: 0, y: 0, width: 900, height: 900 };
    const before = brightness(await w.page.screenshot({ clip }));
    await w.page.emulateMedia({ colorScheme: 'dark' });
    await w.page.waitForTimeout(300);
    const after = brightness(await w.page.screenshot({ clip }));
    expect(before).toBeGreaterThan(180);
    expect(after).toBeLessThan(70);
    const label = await w.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--map-label').trim());
    expect(label).toBe('#eceef2');
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

describe('accessibility (axe-core)', () => {
  const serious = (v: { impact: string | null }): boolean => v.impact === 'serious' || v.impact === 'critical';

  for (const [name, viewport, colorScheme] of [
    ['desktop light', DESKTOP, 'light'],
    ['desktop dark', DESKTOP, 'dark'],
    ['phone light', PHONE, 'light'],
  ] as const) {
    test(`no serious or critical violations: ${name}, overview, open panel and search results`, async () => {
      const w = await openPage(browser, { viewport, colorScheme });
      await openApp(w.page);
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      await w.page.goto(w.page.url().split('#')[0] + hash(paperKey));
      await w.page.locator('aside#panel h2').waitFor();
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      const concept = graph.nodes.find((n) => n.attributes.kind === 'concept' && Number(n.attributes.papers) > 3);
      if (concept) {
        await w.page.goto(w.page.url().split('#')[0] + hash(concept.key));
        await expect.poll(() => w.page.locator('aside#panel h2').innerText()).toBe(concept.attributes.label);
        expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      }
      await w.page.getByRole('combobox', { name: 'Search papers and concepts' }).fill('cache');
      await w.page.getByRole('listbox').waitFor();
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.close();
    });
  }
});
