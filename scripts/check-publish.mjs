// Checks the published shape of every public package after `npm run build`:
// publint (strict) and Are-The-Types-Wrong (ESM-only profile).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let failed = false;
for (const dir of workspaces) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  console.log(`\n# ${pkg.name}`);
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  try {
    execFileSync(bin('publint'), ['--strict'], { cwd: join(root, dir), stdio: 'inherit' });
    // attw checks JavaScript/TypeScript resolution: stylesheet exports are out of its scope.
    const cssEntrypoints = Object.keys(pkg.exports ?? {}).filter((k) => k.endsWith('.css'));
    const exclude = cssEntrypoints.length > 0 ? ['--exclude-entrypoints', ...cssEntrypoints] : [];
    execFileSync(bin('attw'), ['--pack', '.', '--profile', 'esm-only', ...exclude], {
      cwd: join(root, dir),
      stdio: 'inherit',
    });
  } catch {
    failed = true;
  }
}
if (failed) {
  console.error('\nPublished shape check failed.');
  process.exit(1);
}
