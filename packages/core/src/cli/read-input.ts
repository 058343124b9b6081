/**
 * Reading the secret and the passphrase without them ever appearing on a command line
 * (where `ps` and shell history would show them) or echoing on the terminal.
 */
import { readFile } from 'node:fs/promises';
import { CliError, EXIT, usageError } from './cli-error';

/** The streams the CLI talks through (injectable for tests). */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads all of stdin as UTF-8, exactly (a trailing newline is kept: pipe with `printf %s`). */
export async function readStdinText(io: CliIo, maxBytes: number): Promise<string> {
  if (io.stdin.isTTY) {
    throw usageError(
      'Pipe the secret on stdin, e.g. printf %s "$API_KEY" | hushlink share --url …',
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of io.stdin) {
    const bytes =
      typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    total += bytes.byteLength;
    if (total > maxBytes)
      throw new CliError(`The secret is larger than ${maxBytes} bytes.`, EXIT.usage);
    chunks.push(bytes);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new CliError('The secret on stdin is not UTF-8 text.', EXIT.usage);
  }
}

/** Reads a passphrase file, dropping one trailing line break (editors add one). */
export async function readPassphraseFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliError(`Cannot read the passphrase file ${path}: ${code}.`, EXIT.usage);
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new CliError(`The passphrase file ${path} is empty.`, EXIT.usage);
  return passphrase;
}

/**
 * Asks for a passphrase on the terminal without echoing it.
 * @throws {CliError} (usage) when stdin is not a terminal.
 */
export async function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || stdin.setRawMode === undefined) {
    throw usageError('This secret needs a passphrase: pass --passphrase-file <file>.');
  }
  io.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Uint8Array | string) => {
        for (const char of typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003' || char === '\u0004') {
            stdin.off('data', onData);
            reject(new CliError('Cancelled.', EXIT.usage));
            return;
          }
          if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
          else typed += char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    io.stderr.write('\n');
  }
}
