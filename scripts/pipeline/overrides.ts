// User control over concepts: an optional overrides file (data/concepts.json) that merges, renames, blocks, keeps
// and adds aliases to concepts. Parsed strictly (errors name the file and line), applied to the candidates.
import { fold } from '../../src/shared/fold.ts';
import { singular } from './extract/lexicon.ts';
import { CorpusError } from './read.ts';
import type { Candidate } from './vocabulary.ts';

export interface Overrides {
  /** Never concepts, whatever the statistics say. */
  block: string[];
  /** Concepts even if the filters would drop them (still at least one paper). */
  keep: string[];
  /** Each group becomes one concept, named by its first entry's concept. */
  merge: string[][];
  /** Concept → display label. */
  rename: Array<[string, string]>;
  /** Concept → extra aliases (shown and searchable). */
  alias: Array<[string, string[]]>;
}

export const NO_OVERRIDES: Overrides = { block: [], keep: [], merge: [], rename: [], alias: [] };

const KNOWN = new Set(['block', 'keep', 'merge', 'rename', 'alias']);

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(`"${needle}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses an overrides file; throws CorpusError naming the file and line of the first problem. */
export function parseOverrides(text: string, file: string): Overrides {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = pos === undefined ? 1 : text.slice(0, Number(pos)).split('\n').length;
    throw new CorpusError(file, line, `invalid JSON (${(e as Error).message})`);
  }
  if (!isRecord(data)) throw new CorpusError(file, 1, 'expected an object with "block", "keep", "merge", "rename" and/or "alias"');
  const fail = (key: string, what: string): never => {
    throw new CorpusError(file, lineOf(text, key), `"${key}" ${what}`);
  };
  for (const key of Object.keys(data)) if (!KNOWN.has(key)) fail(key, 'is not an overrides key (use block, keep, merge, rename, alias)');
  const out: Overrides = { block: [], keep: [], merge: [], rename: [], alias: [] };
  if (Object.hasOwn(data, 'block')) out.block = isStrings(data.block) ? data.block : fail('block', 'must be an array of concept names');
  if (Object.hasOwn(data, 'keep')) out.keep = isStrings(data.keep) ? data.keep : fail('keep', 'must be an array of concept names');
  if (Object.hasOwn(data, 'merge')) {
    const m = data.merge;
    out.merge = Array.isArray(m) && m.every((g) => isStrings(g) && g.length >= 2) ? (m as string[][]) : fail('merge', 'must be an array of groups of two or more names');
  }
  if (Object.hasOwn(data, 'rename')) {
    const r = data.rename;
    if (!isRecord(r) || !Object.values(r).every((v) => typeof v === 'string' && v.trim() !== '')) fail('rename', 'must map concept names to new labels');
    out.rename = Object.entries(r as Record<string, string>);
  }
  if (Object.hasOwn(data, 'alias')) {
    const a = data.alias;
    if (!isRecord(a) || !Object.values(a).every(isStrings)) fail('alias', 'must map concept names to arrays of aliases');
    out.alias = Object.entries(a as Record<string, string[]>);
  }
  return out;
}

/** A user-written name as a canonical id would spell it: folded, last word singular. */
function norm(s: string): string {
  const words = fold(s).split(' ');
  words[words.length - 1] = singular(words[words.length - 1] ?? '');
  return words.join(' ');
}

/**
 * Whether a candidate id is named in the overrides (by its canonical spelling): such candidates are gathered whatever
 * their paper count, so a name can keep, merge or block a candidate of one paper.
 */
export function namedIn(overrides: Overrides): (id: string) => boolean {
  const names = new Set<string>();
  const add = (name: string): void => void names.add(norm(name)).add(fold(name));
  overrides.block.forEach(add);
  overrides.keep.forEach(add);
  overrides.merge.forEach((group) => group.forEach(add));
  overrides.rename.forEach(([name]) => add(name));
  overrides.alias.forEach(([name]) => add(name));
  return (id) => names.has(id);
}

/** The candidate a user-written name refers to: by canonical id, or by any surface form written in the corpus. */
export function candidateIndex(candidates: Map<string, Candidate>): (name: string) => string | undefined {
  const index = new Map<string, string>();
  const byDf = [...candidates.values()].sort((a, b) => b.byPaper.size - a.byPaper.size || (a.id < b.id ? -1 : 1));
  for (const c of byDf) if (!index.has(c.id)) index.set(c.id, c.id);
  for (const c of byDf)
    for (const list of c.byPaper.values())
      for (const o of list) {
        const k = norm(o.surface);
        if (!index.has(k)) index.set(k, c.id);
      }
  return (name) => index.get(norm(name)) ?? index.get(fold(name));
}

export interface AppliedOverrides {
  blocked: Set<string>;
  kept: Set<string>;
  labels: Map<string, string>;
  aliases: Map<string, string[]>;
  /** Names that matched no candidate, to print. */
  unknown: string[];
}

/** Adds the occurrences of `other` to `target`'s, paper by paper. */
export function mergeInto(target: Candidate, other: Candidate): void {
  for (const [paper, list] of other.byPaper) target.byPaper.set(paper, [...(target.byPaper.get(paper) ?? []), ...list]);
  for (const [paper, list] of other.derived) target.derived.set(paper, [...(target.derived.get(paper) ?? []), ...list]);
  target.technical ||= other.technical;
}

/** Merges candidate groups in place and resolves the other overrides to candidate ids. */
export function applyOverrides(candidates: Map<string, Candidate>, overrides: Overrides): AppliedOverrides {
  // Indexing every surface form of every candidate takes a while on a big corpus: only done when a name is asked for.
  let find: ((name: string) => string | undefined) | undefined;
  const unknown: string[] = [];
  const resolve = (name: string): string | undefined => {
    find ??= candidateIndex(candidates);
    const id = find(name);
    if (id === undefined || !candidates.has(id)) unknown.push(name);
    return id !== undefined && candidates.has(id) ? id : undefined;
  };
  for (const group of overrides.merge) {
    const ids = group.map(resolve).filter((id): id is string => id !== undefined);
    const target = candidates.get(ids[0] ?? '');
    if (!target) continue;
    for (const id of ids.slice(1)) {
      const other = candidates.get(id);
      if (!other || other === target) continue;
      mergeInto(target, other);
      candidates.delete(id);
    }
  }
  const ids = (names: string[]): Set<string> => new Set(names.map(resolve).filter((id): id is string => id !== undefined));
  const labels = new Map<string, string>();
  for (const [name, label] of overrides.rename) {
    const id = resolve(name);
    if (id !== undefined) labels.set(id, label.trim());
  }
  const aliases = new Map<string, string[]>();
  for (const [name, extra] of overrides.alias) {
    const id = resolve(name);
    if (id !== undefined) aliases.set(id, [...(aliases.get(id) ?? []), ...extra.map((a) => a.trim())]);
  }
  return { blocked: ids(overrides.block), kept: ids(overrides.keep), labels, aliases, unknown };
}
