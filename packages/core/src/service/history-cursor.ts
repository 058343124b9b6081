import { decodeBase64url, encodeBase64url } from '../crypto';
import { InvalidRequestError } from '../errors';
import type { HistoryCursor } from '../store/types';

/**
 * History cursors are opaque to clients: base64url of the UTF-8 JSON `[createdAt, id]` of
 * the last item of a page. They hold nothing a creator could not see in the page itself.
 */
export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return encodeBase64url(new TextEncoder().encode(JSON.stringify([cursor.createdAt, cursor.id])));
}

/**
 * Reads a cursor that {@link encodeHistoryCursor} wrote.
 * @throws {InvalidRequestError} (field `cursor`) for anything else.
 */
export function decodeHistoryCursor(text: string): HistoryCursor {
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64url(text));
    const value: unknown = JSON.parse(json);
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      value[1].length > 0 &&
      value[1].length <= 64
    ) {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    // fall through: every malformed cursor gets the same answer
  }
  throw new InvalidRequestError('The cursor is not valid.', 'cursor');
}
