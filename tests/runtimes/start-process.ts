/**
 * Starts an app in its own process and waits for the `listening on <port>` line it prints,
 * so the Node test can reach it over real HTTP on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';

/** A running app. */
export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What the process printed so far (stdout and stderr, the last 20,000 characters). */
  output(): string;
  /** Ends the process (SIGTERM, then SIGKILL) and waits for it. Safe to call twice. */
  stop(): Promise<void>;
}

/** How long a runtime may take to print its port (cold Deno on two busy cores is slow). */
const START_TIMEOUT_MS = 45_000;
/** How long a process may take to leave after SIGTERM before it is killed. */
const STOP_GRACE_MS = 3_000;
/** Output kept for error messages. */
const MAX_OUTPUT = 20_000;

/**
 * Spawns `command args` in `cwd` and resolves once it prints `listening on <port>`.
 * @throws {Error} when the process exits or stays silent before that, with its output.
 */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<RunningApp> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = () => stopChild(child);

  return new Promise<RunningApp>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(new Error(`${name} did not start: ${why}\n$ ${command} ${args.join(' ')}\n${output}`));
    };
    const timer = setTimeout(() => fail(`no port after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const listen = () => {
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (port === undefined || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', listen);
      resolve({ origin: `http://127.0.0.1:${port}`, output: () => output, stop });
    };
    child.stdout?.on('data', listen);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? code}`));
  });
}

/** Ends one child by its own pid: SIGTERM, then SIGKILL after a grace period. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
