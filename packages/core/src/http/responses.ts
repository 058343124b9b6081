/**
 * Response builders shared by every route: JSON answers, error bodies of DESIGN.md §7,
 * and the security headers every answer carries.
 */
import type { HttpErrorCode } from '../errors';

/** Headers on every API answer: never cached, never sniffed, never framed. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Status of each error code (DESIGN.md §7). */
export const STATUS_OF: Readonly<Record<HttpErrorCode, number>> = {
  not_available: 404,
  wrong_passphrase: 403,
  rate_limited: 429,
  invalid_request: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  unavailable: 503,
};

/** Default message of each code; routes may say more precisely what went wrong. */
export const DEFAULT_MESSAGE: Readonly<Record<HttpErrorCode, string>> = {
  not_available: 'This secret is not available.',
  wrong_passphrase: 'Wrong passphrase.',
  rate_limited: 'Too many requests. Try again later.',
  invalid_request: 'The request is not valid.',
  payload_too_large: 'The request body is too large.',
  unauthorized: 'Sign in to do this.',
  forbidden: 'You may not do this.',
  method_not_allowed: 'This method is not allowed here.',
  unsupported_media_type: 'Send the body as application/json.',
  unavailable: 'The service is temporarily unavailable. Try again later.',
};

/** Extra members of an error body (`attemptsLeft` for `wrong_passphrase`). */
export type ErrorExtras = { attemptsLeft?: number };

/** What an answer needs besides its body: status and headers. */
export interface AnswerInit {
  status: number;
  headers?: Record<string, string>;
  /** HEAD answers carry the headers of GET without the body. */
  head?: boolean;
}

/** A JSON answer with the API headers. */
export function jsonResponse(body: unknown, init: AnswerInit): Response {
  const headers = new Headers(API_HEADERS);
  headers.set('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  // A HEAD answer states the length the GET answer would have.
  headers.set('content-length', String(bytes.byteLength));
  return new Response(init.head ? null : bytes, { status: init.status, headers });
}

/** An answer without a body (204) with the API headers. */
export function emptyResponse(status: number, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers(API_HEADERS);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(null, { status, headers });
}

/** An error answer `{"error": {"code", "message", …extras}}` with its status from the contract. */
export function errorResponse(
  code: HttpErrorCode,
  options: {
    message?: string;
    extras?: ErrorExtras;
    headers?: Record<string, string>;
    head?: boolean;
  } = {},
): Response {
  const body = {
    error: { code, message: options.message ?? DEFAULT_MESSAGE[code], ...options.extras },
  };
  return jsonResponse(body, {
    status: STATUS_OF[code],
    headers: options.headers ?? {},
    head: options.head ?? false,
  });
}
