import { isHushlinkError, StoreUnavailableError } from '@hushlink/core';

/** SQLSTATE of a missing table: the stores were used before `migrate()`. */
const UNDEFINED_TABLE = '42P01';

/**
 * Every failure of the database — refused or dropped connection, terminated backend,
 * timeout, full disk, missing table — becomes core's `StoreUnavailableError` (code
 * `unavailable`), with the driver's error as `cause`. The message names the operation
 * and the SQLSTATE only: pg's own messages can quote row values.
 *
 * Nothing is retried here. A statement whose connection died may or may not have
 * committed; only the caller's next read can tell, and core never repeats a
 * reveal on its own.
 */
export function toStoreError(error: unknown, operation: string): Error {
  if (isHushlinkError(error)) return error;
  const code = sqlState(error);
  if (code === UNDEFINED_TABLE) {
    return new StoreUnavailableError(
      `The Postgres store failed during ${operation}: its tables are missing. Run migrate() first.`,
      { cause: error },
    );
  }
  const detail = code ? ` (SQLSTATE ${code})` : '';
  return new StoreUnavailableError(`The Postgres store failed during ${operation}${detail}.`, {
    cause: error,
  });
}

/** The SQLSTATE of a pg `DatabaseError`, or null for connection-level failures. */
export function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
