// Command-line parsing for the build scripts: --input/--out/--report/--previous plus every build option.
import { DEFAULTS, OPTION_HELP, flagOf, type BuildOptions } from '../options.ts';

export interface CliArgs {
  input: string;
  out: string;
  report?: string;
  previous?: string;
  overrides?: string;
  /** Extraction threads (this one and workers); unset: chosen from the corpus size. Not a build option (not recorded in the graph). */
  threads?: number;
  quiet: boolean;
  help: boolean;
  options: BuildOptions;
  /** Arguments this parser does not own (passed on, e.g. to Vite). */
  rest: string[];
}

export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_INPUT = 'data/trending-papers.txt';
export const DEFAULT_OUT = 'public/graph.json';

export function parseArgs(argv: string[], defaults: { out?: string } = {}): CliArgs {
  const args: CliArgs = {
    input: DEFAULT_INPUT,
    out: defaults.out ?? DEFAULT_OUT,
    quiet: false,
    help: false,
    options: { ...DEFAULTS },
    rest: [],
  };
  const optionByFlag = new Map((Object.keys(DEFAULTS) as Array<keyof BuildOptions>).map((k) => [flagOf(k), k]));
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--quiet' || flag === '-q') args.quiet = true;
    else if (flag === '--input' || flag === '-i') args.input = value();
    else if (flag === '--out' || flag === '-o') args.out = value();
    else if (flag === '--report') args.report = value();
    else if (flag === '--previous') args.previous = value();
    else if (flag === '--overrides') args.overrides = value();
    else if (flag === '--threads') {
      const v = value();
      if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`--threads takes a whole number ≥ 1, not "${v}"`);
      args.threads = Number(v);
    }
    else if (optionByFlag.has(flag)) {
      const name = optionByFlag.get(flag)!;
      const v = value();
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} takes a number ≥ 0, not "${v}"`);
      args.options[name] = n;
    } else args.rest.push(raw);
  }
  return args;
}

export function helpText(command: string, purpose: string, extra = ''): string {
  const opts = (Object.keys(DEFAULTS) as Array<keyof BuildOptions>)
    .map((k) => `  ${flagOf(k).padEnd(26)}${OPTION_HELP[k]} (default ${DEFAULTS[k]})`)
    .join('\n');
  return `${purpose}

Usage: ${command} [options]

  --input, -i FILE          corpus: trending-page text, JSON array or JSONL of {title, abstract, id?, url?, authors?, date?}
                            (default ${DEFAULT_INPUT})
  --out, -o FILE            graph file to write (default ${DEFAULT_OUT})
  --report FILE             write the concept report (kept and dropped candidates, with reasons) as JSON
  --previous FILE           an earlier graph file: nodes it has start at their old positions
  --overrides FILE          concept overrides: merge, rename, block, keep, alias (default: concepts.json next to
                            the input, when there is one)
  --threads N               threads that extract terms (default: 2 on a multi-core machine above 500 papers, else 1)
  --quiet, -q               print only errors
  --help, -h                this text
${extra}
Build options:
${opts}
`;
}
