// `npm start [-- --input FILE]`: builds the graph from the corpus into public/, derives the site's data files there
// (public/atlas.json …) and serves the app with Vite.
import { dirname } from 'node:path';
import type { SerializedAtlas } from '../src/contract/types.ts';
import { prestartFor } from './cli/prestart.ts';

// Extraction workers load while this thread loads the pipeline and Vite.
prestartFor(process.argv.slice(2));
const { createServer } = await import('vite');
const { helpText, parseArgs } = await import('./cli/args.ts');
const { consoleLog, runGraphBuild, runMain } = await import('./cli/graph.ts');
const { describeSiteData, writeSiteData } = await import('./site-data.ts');

await runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(
      helpText('npm start --', 'Builds the graph from a corpus and serves the app at a local URL.', '  --port N                  port to serve on (default 5173)\n  --host                    also listen on the network\n'),
    );
    return;
  }
  const log = consoleLog(args.quiet);
  let atlas: SerializedAtlas | undefined;
  const graph = runGraphBuild(args, log, undefined, (built) => (atlas = built));
  // The app reads the site files next to the graph file (public/ by default, which Vite serves).
  log.info(describeSiteData(writeSiteData(atlas!, dirname(graph), { keepGraph: true })));
  const portAt = args.rest.indexOf('--port');
  const port = portAt >= 0 ? Number(args.rest[portAt + 1]) : 5173;
  const server = await createServer({ server: { port, host: args.rest.includes('--host') } });
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
});
