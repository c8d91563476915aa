// Derives the site's data files (src/contract/compact.ts: layout, names, text chunks) from a contract-v1 graph file.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeSite, LAYOUT_FILE, siteFiles } from '../src/contract/compact.ts';
import type { SerializedAtlas } from '../src/contract/types.ts';
import { validateGraph } from '../src/contract/validate.ts';
import { CorpusError } from './pipeline/read.ts';

export interface SiteDataStats {
  files: number;
  nodes: number;
  /** gzip bytes of the layout file (what the first frame of a big map waits for). */
  layoutGzip: number;
  /** gzip bytes of the layout columns and links (without text): the per-node cost of the map itself. */
  columnsGzip: number;
  /** Text chunk files. */
  chunks: number;
  /** gzip bytes of every data file together. */
  totalGzip: number;
  inline: boolean;
}

/** Old data files in `dir` (a previous build's layout, names, chunks, or a graph.json copied from public/). */
export function removeSiteData(dir: string, keepGraph = false): void {
  for (const f of [LAYOUT_FILE, 'atlas-names.json', ...(keepGraph ? [] : ['graph.json'])]) rmSync(join(dir, f), { force: true });
  rmSync(join(dir, 'text'), { recursive: true, force: true });
}

/** Reads the v1 graph at `graphFile` and checks it against the contract; a CorpusError (one clear line) if it fails. */
export function readSiteGraph(graphFile: string): SerializedAtlas {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(graphFile, 'utf8'));
  } catch (e) {
    throw new CorpusError(graphFile, 1, `not a readable JSON graph file (${(e as Error).message})`);
  }
  const result = validateGraph(data);
  if (!result.ok) throw new CorpusError(graphFile, 1, `not a contract-v1 graph file: ${result.errors.slice(0, 3).join('; ')}`);
  return result.graph;
}

/**
 * Writes the site's data files for `graph` (or the graph file at that path) into `dir`, replacing an earlier build's.
 * `keepGraph`: leave a graph.json in `dir` (npm start writes the graph file into public/ itself).
 */
export function writeSiteData(graph: string | SerializedAtlas, dir: string, options: { keepGraph?: boolean } = {}): SiteDataStats {
  const data = typeof graph === 'string' ? readSiteGraph(graph) : graph;
  const parts = encodeSite(data);
  removeSiteData(dir, options.keepGraph);
  let totalGzip = 0;
  let layoutGzip = 0;
  const files = siteFiles(parts);
  for (const [name, text] of files) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const gz = gzipSync(text).length;
    totalGzip += gz;
    if (name === LAYOUT_FILE) layoutGzip = gz;
  }
  const columns = JSON.stringify({ ...parts.layout, edges: parts.links ?? parts.layout.edges, names: '', text: { files: [], chunk: [] } });
  return { files: files.size, nodes: data.nodes.length, layoutGzip, columnsGzip: gzipSync(columns).length, chunks: parts.chunks.length, totalGzip, inline: parts.chunks.length === 0 };
}

export function describeSiteData(s: SiteDataStats): string {
  const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
  const perNode = (s.columnsGzip / Math.max(1, s.nodes)).toFixed(1);
  return `site data: ${LAYOUT_FILE} ${kb(s.layoutGzip)} gzip (layout ${perNode} B/node)` +
    (s.inline ? ', text inline (one request)' : `, links, names + ${s.chunks} text chunks loaded after the first frame; ${kb(s.totalGzip)} gzip in all`);
}
