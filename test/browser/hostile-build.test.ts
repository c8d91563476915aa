// Hostile corpus end to end: a graph built by the real pipeline (in this process) from titles, URLs and abstracts
// full of markup is served to the built app; every paper opens with its title as literal text, nothing injected runs
// or lands in the page, no javascript: link appears, crafted URL hashes inject nothing, and the CSP allows only the
// site's own scripts.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { serializeAtlas } from '../../scripts/pipeline/emit.ts';
import { decodeCorpus, readCorpus } from '../../scripts/pipeline/read.ts';
import { DEFAULTS } from '../../scripts/options.ts';
import type { PaperAttributes, SerializedAtlas } from '../../src/contract/types.ts';
import { validateGraph } from '../../src/contract/validate.ts';
import { launchBrowser, openPage, routeGraph, siteUrl, type Watched } from './browser.ts';

const FIXTURE = 'test/fixtures/hostile/xss.json';
/** Generous: other test runs may share the machine. */
const POLL = { timeout: 15_000 };

let browser: Browser;
let body: string;
let graph: SerializedAtlas;
let papers: Array<{ key: string; attributes: PaperAttributes }>;

beforeAll(async () => {
  const read = readCorpus(decodeCorpus(readFileSync(FIXTURE), FIXTURE), FIXTURE);
  const { atlas } = buildAtlas({ papers: read.papers, input: 'xss.json', format: read.format, skipped: read.skipped.length, options: { ...DEFAULTS } });
  body = serializeAtlas(atlas);
  const result = validateGraph(JSON.parse(body));
  if (!result.ok) throw new Error(`hostile graph is invalid: ${result.errors.join('; ')}`);
  graph = result.graph;
  papers = graph.nodes.flatMap((n) => (n.attributes.kind === 'paper' ? [{ key: n.key, attributes: n.attributes }] : []));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose data is the hostile graph (packed as the build packs it). */
async function hostilePage(): Promise<Watched> {
  const w = await openPage(browser);
  await routeGraph(w.page, body);
  return w;
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(siteUrl(hash));
  await page.waitForSelector('body.is-ready', { timeout: 20_000 });
}

const ACTIVE = 'img, script, svg, iframe, object, embed, frame, style, link, base, meta, video, audio, source';

/** What in the document could run or load something: active elements, on* attributes, non-http(s) links and sources. */
async function activeContent(page: Page): Promise<{ elements: string[]; handlers: string[]; badUrls: string[] }> {
  return page.evaluate((selector) => {
    const describe = (e: Element): string => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}[${[...e.attributes].map((a) => a.name).join(',')}]`;
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${describe(e)} ${a.name}`));
    const badUrls = all.flatMap((e) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']
        .map((name) => e.getAttribute(name))
        .filter((v): v is string => v !== null)
        .filter((v) => {
          const protocol = new URL(v, document.baseURI).protocol;
          return protocol !== 'http:' && protocol !== 'https:';
        })
        .map((v) => `${describe(e)} ${v}`),
    );
    return { elements: [...document.querySelectorAll(selector)].map(describe).sort(), handlers, badUrls };
  }, ACTIVE);
}

