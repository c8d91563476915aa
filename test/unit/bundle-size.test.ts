// The first load's JavaScript — the entry chunk and every chunk it imports statically, not the ones loaded with
// import() after the first frame — stays within budget (gzip), measured on a real production build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUDGET = 60 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

let dir: string;
let manifest: Record<string, ManifestChunk>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-bundle-'));
  await build({ logLevel: 'silent', build: { outDir: dir, emptyOutDir: true, manifest: true } });
  manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of the entry chunk and of its static imports, transitively. */
function initialFiles(): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
}

const gzipBytes = (file: string): number => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

describe('initial JavaScript', () => {
  it(`is at most ${BUDGET / 1024} KB gzip`, () => {
    const files = initialFiles();
    const total = files.reduce((sum, f) => sum + gzipBytes(f), 0);
    console.info(`initial JS: ${(total / 1024).toFixed(1)} KB gzip in ${files.join(', ')}`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('leaves the panel, search, filters, list view and export to chunks loaded after the first frame', () => {
    const initial = new Set(initialFiles());
    const lazy = Object.values(manifest).flatMap((c) => c.dynamicImports ?? []).map((k) => manifest[k]!.file);
    expect(lazy.length).toBeGreaterThan(0);
    for (const f of lazy) expect(initial.has(f)).toBe(false);
    // Text only the export and the list view use is in a lazy chunk, not in the first load.
    const text = (files: Iterable<string>): string => [...files].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const marker of ['concept-atlas.bib', 'Topics, concepts and papers', 'Concept filter']) {
      expect(text(initial)).not.toContain(marker);
      expect(text(lazy)).toContain(marker);
    }
  });
});
