// Browser tests of layout, themes and accessibility: phone bottom sheet, light/dark screenshots, axe-core audit.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, fetchGraph, hashParam, launchBrowser, nodeInUrl, openApp, openPage, PHONE, runAxe, screenshotPath, type SiteGraph } from './browser.ts';
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
  test('the bottom sheet grows when its grip is tapped and closes when the grip is dragged down', async () => {
    const w = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await openApp(w.page, hash(paperKey));
    const panel = w.page.locator('aside#panel');
    const grip = w.page.locator('aside#panel .panel-grip');
    const before = await panel.boundingBox();
    await grip.tap();
    await expect.poll(async () => (await panel.boundingBox())?.height ?? 0).toBeGreaterThan((before?.height ?? 0) + 20);
    const box = await grip.boundingBox();
    if (!box) throw new Error('no grip');
    // A finger's drag, as the pointer events it makes.
    const at = (dy: number) => ({ pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 + dy, bubbles: true });
    await grip.dispatchEvent('pointerdown', at(0));
    for (const dy of [30, 90, 160]) await grip.dispatchEvent('pointermove', at(dy));
    await grip.dispatchEvent('pointerup', at(160));
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(nodeInUrl(w.page.url())).toBeNull();
    expect(w.errors).toEqual([]);
    await w.close();
  });

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
    expect(nodeInUrl(w.page.url())).toBe(paperKey);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

describe('panel', () => {
  test('once scrolled, a strip with the title hides the text passing under the close button', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 600 } });
    await openApp(w.page, hash(paperKey));
    const title = (await w.page.locator('aside#panel h2').textContent()) ?? '';
    const shade = w.page.locator('aside#panel .panel-shade');
    const visible = (): Promise<string> => shade.evaluate((e) => getComputedStyle(e).visibility);
    expect(await visible()).toBe('hidden');
    await w.page.locator('aside#panel').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await expect.poll(visible).toBe('visible');
    expect(await shade.textContent()).toBe(title);
    // The strip sits under the close button, which still works.
    const strip = await shade.boundingBox();
    const button = await w.page.getByRole('button', { name: 'Close panel' }).boundingBox();
    expect(strip && button && button.y >= strip.y && button.y + button.height <= strip.y + strip.height).toBe(true);
    await w.page.locator('aside#panel').evaluate((e) => e.scrollTo(0, 0));
    await expect.poll(visible).toBe('hidden');
    await w.page.getByRole('button', { name: 'Close panel' }).click();
    await expect.poll(() => w.page.locator('aside#panel').isHidden()).toBe(true);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

describe('touch', () => {
  test('phone: one finger pans the map, two fingers pinch-zoom it (real touch events)', async () => {
    const w = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await openApp(w.page);
    const cdp = await w.page.context().newCDPSession(w.page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    };
    /** The camera in the URL once it differs from `previous` (the URL follows the camera a moment later). */
    const camera = async (previous: string): Promise<number[]> => {
      await expect.poll(() => hashParam(w.page.url(), 'cam') ?? '0.5,0.5,1', { timeout: 6000 }).not.toBe(previous);
      await w.page.waitForTimeout(400); // inertia settles
      return (hashParam(w.page.url(), 'cam') ?? '').split(',').map(Number);
    };
    await touch('touchStart', [{ x: 195, y: 620 }]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [{ x: 195 - i * 10, y: 620 - i * 25 }]);
    await touch('touchEnd', []);
    const panned = await camera('0.5,0.5,1');
    expect(panned[1]).not.toBe(0.5);
    expect(panned[2]).toBe(1);
    await touch('touchStart', [{ x: 160, y: 560 }, { x: 230, y: 560 }]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [{ x: 160 - i * 12, y: 560 }, { x: 230 + i * 12, y: 560 }]);
    await touch('touchEnd', []);
    const zoomed = await camera(panned.join(','));
    expect(zoomed[2]).toBeLessThan(0.8);
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
        // README's picture is refreshed on request only, so a test run leaves the work tree as it found it.
        if (device === 'desktop' && colorScheme === 'light' && process.env.UPDATE_SCREENSHOT === '1') {
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
      await w.page.keyboard.press('Escape');
      await w.page.keyboard.press('Escape');
      // The new UI: Filters drawer (with an inline error and a suggestion), list view with a topic open, Export menu.
      await w.page.getByRole('button', { name: /^Filters/ }).click();
      await w.page.getByRole('textbox', { name: 'Concept filter' }).fill('quantizaton AND');
      await w.page.getByRole('textbox', { name: 'Concept filter' }).fill('quantizaton');
      await w.page.getByRole('button', { name: /^use “/ }).waitFor();
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      await w.page.getByRole('button', { name: /^Filters/ }).click();
      await w.page.getByRole('button', { name: 'List view' }).click();
      await w.page.locator('#list-view summary').first().click();
      await w.page.locator('#list-view .tree-concept-papers summary').first().click();
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      await w.page.getByRole('button', { name: 'Export' }).click();
      await w.page.getByRole('group', { name: 'Export' }).waitFor();
      expect((await runAxe(w.page)).filter(serious)).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.close();
    });
  }
});
