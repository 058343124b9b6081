/**
 * How each runtime starts the test app. Bun, Deno and Node run the TypeScript sources
 * through the `@hushlink/source` export condition; workerd (through Miniflare) runs a
 * bundle that esbuild builds here, since it reads neither TypeScript nor node_modules.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { type RunningApp, startProcess } from './start-process';

/** The runtimes of the matrix; `node` is the reference. */
export const RUNTIMES = ['node', 'bun', 'deno', 'workerd'] as const;
/** A runtime of the matrix. */
export type Runtime = (typeof RUNTIMES)[number];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APPS = fileURLToPath(new URL('./apps/', import.meta.url));
const BIN = `${ROOT}node_modules/.bin/`;
const SOURCE_CONDITION = '@hushlink/source';

/** The workerd compatibility date the Worker is tested with. */
export const COMPATIBILITY_DATE = '2026-04-01';

/** Extra environment for an app: `HUSHLINK_PG_SCHEMA` (and `DATABASE_URL`) select Postgres. */
export type AppEnv = Record<string, string | undefined>;

/** The command line that serves `apps/<runtime>-app.ts` (not for workerd). */
export function commandFor(runtime: Exclude<Runtime, 'workerd'>, env: AppEnv = {}): string[] {
  switch (runtime) {
    case 'node':
      return ['node', `--conditions=${SOURCE_CONDITION}`, '--import', 'tsx', `${APPS}node-app.ts`];
    case 'bun':
      return [`${BIN}bun`, `--conditions=${SOURCE_CONDITION}`, `${APPS}bun-app.ts`];
    case 'deno':
      return [
        `${BIN}deno`,
        'run',
        '--no-lock',
        // npm packages come from the workspace's node_modules, as `npm ci` left it.
        '--node-modules-dir=manual',
        // The sources import relative modules without extensions (TypeScript's bundler style).
        '--sloppy-imports',
        `--conditions=${SOURCE_CONDITION}`,
        '--no-prompt',
        `--allow-net=${allowedHosts(env).join(',')}`,
        // pg reads PG* variables and USER for its defaults.
        '--allow-env',
        `${APPS}deno-app.ts`,
      ];
  }
}

/** Starts the app on one runtime, listening on 127.0.0.1 with a free port. */
export async function startRuntime(runtime: Runtime, env: AppEnv = {}): Promise<RunningApp> {
  if (runtime === 'workerd') return startWorker();
  const [command, ...args] = commandFor(runtime, env);
  return startProcess(runtime, command as string, args, {
    cwd: ROOT,
    env: { ...env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', DO_NOT_TRACK: '1' },
  });
}

/** Bundles `apps/worker-app.ts` as a Workers module and serves it with Miniflare (workerd). */
async function startWorker(): Promise<RunningApp> {
  const script = await bundleWorker();
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    host: '127.0.0.1',
  });
  let url: URL;
  try {
    url = await mf.ready;
  } catch (error) {
    await mf.dispose().catch(() => {});
    throw new Error(`workerd did not start: ${(error as Error).message}`, { cause: error });
  }
  let disposed: Promise<void> | null = null;
  return {
    origin: url.origin,
    output: () => '',
    stop: () => {
      disposed ??= mf.dispose();
      return disposed;
    },
  };
}

/**
 * The Worker bundle: ESM for a neutral platform, resolving the `worker` and `browser`
 * conditions as Wrangler does, plus `@hushlink/source` to bundle the TypeScript sources.
 */
export async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [`${APPS}worker-app.ts`],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: [SOURCE_CONDITION, 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no Worker bundle');
  return file.text;
}

/** 127.0.0.1 plus the host of `DATABASE_URL`, for Deno's `--allow-net`. */
function allowedHosts(env: AppEnv): string[] {
  const hosts = ['127.0.0.1'];
  const url = env.DATABASE_URL;
  if (url) {
    try {
      const { hostname } = new URL(url);
      if (hostname && !hosts.includes(hostname)) hosts.push(hostname);
    } catch {
      // A DATABASE_URL that is not a URL is pg's business: it will say what is wrong.
    }
  }
  return hosts;
}
