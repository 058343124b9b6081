/**
 * A GET of the JSON API that also reports the rate-limit budget the server announced
 * (`RateLimit-Policy`, `RateLimit`), for pollers that must not use it up.
 */
import { type RateLimitState, readRateLimit } from './rate-limit-pace';

/** A GET's outcome: the data or the error code, with the budget either way. */
export type PacedResult<T> =
  | { ok: true; data: T; rateLimit: RateLimitState | null }
  | {
      ok: false;
      status: number;
      code: string;
      /** From `Retry-After` (429, 503), in ms; else null. */
      retryAfterMs: number | null;
      rateLimit: RateLimitState | null;
    };

/** Sends `GET {basePath}/api/{path}` on this origin; never throws. */
export async function pacedGet<T>(basePath: string, path: string): Promise<PacedResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${basePath}/api/${path}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', retryAfterMs: null, rateLimit: null };
  }
  const rateLimit = readRateLimit(response.headers);
  const json = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: json as T, rateLimit };
  const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: typeof code === 'string' ? code : 'unknown',
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    rateLimit,
  };
}
