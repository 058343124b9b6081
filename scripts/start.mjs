// `npm start`: runs the Express example (examples/express) on http://127.0.0.1:3000.
// Nothing needs building first: the workspace packages run from their TypeScript sources
// (tsx, the `@hushlink/source` export condition), and reveal-ui builds its browser bundles
// with esbuild in memory on start. Settings come from the environment: see
// examples/express/README.md (PORT, HOST, DATABASE_URL, ADMIN_PASSWORD, …).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (
  !existsSync(join(root, 'node_modules', 'tsx')) ||
  !existsSync(join(root, 'node_modules', 'express'))
) {
  console.error('Dependencies are missing: run `npm install` first (then `npm start`).');
  process.exit(1);
}

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--conditions=@hushlink/source',
    join(root, 'examples/express/src/server.ts'),
  ],
  { stdio: 'inherit', cwd: root, env: process.env },
);
// Ctrl-C reaches the child through the terminal; a SIGTERM sent to us alone is passed on.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => child.kill('SIGINT'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
