import { InvalidRequestError } from '../errors';
import type { HistoryCursor, StoredAuditEvent } from '../store/types';
import type { ServiceContext } from './context';
import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor';
import type { AuditEvent } from './types';

/** Items per history page when the caller gives no limit. */
export const DEFAULT_HISTORY_LIMIT = 20;
/** The largest history page. */
export const MAX_HISTORY_LIMIT = 100;

/** Where a creator's list resumes: the caller's page size and decoded cursor. */
export interface PageOptions {
  limit?: number;
  cursor?: string | null;
}

/**
 * One page of a creator's rows, newest first, as the store lists them after the cursor,
 * each shown as `toItem` renders it at the page's `now`. Reads only.
 * @throws {InvalidRequestError} for a limit outside 1..100 or a cursor this service did not issue.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function readPage<Row extends HistoryCursor, Item>(
  ctx: ServiceContext,
  options: PageOptions,
  list: (limit: number, after: HistoryCursor | null) => Promise<Row[]>,
  toItem: (row: Row, now: number) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new InvalidRequestError(`limit must be an integer in 1..${MAX_HISTORY_LIMIT}.`, 'limit');
  }
  const after = options.cursor ? decodeHistoryCursor(options.cursor) : null;
  // One extra row tells whether another page exists.
  const rows = await list(limit + 1, after);
  const page = rows.slice(0, limit);
  const now = ctx.now();
  const last = page.at(-1);
  return {
    items: page.map((row) => toItem(row, now)),
    nextCursor:
      rows.length > limit && last
        ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/** Stored events as the creator's audit trail shows them, oldest first. */
export function toAuditEvents(events: readonly StoredAuditEvent[]): AuditEvent[] {
  return events.map((e) => ({
    type: e.type,
    at: new Date(e.at),
    ip: e.ip,
    userAgent: e.userAgent,
    detail: e.detail,
  }));
}
