// Browser tests' global setup: builds the site once into .cache/test-site, serves it under /atlas/ and provides the URL.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built site, e.g. http://127.0.0.1:41234/atlas/ (trailing slash). */
    siteUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = '.cache/test-site';
const FIXTURE = resolve(import.meta.dirname, 'fixtures/small-graph.json');

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { cwd: ROOT, stdio: 'pipe', encoding: 'utf8', timeout: 170_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

function buildSite(): void {
  // ATLAS_SKIP_BUILD=1 reuses the last build (quick reruns while editing tests).
  if (process.env.ATLAS_SKIP_BUILD === '1' && existsSync(resolve(ROOT, OUT_DIR, 'index.html'))) return;
  if (existsSync(resolve(ROOT, 'scripts/build-site.ts'))) {
    run('npx', ['tsx', 'scripts/build-site.ts', '--out-dir', OUT_DIR]);
  } else {
    // Until the site build script exists: plain Vite build, with the hand-made fixture when there is no graph yet.
    run('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn']);
    const graph = resolve(ROOT, OUT_DIR, 'graph.json');
    if (!existsSync(graph)) copyFileSync(FIXTURE, graph);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildSite();
  const server = await startStaticServer(resolve(ROOT, OUT_DIR), '/atlas/');
  project.provide('siteUrl', server.url);
  return () => server.close();
}
