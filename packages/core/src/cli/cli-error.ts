/**
 * CLI failures carry the exit code the process ends with, so scripts can branch on it.
 */

/** Exit codes of `hushlink` (also listed in `--help`). */
export const EXIT = {
  ok: 0,
  /** Network failure, server error, anything unexpected. */
  failed: 1,
  /** Bad command line or input. */
  usage: 2,
  /** The secret is missing, consumed, expired, burned, or the link is wrong. */
  notAvailable: 3,
  /** The passphrase was wrong. */
  wrongPassphrase: 4,
  /** The server refused the token (401/403). */
  unauthorized: 5,
  /** Rate limited or the service is unavailable: try again later. */
  tryLater: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure to report on stderr as `hushlink: <message>`, ending with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.failed) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A command-line mistake: the message is followed by a pointer to `--help`. */
export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun \`hushlink --help\` for usage.`, EXIT.usage);
}
