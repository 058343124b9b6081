import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export type Child = ChildProcessByStdio<Writable, Readable, null>;

// One line reader per child for its whole life: a closed readline pauses the stream and
// drops what it buffered, so waits share this one instead of each opening their own.
const lineReaders = new WeakMap<Child, Interface>();

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs a TypeScript fixture in its own Node process, on the packages' sources. */
export function spawnFixture(fixture: string, args: string[]): Child {
  const file = fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@hushlink/source', file, ...args],
    { cwd: packageDir, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  lineReaders.set(child, createInterface({ input: child.stdout }));
  return child;
}

/**
 * Resolves with the next stdout line (from now on) that `accept` returns true for;
 * rejects if the child exits first.
 */
export function waitForLine(child: Child, accept: (line: string) => boolean): Promise<string> {
  const lines = lineReaders.get(child);
  if (!lines) throw new Error('not a spawnFixture child');
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => {
      lines.off('line', onLine);
      reject(new Error(`fixture exited (${code}) first`));
    };
    const onLine = (line: string) => {
      if (!accept(line)) return;
      lines.off('line', onLine);
      child.off('exit', onExit);
      resolve(line);
    };
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}

/** Resolves when the child has exited, with its exit code or signal. */
export function exited(child: Child): Promise<number | NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}
