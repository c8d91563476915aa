// The concept overrides file: strict parsing with file:line errors, and its effect on the seed's map.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { parseOverrides } from '../../scripts/pipeline/overrides.ts';
import { CorpusError } from '../../scripts/pipeline/read.ts';
import { buildSeed, view } from './seed-helpers.ts';

describe('parseOverrides', () => {
  it('reads every kind of override', () => {
    const o = parseOverrides('{"block":["vector"],"keep":["attention"],"merge":[["LLM","language model"]],"rename":{"INR":"neural fields"},"alias":{"KV cache":["KV$"]}}', 'c.json');
    expect(o).toEqual({ block: ['vector'], keep: ['attention'], merge: [['LLM', 'language model']], rename: [['INR', 'neural fields']], alias: [['KV cache', ['KV$']]] });
  });

  it('names the file and line of an unknown key or a wrong shape', () => {
    expect(() => parseOverrides('{\n  "block": ["a"],\n  "blok": []\n}', 'data/concepts.json')).toThrow(/^data\/concepts\.json:3: "blok" is not an overrides key/);
    expect(() => parseOverrides('{\n"merge": [["only one"]]\n}', 'c.json')).toThrow(/c\.json:2: "merge" must be an array of groups/);
    expect(() => parseOverrides('{"rename": {"a": 3}}', 'c.json')).toThrow(CorpusError);
    expect(() => parseOverrides('[1]', 'c.json')).toThrow(/c\.json:1: expected an object/);
  });

  it('reports invalid JSON as a CorpusError, not a crash', () => {
    expect(() => parseOverrides('{"block": [', 'c.json')).toThrow(CorpusError);
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const o = parseOverrides('{"rename": {"__proto__": "x", "constructor": "y"}}', 'c.json');
    expect(o.rename).toEqual([['__proto__', 'x'], ['constructor', 'y']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('overrides applied to the seed', () => {
  const base = view(buildSeed());
  const seed = view(
    buildSeed({}, {
      block: ['quantization error'],
      keep: ['attention'],
      merge: [['LLM', 'language modeling']],
      rename: [['INR', 'implicit neural representation (INR)']],
      alias: [],
    }),
  );

  it('blocks a concept the filters keep and keeps one they drop', () => {
    expect(base.concept('quantization error')).toBeDefined();
    expect(seed.concept('quantization error')).toBeUndefined();
    expect(base.concept('attention')).toBeUndefined();
    expect(seed.concept('attention')).toBeDefined();
  });

  it('merges two concepts into one linked to the papers of both', () => {
    const [llmKey] = base.concept('LLM')!;
    const [lmKey] = base.concept('language modeling')!;
    const union = new Set([...base.papersOf(llmKey), ...base.papersOf(lmKey)]);
    const [mergedKey, merged] = seed.concept('LLM')!;
    expect(seed.papersOf(mergedKey)).toEqual(union);
    expect(merged.aliases.map((a) => a.toLowerCase())).toContain('language modeling');
  });

  it('renames a concept and keeps its old label as an alias', () => {
    const [, inr] = seed.concept('implicit neural representation (INR)')!;
    expect(inr.label).toBe('implicit neural representation (INR)');
    expect(inr.aliases).toContain('INR');
  });
});

describe('overrides file next to the corpus', () => {
  it('is found and applied by build:graph without a flag', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-ov-')), 'g.json');
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/build-graph.ts', '--input', 'test/fixtures/overrides/papers.json', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/overrides from test\/fixtures\/overrides\/concepts\.json: 2 blocked/);
    expect(r.stderr).toMatch(/overrides: "no such concept" matches no concept candidate/);
    const g = JSON.parse(readFileSync(out, 'utf8')) as SerializedAtlas;
    const labels = g.nodes.filter((n) => n.attributes.kind === 'concept').map((n) => n.attributes.label);
    expect(labels).toContain('KV cache');
    expect(labels).not.toContain('INT4');
  });
});
