// `npx tsx scripts/bench/profile.ts FILE.cpuprofile [--top N]`: the hottest functions of a V8 CPU profile (as written by
// `node --cpu-prof`), by self time and by total time (inclusive, each function counted once per sample).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string => {
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const where = url ? `${relative(process.cwd(), url)}:${n.callFrame.lineNumber + 1}` : '(native)';
    return `${n.callFrame.functionName || '(anonymous)'} ${where}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const table = (m: Map<string, number>): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${String(Math.round(ms)).padStart(8)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `profile: ${Math.round(all)} ms sampled\n\nself time:\n${table(self)}\n\ntotal time:\n${table(total)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile.ts FILE.cpuprofile [--top N]');
  const at = process.argv.indexOf('--top');
  process.stdout.write(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, at > 0 ? Number(process.argv[at + 1]) : 25));
}
