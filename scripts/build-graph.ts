// `npm run build:graph -- --input FILE --out FILE`: builds a graph file from a corpus.
import { prestartFor } from './cli/prestart.ts';

// Extraction workers load while this thread loads the pipeline.
prestartFor(process.argv.slice(2));
const { helpText, parseArgs, UsageError } = await import('./cli/args.ts');
const { consoleLog, runGraphBuild, runMain } = await import('./cli/graph.ts');

await runMain(() => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(helpText('npm run build:graph --', 'Builds a concept-graph file (contract v1 JSON) from a corpus of papers.'));
    return;
  }
  if (args.rest.length) throw new UsageError(`unknown argument ${args.rest[0]}`);
  runGraphBuild(args, consoleLog(args.quiet));
});
