/**
 * One JSON call to a Hushlink server, with the server's error codes turned into clear
 * messages and exit codes. Only ciphertext and proofs ever travel: never the plaintext,
 * the key or the passphrase.
 */
import { CliError, EXIT } from './cli-error';

/** What the CLI needs of `fetch` (injectable for tests). */
export type Fetch = typeof fetch;

/** A call: `body` is sent as JSON; `token` as `Authorization: Bearer`. */
export interface ApiCall {
  url: string;
  body: unknown;
  token?: string | undefined;
  fetch?: Fetch;
  timeoutMs?: number;
}

/**
 * POSTs JSON and returns the answer's JSON object.
 * @throws {CliError} with the exit code matching the server's error code.
 */
export async function postJson(call: ApiCall): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (call.token !== undefined && call.token !== '') headers.authorization = `Bearer ${call.token}`;
  let response: Response;
  try {
    response = await (call.fetch ?? fetch)(call.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(call.body),
      redirect: 'error',
      signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const why =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CliError(`Could not reach ${new URL(call.url).origin}: ${why}`);
  }
  const json = await response.json().catch(() => null);
  if (response.ok && isObject(json)) return json;
  throw errorFromAnswer(response, isObject(json) && isObject(json.error) ? json.error : null);
}

function errorFromAnswer(response: Response, error: Record<string, unknown> | null): CliError {
  const code = typeof error?.code === 'string' ? error.code : null;
  const said = typeof error?.message === 'string' ? ` (${error.message})` : '';
  switch (code) {
    case 'not_available':
      return new CliError(
        'Information no longer available: it was already viewed, it expired, it was destroyed, or the link is wrong.',
        EXIT.notAvailable,
      );
    case 'wrong_passphrase': {
      const left = typeof error?.attemptsLeft === 'number' ? error.attemptsLeft : null;
      return new CliError(
        left === 0
          ? 'Wrong passphrase. No attempts left: the secret has been destroyed.'
          : `Wrong passphrase.${left === null ? '' : ` ${left} attempt${left === 1 ? '' : 's'} left.`}`,
        EXIT.wrongPassphrase,
      );
    }
    case 'unauthorized':
      return new CliError(
        'The server refused the request: set HUSHLINK_TOKEN to a valid token.',
        EXIT.unauthorized,
      );
    case 'forbidden':
      return new CliError(`You may not do this${said}.`, EXIT.unauthorized);
    case 'rate_limited':
      return new CliError(
        `Too many requests; try again in ${response.headers.get('retry-after') ?? 'a few'} seconds.`,
        EXIT.tryLater,
      );
    case 'unavailable':
      return new CliError('The server is temporarily unavailable; try again later.', EXIT.tryLater);
    default:
      return new CliError(
        code === null
          ? `Unexpected answer from the server: HTTP ${response.status}. Is --url the Hushlink base URL?`
          : `The server refused the request: ${code}${said}.`,
      );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
