// Fetches, parses and validates graph.json; every failure becomes a readable message for the page.
import type { SerializedAtlas } from '../contract/types.ts';
import { validateGraph } from '../contract/validate.ts';

export type LoadResult =
  | { ok: true; data: SerializedAtlas }
  | { ok: false; title: string; details: string[]; hint: string };

const BUILD_HINT = 'Build it with: npm run build:graph -- --input data/trending-papers.txt --out public/graph.json';
const MAX_DETAILS = 8;

export async function loadGraph(url: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-cache' });
  } catch (error) {
    return { ok: false, title: 'The graph file could not be reached.', details: [message(error)], hint: BUILD_HINT };
  }
  if (!response.ok) {
    const what = response.status === 404 ? 'is missing' : `could not be loaded (HTTP ${response.status})`;
    return { ok: false, title: `The graph file ${what}.`, details: [`${url}: ${response.status} ${response.statusText}`.trim()], hint: BUILD_HINT };
  }
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (error) {
    return { ok: false, title: 'The graph file is not valid JSON.', details: [message(error)], hint: BUILD_HINT };
  }
  const result = validateGraph(data);
  if (!result.ok) {
    const more = result.errors.length > MAX_DETAILS ? [`…and ${result.errors.length - MAX_DETAILS} more`] : [];
    return {
      ok: false,
      title: 'The graph file does not match the format this app reads.',
      details: [...result.errors.slice(0, MAX_DETAILS), ...more],
      hint: 'Rebuild it with the current build script, or check the file against src/contract/types.ts.',
    };
  }
  return { ok: true, data: result.graph };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
