// `npm run bench`: every benchmark, one after another (they compete for the same 2 cores
// otherwise). Each prints its table and writes its RESULTS.md; BENCHMARKS.md links them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  'packages/core/bench/crypto.bench.ts',
  'packages/adapter-sqlite/bench/service-vs-raw.ts',
  'packages/adapter-postgres/bench/service-vs-raw.ts',
];
const only = process.argv.slice(2);
let failed = false;
for (const file of benches) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  if (!existsSync(file)) {
    console.error(`missing benchmark: ${file}`);
    failed = true;
    continue;
  }
  console.log(`\n### ${file}\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@hushlink/source', file],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
