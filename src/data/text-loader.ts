// What follows the map: the names part, the links and the text chunks of a compact site (src/contract/compact.ts),
// fetched when asked (a panel opens, an export runs) or in the background, merged into the atlas as they arrive.
import { decodeLinks, namesPatches, textPatches, type DecodedLayout } from '../contract/compact.ts';
import { absorb, type Atlas, type TextState } from './atlas.ts';

export type FetchPart = (file: string) => Promise<unknown>;

/** A TextState for `decoded`; `attach` gives it the atlas to merge into (the atlas is created with it). */
export function createTextLoader(decoded: DecodedLayout, fetchPart: FetchPart): TextState & { attach(atlas: Atlas): void } {
  const { layout } = decoded;
  const nodeKeys = layout.keys;
  const paperOrdinal = new Map<string, number>(decoded.paperNodes.map((node, p) => [nodeKeys[node]!, p]));
  const listeners = new Set<(papers: readonly string[]) => void>();
  const inline = 'inline' in layout.text;
  const chunkOf: readonly number[] = 'files' in layout.text ? layout.text.chunk : [];
  const files: readonly string[] = 'files' in layout.text ? layout.text.files : [];
  const chunks = new Map<number, Promise<void>>();
  const loadedChunks = new Set<number>();
  let loadedPapers = 0;
  let atlas: Atlas | null = null;
  let namesPromise: Promise<void> | null = null;
  let linksPromise: Promise<void> | null = null;
  const state = { namesReady: false, linksReady: decoded.linksFile === null };

  const notify = (papers: readonly string[]): void => {
    for (const l of [...listeners]) l(papers);
  };
  const merge = (patches: ReturnType<typeof textPatches>): void => {
    if (!atlas) throw new Error('text loader used before attach()');
    absorb(decoded, patches);
  };

  const names = (): Promise<void> => {
    namesPromise ??= (async () => {
      const file = typeof layout.names === 'string' ? layout.names : 'atlas.json (names)';
      const raw = typeof layout.names === 'string' ? await fetchPart(layout.names) : layout.names;
      merge(namesPatches(decoded, raw, file));
      state.namesReady = true;
      notify([]);
    })();
    return namesPromise;
  };

  const links = (): Promise<void> => {
    linksPromise ??= (async () => {
      const file = decoded.linksFile;
      if (file === null) return;
      decodeLinks(decoded, await fetchPart(file), file);
      state.linksReady = true;
      notify([]);
    })();
    return linksPromise;
  };

  const chunk = (i: number): Promise<void> => {
    let p = chunks.get(i);
    if (!p) {
      const file = files[i];
      p = (async () => {
        if (file === undefined) throw new Error(`no text chunk #${i}`);
        // A chunk's mention spans are matched to the links.
        const [raw] = await Promise.all([fetchPart(file), links()]);
        const patches = textPatches(decoded, raw, file);
        merge(patches);
        loadedChunks.add(i);
        loadedPapers += patches.nodes.length;
        notify(patches.nodes.map(([node]) => nodeKeys[node]!));
      })();
      // A failed fetch can be tried again later.
      p.catch(() => chunks.delete(i));
      chunks.set(i, p);
    }
    return p;
  };

  return {
    get namesReady() {
      return state.namesReady;
    },
    get linksReady() {
      return state.linksReady;
    },
    attach(a) {
      atlas = a;
      if (inline && 'inline' in layout.text) {
        // Everything came in the layout file: merge at once.
        merge(namesPatches(decoded, layout.names, 'atlas.json (names)'));
        merge(textPatches(decoded, layout.text.inline, 'atlas.json (text)'));
        state.namesReady = true;
        namesPromise = Promise.resolve();
        loadedPapers = paperOrdinal.size;
      }
    },
    hasText(paper) {
      if (inline) return true;
      const p = paperOrdinal.get(paper);
      return p !== undefined && loadedChunks.has(chunkOf[p] ?? -1);
    },
    progress: () => ({ loaded: loadedPapers, total: paperOrdinal.size }),
    names,
    links,
    async ensure(papers) {
      if (inline) return;
      const needed = new Set<number>();
      for (const key of papers) {
        const p = paperOrdinal.get(key);
        if (p !== undefined && !loadedChunks.has(chunkOf[p] ?? -1)) needed.add(chunkOf[p] ?? -1);
      }
      await Promise.all([...needed].map(chunk));
    },
    async loadAll() {
      if (inline) return;
      // One chunk at a time, in idle moments: the page stays responsive and an opened panel's chunk is not queued
      // behind all the rest.
      for (let i = 0; i < files.length; i++) {
        await idle();
        await chunk(i);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Resolves when the browser is idle (or after a short while). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 16);
  });
}
