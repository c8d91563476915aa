// `npm run build [-- --input FILE] [--out-dir DIR]`: the static site — the app built by Vite plus the graph file.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { helpText, parseArgs, UsageError } from './cli/args.ts';
import { consoleLog, runGraphBuild, runMain } from './cli/graph.ts';

await runMain(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-'));
  const args = parseArgs(process.argv.slice(2), { out: join(tmp, 'graph.json') });
  if (args.help) {
    process.stdout.write(helpText('npm run build --', 'Builds the static site into dist/ (works from any subpath).', '  --out-dir DIR             where to write the site (default dist)\n'));
    return;
  }
  const at = args.rest.indexOf('--out-dir');
  const outDir = resolve(at >= 0 ? (args.rest[at + 1] ?? '') : 'dist');
  const unknown = args.rest.filter((a, i) => !(i === at || i === at + 1));
  if (unknown.length) throw new UsageError(`unknown argument ${unknown[0]}`);
  try {
    const graph = runGraphBuild(args, consoleLog(args.quiet));
    await build({ build: { outDir, emptyOutDir: true }, logLevel: args.quiet ? 'warn' : 'info' });
    copyFileSync(graph, join(outDir, 'graph.json'));
    consoleLog(args.quiet).info(`site written to ${outDir} — serve it from any static host or subpath`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
