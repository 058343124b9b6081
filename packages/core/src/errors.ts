/**
 * Every failure Hushlink reports is a `HushlinkError` with a stable `code`.
 * Callers match on `code` (or `instanceof` a subclass), never on message text.
 *
 * Messages never contain secret material: no plaintext, keys, proofs or passphrases.
 */

/** Codes of the crypto envelope (DESIGN.md §2). */
export type CryptoErrorCode =
  | 'decrypt_failed'
  | 'passphrase_required'
  | 'unexpected_passphrase'
  | 'malformed_envelope'
  | 'unsupported_version'
  | 'kdf_out_of_bounds'
  | 'bad_padding'
  | 'plaintext_too_large'
  | 'invalid_key'
  | 'invalid_passphrase'
  | 'invalid_base64url';

/** Codes the HTTP contract answers with (DESIGN.md §7). */
export type HttpErrorCode =
  | 'not_available'
  | 'wrong_passphrase'
  | 'rate_limited'
  | 'invalid_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'unavailable';

/** Codes for a host's misconfiguration, raised at startup. */
export type ConfigErrorCode = 'invalid_config';

/** Codes of webhook receivers and senders (DESIGN.md §11). */
export type WebhookErrorCode = 'webhook_verification_failed' | 'webhook_target_refused';

export type HushlinkErrorCode =
  | CryptoErrorCode
  | HttpErrorCode
  | ConfigErrorCode
  | WebhookErrorCode;

export class HushlinkError extends Error {
  readonly code: HushlinkErrorCode;
  constructor(code: HushlinkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HushlinkError';
    this.code = code;
  }
}

/** The envelope could not be sealed, parsed or opened. */
export class CryptoError extends HushlinkError {
  declare readonly code: CryptoErrorCode;
  constructor(code: CryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'CryptoError';
  }
}

/** The host configured Hushlink wrongly (weak key, bad proxy entry, bounds out of range). */
export class ConfigError extends HushlinkError {
  declare readonly code: ConfigErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_config', message, options);
    this.name = 'ConfigError';
  }
}

/**
 * Missing, consumed, expired, burned, or a wrong key: one answer for all, so that
 * someone who knows only an id learns nothing.
 */
export class NotAvailableError extends HushlinkError {
  constructor(message = 'This secret is not available.') {
    super('not_available', message);
    this.name = 'NotAvailableError';
  }
}

/** A wrong passphrase proof. `attemptsLeft` is 0 when this attempt burned the secret. */
export class WrongPassphraseError extends HushlinkError {
  readonly attemptsLeft: number;
  constructor(attemptsLeft: number) {
    super(
      'wrong_passphrase',
      attemptsLeft > 0
        ? `Wrong passphrase. ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left.`
        : 'Wrong passphrase. No attempts left: the secret has been destroyed.',
    );
    this.name = 'WrongPassphraseError';
    this.attemptsLeft = attemptsLeft;
  }
}

/** A request that breaks a field rule. `field` names the offending field when there is one. */
export class InvalidRequestError extends HushlinkError {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super('invalid_request', message);
    this.name = 'InvalidRequestError';
    this.field = field;
  }
}

export class PayloadTooLargeError extends HushlinkError {
  constructor(message = 'The request body is too large.') {
    super('payload_too_large', message);
    this.name = 'PayloadTooLargeError';
  }
}

/** Thrown by a host's `authorize` to answer 403 on creator routes. */
export class ForbiddenError extends HushlinkError {
  constructor(message = 'You may not do this.') {
    super('forbidden', message);
    this.name = 'ForbiddenError';
  }
}

export class RateLimitedError extends HushlinkError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many requests. Try again later.');
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The store failed (database down, timeout, lost connection). Nothing about the
 * secret is decided by this error: the caller may retry later.
 */
export class StoreUnavailableError extends HushlinkError {
  constructor(message = 'The secret store is unavailable.', options?: { cause?: unknown }) {
    super('unavailable', message, options);
    this.name = 'StoreUnavailableError';
  }
}

export function isHushlinkError(value: unknown): value is HushlinkError {
  return value instanceof HushlinkError;
}
