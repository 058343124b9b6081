/**
 * Turns anything a route throws into one of the contract's answers. Nothing escapes as a
 * 500 or a stack trace: unknown failures answer 503 `unavailable` (retryable, and it tells
 * an attacker nothing), and only typed errors choose a more precise code.
 */
import {
  CryptoError,
  type HttpErrorCode,
  HushlinkError,
  RateLimitedError,
  WrongPassphraseError,
} from '../errors';
import { type ErrorExtras, errorResponse, STATUS_OF } from './responses';

/** How an error is answered before headers are attached. */
export interface ErrorAnswer {
  code: HttpErrorCode;
  message: string | undefined;
  extras: ErrorExtras | undefined;
  /** Seconds for `Retry-After`, when the client should come back later. */
  retryAfterSeconds: number | null;
  /** True when the failure was not a typed, expected one (the host's `onError` hears of it). */
  unexpected: boolean;
}

/**
 * Classifies a thrown value.
 * @param unavailableRetryAfterSeconds `Retry-After` for 503 answers.
 */
export function classifyError(error: unknown, unavailableRetryAfterSeconds: number): ErrorAnswer {
  if (error instanceof WrongPassphraseError) {
    return answer('wrong_passphrase', error.message, { attemptsLeft: error.attemptsLeft });
  }
  if (error instanceof RateLimitedError) {
    return { ...answer('rate_limited'), retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof CryptoError) {
    // Header problems found while creating are the client's envelope: 400, or 413 for size.
    return error.code === 'plaintext_too_large'
      ? answer('payload_too_large', 'The envelope is larger than this server accepts.')
      : answer('invalid_request', error.message);
  }
  if (error instanceof HushlinkError && error.code in STATUS_OF && error.code !== 'unavailable') {
    const code = error.code as HttpErrorCode;
    // not_available keeps one message for every cause, so no cause can be told apart.
    return answer(code, code === 'not_available' ? undefined : error.message);
  }
  return {
    ...answer('unavailable'),
    retryAfterSeconds: unavailableRetryAfterSeconds,
    unexpected: !(error instanceof HushlinkError && error.code === 'unavailable'),
  };
}

/** Builds the answer for a thrown value, merging `headers` (rate-limit headers, …). */
export function answerError(
  error: unknown,
  options: { headers: Record<string, string>; head: boolean; unavailableRetryAfterSeconds: number },
): Response {
  const classified = classifyError(error, options.unavailableRetryAfterSeconds);
  const headers = { ...options.headers };
  if (classified.retryAfterSeconds !== null) {
    headers['retry-after'] = String(classified.retryAfterSeconds);
  }
  return errorResponse(classified.code, {
    message: classified.message,
    extras: classified.extras,
    headers,
    head: options.head,
  });
}

function answer(code: HttpErrorCode, message?: string, extras?: ErrorExtras): ErrorAnswer {
  return { code, message, extras, retryAfterSeconds: null, unexpected: false };
}
