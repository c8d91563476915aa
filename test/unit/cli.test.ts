// The build:graph command as a user runs it: output file, printed summary, clear errors naming file and line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/contract/validate.ts';

const tsx = join('node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['scripts/build-graph.ts', ...args], { encoding: 'utf8' });

describe('npm run build:graph', () => {
  it('builds a valid graph from a JSON corpus and reports the skipped record with its line', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-cli-')), 'g.json');
    const r = run('--input', 'test/fixtures/cli/two-papers.json', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 papers from .*two-papers\.json \(json\), 1 skipped/);
    expect(r.stderr).toMatch(/skipped test\/fixtures\/cli\/two-papers\.json:1: missing abstract/);
    const result = validateGraph(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes.filter((n) => n.attributes.kind === 'paper')).toHaveLength(2);
  });

  it('stops with one line naming the file and line for unreadable JSON', () => {
    const r = run('--input', 'test/fixtures/cli/broken.json', '--out', join(tmpdir(), 'never.json'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^error: test\/fixtures\/cli\/broken\.json:\d+: /);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says so when the input file does not exist', () => {
    const r = run('--input', 'no/such/file.txt');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/file\.txt.*no such file/);
  });

  it('rejects an unknown option and a bad number', () => {
    expect(run('--frobnicate').status).toBe(2);
    expect(run('--min-papers', 'abc').stderr).toMatch(/--min-papers takes a number/);
  });

  it('documents every option in --help', () => {
    const help = execFileSync(tsx, ['scripts/build-graph.ts', '--help'], { encoding: 'utf8' });
    for (const flag of ['--input', '--out', '--report', '--previous', '--seed', '--min-papers', '--resolution', '--iterations']) expect(help).toContain(flag);
  });
});

describe('npm run build -- --graph FILE', () => {
  const site = (...args: string[]) => spawnSync(tsx, ['scripts/build-site.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

  it('stops with one line naming the file when it is not a contract-v1 graph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    const notJson = site('--graph', 'test/fixtures/cli/broken.json', '--out-dir', dir, '--quiet');
    expect(notJson.status).toBe(1);
    expect(notJson.stderr.trim()).toMatch(/^error: test\/fixtures\/cli\/broken\.json:1: not a readable JSON graph file/);
    const notGraph = site('--graph', 'test/fixtures/cli/two-papers.json', '--out-dir', dir, '--quiet');
    expect(notGraph.status).toBe(1);
    expect(notGraph.stderr.trim()).toMatch(/^error: test\/fixtures\/cli\/two-papers\.json:1: not a contract-v1 graph file/);
    expect(notGraph.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
