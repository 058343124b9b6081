/**
 * Summarizes a `node --cpu-prof` profile: self time by function and by library.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx --conditions=@hushlink/source \
 *     packages/adapter-sqlite/bench/service-vs-raw.ts --only=service
 *   npx tsx packages/adapter-sqlite/bench/summarize-profile.ts /tmp/prof/<file>.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: summarize-profile <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

const selfTime = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
});

const byFunction = new Map<string, number>();
const byGroup = new Map<string, number>();
for (const [id, time] of selfTime) {
  const { functionName, url, lineNumber } = (nodes.get(id) as ProfileNode).callFrame;
  const where = url.replace(/.*\/(node_modules|packages)\//, '$1/');
  const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + time);
  byGroup.set(groupOf(url), (byGroup.get(groupOf(url)) ?? 0) + time);
}

/** Which part of the stack a frame belongs to. */
function groupOf(url: string): string {
  if (url.includes('@noble/')) return '@noble (SHA-256, HMAC)';
  if (url.includes('better-sqlite3')) return 'better-sqlite3 (incl. SQLite native time)';
  if (url.includes('adapter-sqlite/src')) return 'adapter-sqlite (incl. statement run time)';
  if (url.includes('core/src/integrity')) return 'core integrity (canonical encoding, MAC)';
  if (url.includes('core/src')) return 'core (service, lifecycle, memory store)';
  if (url.includes('node:internal/encoding')) return 'TextEncoder';
  if (url === '') return 'native / GC / idle';
  return 'other';
}

const show = (entries: Map<string, number>, n: number) => {
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log('--- self time by function');
show(byFunction, top);
console.log('--- self time by part');
show(byGroup, 20);
