// One build in its own process, for `npm run bench`: the same code as `npm run build:graph` (same arguments), then one
// line on stdout, "BENCH {json}", with the build's stage times and this process's peak memory and CPU time.
import { parseArgs } from '../cli/args.ts';
import { runGraphBuild, type BuildStats } from '../cli/graph.ts';

export interface ChildResult extends BuildStats {
  /** Peak resident set size of the process (main thread and workers), bytes. */
  maxRss: number;
  /** CPU time of the process, ms (user + system, all threads). */
  cpuMs: number;
}

const args = parseArgs(process.argv.slice(2));
let stats: BuildStats | undefined;
runGraphBuild(args, { info: () => {}, error: (line) => process.stderr.write(`${line}\n`) }, (s) => (stats = s));
if (!stats) throw new Error('the build reported no statistics');
const usage = process.resourceUsage();
const result: ChildResult = { ...stats, maxRss: usage.maxRSS * 1024, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) };
process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
