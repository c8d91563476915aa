// One build in its own process, for `npm run bench`: the same code as `npm run build:graph` (same arguments), then one
// line on stdout, "BENCH {json}", with the build's stage times and this process's peak memory and CPU time.
import type { BuildStats } from '../cli/graph.ts';
import { prestartFor } from '../cli/prestart.ts';
import type { SerializedAtlas } from '../../src/contract/types.ts';

// As the build:graph entry point does: extraction workers load while this thread loads the pipeline.
prestartFor(process.argv.slice(2));
const { parseArgs } = await import('../cli/args.ts');
const { runGraphBuild } = await import('../cli/graph.ts');
const { writeSiteData } = await import('../site-data.ts');

export interface ChildResult extends BuildStats {
  /** Peak resident set size of the process (main thread and workers), bytes. */
  maxRss: number;
  /** CPU time of the process, ms (user + system, all threads). */
  cpuMs: number;
}

/**
 * With ATLAS_BENCH_SITE_DIR set, the graph is also packed into that directory as the site's data files, from memory
 * (as `npm run build` does; a graph file of more than 512 MB cannot be read back as one string) — after the build's
 * memory and CPU are taken, so the packing does not count.
 */
const siteDir = process.env.ATLAS_BENCH_SITE_DIR;

const args = parseArgs(process.argv.slice(2));
let stats: BuildStats | undefined;
let atlas: SerializedAtlas | undefined;
runGraphBuild(args, { info: () => {}, error: (line) => process.stderr.write(`${line}\n`) }, (s) => (stats = s), siteDir ? (a) => (atlas = a) : undefined);
if (!stats) throw new Error('the build reported no statistics');
const usage = process.resourceUsage();
const result: ChildResult = { ...stats, maxRss: usage.maxRSS * 1024, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) };
if (siteDir && atlas) writeSiteData(atlas, siteDir);
process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
