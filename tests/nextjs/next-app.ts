/**
 * The Next.js example as the tests run it: `next build` once, then the production custom
 * server (`server.ts`) as a child process on 127.0.0.1, port 0, with a temporary data
 * directory. Output is kept so a failure can show it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `examples/nextjs`. */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/nextjs/', import.meta.url));
const NEXT_BIN = join(EXAMPLE_DIR, '../../node_modules/next/dist/bin/next');
export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'nextjs-e2e-password-not-secret';
export const ADMIN_TOKEN = 'nextjs-e2e-token-not-secret';

/** Next without telemetry, in production mode (vitest sets NODE_ENV=test). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...extra };
}

/** Runs a command to completion; rejects with its output when it fails. */
function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv({}), stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** `next build` of the example (Turbopack, with its type check). */
export function buildExample(): Promise<void> {
  return run([NEXT_BIN, 'build'], EXAMPLE_DIR);
}

/** A started server. */
export interface RunningExample {
  origin: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** How to start the example. */
export interface StartOptions {
  /** Next's own `next start` instead of the example's `server.ts`. */
  plain?: boolean;
  /** More environment for the server (e.g. `HUSHLINK_WEBHOOK_URL`), over the test defaults. */
  env?: Record<string, string>;
}

/**
 * Starts `server.ts` as `npm start` does (or, with `plain`, Next's own `next start`), and
 * resolves once it prints its address.
 * @throws {Error} when it exits or prints nothing within 60 s.
 */
export function startExample(options: StartOptions = {}): Promise<RunningExample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hushlink-nextjs-'));
  const args = options.plain
    ? [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', '0']
    : ['--import', 'tsx', '--conditions=@hushlink/source', 'server.ts'];
  const ready = options.plain
    ? /Local:\s+(http:\/\/[^/\s]+)/
    : /admin page: (http:\/\/[^/\s]+)\/admin/;
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: EXAMPLE_DIR,
    env: childEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      HUSHLINK_DATA_DIR: dataDir,
      HUSHLINK_HMAC_KEY: 'a1'.repeat(32),
      ADMIN_USER,
      ADMIN_PASSWORD,
      ADMIN_TOKEN,
      ...options.env,
    }),
    stdio: 'pipe',
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ origin: match[1], output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${output}`));
    });
  });
}