describe('a graph built from a hostile corpus', () => {
  test('keeps every title, URL and abstract exactly as written (the app must make them safe)', () => {
    const titles = papers.map((p) => p.attributes.title);
    expect(titles).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>']),
    );
    expect(papers.map((p) => p.attributes.url)).toContain('javascript:alert(1)');
    expect(papers.map((p) => p.key)).toContain('p:"><img src=x onerror=alert(11)>');
    expect(papers.some((p) => p.attributes.abstract.includes('</mark><img src=x onerror=alert(3)>'))).toBe(true);
    // The hostile papers share concepts, so their abstracts render with highlighted mentions and related papers.
    expect(papers.every((p) => p.attributes.related.length > 0)).toBe(true);
  });

  test('each paper opens by URL with its title as literal text, and nothing runs or is injected', async () => {
    const w = await hostilePage();
    await open(w.page, '');
    const own = await activeContent(w.page);
    expect(own.handlers).toEqual([]);
    expect(own.badUrls).toEqual([]);
    const panel = w.page.locator('aside#panel');
    for (const paper of papers) {
      await open(w.page, `#node=${encodeURIComponent(paper.key)}`);
      await expect.poll(() => panel.locator('h2').innerText(), POLL).toBe(paper.attributes.title);
      const text = await panel.innerText();
      // The abstract's markup is shown as text, mentions are still highlighted around it.
      for (const piece of paper.attributes.abstract.match(/<\/?[a-z][^>]*>/gi) ?? []) expect(text).toContain(piece);
      expect(await panel.locator('mark.mention').count()).toBeGreaterThan(0);
      expect(await panel.locator(ACTIVE).count()).toBe(0);
      expect(await panel.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol))).toEqual(
        expect.not.arrayContaining(['javascript:', 'data:', 'vbscript:']),
      );
      // Hover the related papers and mentions too: that is where on* handlers would fire.
      for (const button of (await panel.locator('button[data-node]').all()).slice(0, 6)) await button.hover();
      const now = await activeContent(w.page);
      expect(now.elements).toEqual(own.elements);
      expect(now.handlers).toEqual([]);
      expect(now.badUrls).toEqual([]);
    }
    const safe = papers.find((p) => p.attributes.url?.startsWith('https://'));
    await open(w.page, `#node=${encodeURIComponent(safe!.key)}`);
    await expect.poll(() => panel.locator('a.paper-link').getAttribute('href'), POLL).toBe('https://example.org/paper?q=%3Cscript%3E');
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.close();
  }, 120_000);

  test('clicking through related papers and concepts keeps the hostile text inert', async () => {
    const w = await hostilePage();
    const first = papers.find((p) => p.attributes.title === '<script>alert(1)</script>')!;
    await open(w.page, `#node=${encodeURIComponent(first.key)}`);
    const panel = w.page.locator('aside#panel');
    await expect.poll(() => panel.locator('h2').innerText(), POLL).toBe('<script>alert(1)</script>');
    await panel.locator('.related-title').first().click();
    await expect.poll(() => panel.locator('h2').innerText(), POLL).not.toBe('<script>alert(1)</script>');
    await panel.locator('mark.mention button, .chip').first().click();
    await expect.poll(() => panel.locator('.kind').first().innerText(), POLL).toMatch(/concept/i);
    expect(await panel.locator(ACTIVE).count()).toBe(0);
    expect((await activeContent(w.page)).handlers).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.close();
  }, 60_000);
});

describe('crafted URL hashes', () => {
  test.each([
    ['a node key that is markup', '#node=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
    ['a node key that closes an attribute', '#node=%22%3E%3Csvg%20onload%3Dalert(1)%3E'],
    ['a search that is markup', '#q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
    ['a filter that is markup', '#f=%3Cscript%3Ealert(1)%3C%2Fscript%3E&hide=%3Cb%3E&min=%3Ci%3E'],
    ['a javascript: camera', '#cam=javascript:alert(1)&node=javascript:alert(1)'],
    ['a malformed escape', '#node=%E0%A4%A&q=%'],
  ])('%s injects nothing', async (_, hash) => {
    const w = await hostilePage();
    await open(w.page, '');
    const own = await activeContent(w.page);
    await open(w.page, hash);
    await w.page.waitForTimeout(300);
    const now = await activeContent(w.page);
    expect(now.elements).toEqual(own.elements);
    expect(now.handlers).toEqual([]);
    expect(now.badUrls).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

describe('Content-Security-Policy', () => {
  test('the served page allows only its own scripts: script-src \'self\', nothing inline', async () => {
    const w = await hostilePage();
    await open(w.page, '');
    const policy = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).not.toBeNull();
    const directives = new Map(
      (policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values]),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.filter((s) => s !== "'self'")).toEqual([]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // The built page itself has no inline script (it would be blocked) and loads scripts only from its own origin.
    const scripts = await w.page.locator('script').evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(new URL(src).origin).toBe(new URL(siteUrl()).origin);
    await w.close();
  });

  test('an inline script or handler injected into the page is blocked by the policy', async () => {
    const w = await hostilePage();
    await open(w.page, '');
    const outcome = await w.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1;';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
      img.setAttribute('onload', 'window.__pwned = 2;');
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      return { pwned: (window as unknown as { __pwned?: number }).__pwned ?? null, violations };
    });
    expect(outcome.pwned).toBeNull();
    expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
    expect(outcome.violations.every((v) => v.startsWith('script-src'))).toBe(true);
    expect(w.dialogs).toEqual([]);
    await w.close();
  });
});
