import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** A fixture process: stdin and stdout piped, stderr shown in the test output. */
export type FixtureProcess = ChildProcessByStdio<Writable, Readable, null>;

/** Runs a TypeScript file of this folder in its own Node process, on the packages' sources. */
export function spawnFixture(file: string, args: readonly string[]): FixtureProcess {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@hushlink/source', path, ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
}

/**
 * Resolves with the child's first stdout line.
 * @throws {Error} (rejects) when the child exits before printing one.
 */
export function firstLine(child: FixtureProcess): Promise<string> {
  // One reader, closed after the first line: this helper is for one-line handshakes only.
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      lines.close();
      reject(new Error(`fixture exited (${code ?? signal}) before printing a line`));
    };
    lines.once('line', (line) => {
      child.off('exit', onExit);
      lines.close();
      resolve(line);
    });
    child.once('exit', onExit);
  });
}

/** Resolves when the child has exited, with its exit code or signal. */
export function exited(child: FixtureProcess): Promise<number | NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}
