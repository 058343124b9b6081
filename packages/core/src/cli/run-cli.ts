/**
 * The CLI as a function: arguments and streams in, exit code out. `main.ts` wires it to
 * the process; tests call it directly or spawn `main.ts`.
 */
import { generateIntegrityKey } from '../integrity';
import type { Fetch } from './call-api';
import { CliError, EXIT, type ExitCode } from './cli-error';
import { HELP_TEXT } from './help-text';
import { parseCommand } from './parse-command';
import type { CliIo } from './read-input';
import { revealSecret } from './reveal-secret';
import { shareSecret } from './share-secret';

/** The package version printed by `--version`. */
export const CLI_VERSION = '0.1.0';

/**
 * Runs one command. Never throws: failures are printed as `hushlink: <message>` on stderr
 * and returned as an exit code. Messages never hold the secret, key or passphrase.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  fetchImpl?: Fetch,
): Promise<ExitCode> {
  try {
    const command = parseCommand(argv, io.env);
    switch (command.command) {
      case 'help':
        io.stdout.write(HELP_TEXT);
        break;
      case 'version':
        io.stdout.write(`${CLI_VERSION}\n`);
        break;
      case 'keygen':
        io.stdout.write(`${generateIntegrityKey()}\n`);
        break;
      case 'share':
        await shareSecret(command, io, fetchImpl);
        break;
      case 'reveal':
        await revealSecret(command, io, fetchImpl);
        break;
    }
    return EXIT.ok;
  } catch (error) {
    const failure = error instanceof CliError ? error : new CliError('Unexpected failure.');
    io.stderr.write(`hushlink: ${failure.message}\n`);
    return failure.exitCode;
  }
}
