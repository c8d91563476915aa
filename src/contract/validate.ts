// Runtime validator for the graph file contract: the app runs it once after loading, tests run it on every build.
import { SCHEMA_VERSION, type SerializedAtlas } from './types.ts';

export type ValidationResult = { ok: true; graph: SerializedAtlas } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isSpans = (v: unknown): boolean =>
  Array.isArray(v) && v.every((s) => Array.isArray(s) && s.length === 2 && isFiniteNum(s[0]) && isFiniteNum(s[1]) && s[0] <= s[1]);

/** Checks a parsed JSON value against contract v1; never throws. */
export function validateGraph(data: unknown): ValidationResult {
  const errors: string[] = [];
  const fail = (msg: string): void => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };

  if (!isObj(data)) return { ok: false, errors: ['the graph file is not a JSON object'] };
  const attrs = data.attributes;
  if (!isObj(attrs)) return { ok: false, errors: ['missing graph "attributes"'] };
  if (attrs.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [`unsupported schemaVersion ${JSON.stringify(attrs.schemaVersion)} (this app reads version ${SCHEMA_VERSION})`],
    };
  }
  const clusterIds = new Set<number>();
  if (!Array.isArray(attrs.clusters)) fail('graph attribute "clusters" must be an array');
  else
    attrs.clusters.forEach((c, i) => {
      if (!isObj(c) || !isFiniteNum(c.id) || !isStr(c.label) || !isStr(c.color) || !isFiniteNum(c.size) || !isStrArray(c.top))
        fail(`cluster #${i} needs id, label, color, size and top`);
      else clusterIds.add(c.id);
    });
  if (!isObj(attrs.build)) fail('graph attribute "build" is missing');
  if (!Array.isArray(data.nodes)) return { ok: false, errors: [...errors, '"nodes" must be an array'] };
  if (!Array.isArray(data.edges)) return { ok: false, errors: [...errors, '"edges" must be an array'] };

  const kinds = new Map<string, string>();
  for (const [i, n] of data.nodes.entries()) {
    if (!isObj(n) || !isStr(n.key) || !isObj(n.attributes)) {
      fail(`node #${i} needs a string key and attributes`);
      continue;
    }
    const a = n.attributes;
    const where = `node "${n.key}"`;
    if (kinds.has(n.key)) fail(`${where} appears twice`);
    if (!isStr(a.label) || !isFiniteNum(a.x) || !isFiniteNum(a.y) || !isFiniteNum(a.size) || !isStr(a.color))
      fail(`${where} needs label, finite x/y/size and color`);
    if (!isFiniteNum(a.cluster) || (clusterIds.size > 0 && !clusterIds.has(a.cluster)))
      fail(`${where} has an unknown cluster ${String(a.cluster)}`);
    if (a.kind === 'paper') {
      if (!isStr(a.title) || !isStr(a.abstract)) fail(`${where} needs title and abstract`);
      if (!Array.isArray(a.related)) fail(`${where} needs a related list`);
      if (!isStrArray(a.terms)) fail(`${where} needs terms`);
      if (a.url !== undefined && !isStr(a.url)) fail(`${where} has a non-string url`);
    } else if (a.kind === 'concept') {
      if (!isStrArray(a.aliases)) fail(`${where} needs aliases`);
      if (!isStr(a.conceptType)) fail(`${where} needs a conceptType`);
      if (!isFiniteNum(a.papers)) fail(`${where} needs a papers count`);
    } else {
      fail(`${where} has unknown kind ${JSON.stringify(a.kind)}`);
      continue;
    }
    kinds.set(n.key, a.kind);
  }

  for (const n of data.nodes) {
    if (!isObj(n) || !isObj(n.attributes) || n.attributes.kind !== 'paper' || !Array.isArray(n.attributes.related)) continue;
    for (const r of n.attributes.related) {
      if (!isObj(r) || !isStr(r.key) || !isFiniteNum(r.score) || !isStrArray(r.shared)) {
        fail(`node "${String(n.key)}" has a malformed related entry`);
      } else if (kinds.get(r.key) !== 'paper') fail(`node "${String(n.key)}" is related to a missing paper "${r.key}"`);
      else if (r.shared.some((k) => kinds.get(k) !== 'concept')) fail(`node "${String(n.key)}" shares a missing concept`);
    }
  }

  const edgeKeys = new Set<string>();
  for (const [i, e] of data.edges.entries()) {
    if (!isObj(e) || !isStr(e.key) || !isStr(e.source) || !isStr(e.target) || !isObj(e.attributes)) {
      fail(`edge #${i} needs key, source, target and attributes`);
      continue;
    }
    if (edgeKeys.has(e.key)) fail(`edge "${e.key}" appears twice`);
    edgeKeys.add(e.key);
    if (!kinds.has(e.source) || !kinds.has(e.target)) {
      fail(`edge "${e.key}" points to a missing node (dangling edge)`);
      continue;
    }
    const a = e.attributes;
    if (a.kind === 'mentions') {
      if (kinds.get(e.source) !== 'paper' || kinds.get(e.target) !== 'concept')
        fail(`edge "${e.key}" must go from a paper to a concept`);
      if (!isFiniteNum(a.weight) || !isSpans(a.titleSpans) || !isSpans(a.abstractSpans))
        fail(`edge "${e.key}" needs weight, titleSpans and abstractSpans`);
    } else fail(`edge "${e.key}" has unknown kind ${JSON.stringify(a.kind)}`);
  }

  return errors.length ? { ok: false, errors } : { ok: true, graph: data as unknown as SerializedAtlas };
}
