// Fetches the site's layout file (atlas.json; else a contract-v1 graph.json), checks it, and fetches the names part
// and text chunks on request; every failure becomes a readable message naming the file.
import { decodeLayout, ENCODE_DEFAULTS, encodeSite, LAYOUT_FILE, SiteFormatError, type DecodedLayout } from '../contract/compact.ts';

export type LoadResult = { ok: true; decoded: DecodedLayout } | { ok: false; title: string; details: string[]; hint: string };

const BUILD_HINT = 'Build the site with: npm run build (or npm start), or put a graph.json made by npm run build:graph next to this page.';
const MAX_DETAILS = 8;

type Fetched = { ok: true; data: unknown } | { ok: false; status: number | null; title: string; details: string[] };

async function fetchJson(url: string, fetchImpl: typeof fetch): Promise<Fetched> {
  let response: Response;
  try {
    // Same request as index.html's preload of atlas.json (so the browser reuses it); the files are revalidated.
    response = await fetchImpl(url, { credentials: 'same-origin', mode: 'cors' });
  } catch (error) {
    return { ok: false, status: null, title: 'The graph file could not be reached.', details: [`${url}: ${message(error)}`] };
  }
  if (!response.ok) {
    const what = response.status === 404 ? 'is missing' : `could not be loaded (HTTP ${response.status})`;
    return { ok: false, status: response.status, title: `The graph file ${what}.`, details: [`${url}: ${response.status} ${response.statusText}`.trim()] };
  }
  try {
    return { ok: true, data: JSON.parse(await response.text()) };
  } catch (error) {
    return { ok: false, status: response.status, title: 'The graph file is not valid JSON.', details: [`${url}: ${message(error)}`] };
  }
}

/** Loads `base`atlas.json; when there is none (404), a plain contract-v1 `base`graph.json. */
export async function loadSite(base = './', fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const layoutUrl = `${base}${LAYOUT_FILE}`;
  const layout = await fetchJson(layoutUrl, fetchImpl);
  if (layout.ok) {
    try {
      return { ok: true, decoded: decodeLayout(layout.data, LAYOUT_FILE) };
    } catch (error) {
      return formatError(error);
    }
  }
  if (layout.status !== 404) return { ...layout, ok: false, hint: BUILD_HINT };
  const graphUrl = `${base}graph.json`;
  const v1 = await fetchJson(graphUrl, fetchImpl);
  if (!v1.ok) return { ok: false, title: v1.title, details: v1.status === 404 ? [...layout.details, ...v1.details] : v1.details, hint: BUILD_HINT };
  // Only this fallback needs the full contract check: a separate chunk, not in the first load.
  const { validateGraph } = await import('../contract/validate.ts');
  const result = validateGraph(v1.data);
  if (!result.ok) {
    const more = result.errors.length > MAX_DETAILS ? [`…and ${result.errors.length - MAX_DETAILS} more`] : [];
    return {
      ok: false,
      title: 'The graph file does not match the format this app reads.',
      details: [...result.errors.slice(0, MAX_DETAILS).map((e) => `graph.json: ${e}`), ...more],
      hint: 'Rebuild it with the current build script, or check the file against src/contract/types.ts.',
    };
  }
  // A v1 file carries all its text: the same parts as the build makes, everything inline.
  return { ok: true, decoded: decodeLayout(encodeSite(result.graph, { ...ENCODE_DEFAULTS, inlineBytes: Infinity }).layout, 'graph.json') };
}

function formatError(error: unknown): LoadResult {
  if (error instanceof SiteFormatError)
    return {
      ok: false,
      title: 'The graph file does not match the format this app reads.',
      details: [error.message],
      hint: 'Rebuild the site with the current build script (npm run build).',
    };
  throw error;
}

/** Fetches one of the site's data files (names part, text chunk) as parsed JSON; throws an Error naming the file. */
export async function fetchPart(base: string, file: string, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const got = await fetchJson(`${base}${file}`, fetchImpl);
  if (!got.ok) throw new Error(`${got.title} ${got.details.join('; ')}`);
  return got.data;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
