/**
 * Calls to the JSON API of DESIGN.md §7, same origin only. Errors come back as values with
 * the server's stable code, never as exceptions, so each screen decides what to show.
 */

/** A failed call: the HTTP status and the server's error code (or `network`). */
export interface ApiFailure {
  ok: false;
  status: number;
  code: string;
  /** On 403 `wrong_passphrase`. */
  attemptsLeft?: number;
  /** From `Retry-After`, on 429 and 503. */
  retryAfterSeconds?: number;
}

/** A successful call with its parsed JSON (null for 204). */
export interface ApiSuccess<T> {
  ok: true;
  status: number;
  data: T;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/**
 * Sends one request to `{basePath}/api/{path}`.
 * @param body - sent as JSON when given.
 */
export async function callApi<T>(
  basePath: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${basePath}/api/${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error = (json as { error?: { code?: unknown; attemptsLeft?: unknown } } | null)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'unknown',
    ...(typeof error?.attemptsLeft === 'number' ? { attemptsLeft: error.attemptsLeft } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}
