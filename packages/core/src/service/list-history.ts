import { InvalidRequestError, NotAvailableError } from '../errors';
import { verifyRecord } from '../integrity';
import type { ServiceContext } from './context';
import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor';
import { toHistoryItem } from './history-item';
import type { AuditEvent, HistoryPage } from './types';

/** Items per history page when the caller gives no limit. */
export const DEFAULT_HISTORY_LIMIT = 20;
/** The largest history page. */
export const MAX_HISTORY_LIMIT = 100;

/**
 * One page of a creator's secrets, newest first. Reads only: a tampered row shows as
 * burned/integrity without a write.
 * @throws {InvalidRequestError} for a limit outside 1..100 or a cursor this service did not issue.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function listHistory(
  ctx: ServiceContext,
  createdBy: string,
  options: { limit?: number; cursor?: string | null } = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new InvalidRequestError(`limit must be an integer in 1..${MAX_HISTORY_LIMIT}.`, 'limit');
  }
  const after = options.cursor ? decodeHistoryCursor(options.cursor) : null;
  // One extra row tells whether another page exists.
  const rows = await ctx.store.listByCreator(createdBy, limit + 1, after);
  const page = rows.slice(0, limit);
  const now = ctx.now();
  const last = page.at(-1);
  return {
    items: page.map((record) => toHistoryItem(record, now, verifyRecord(record, ctx.keyring))),
    nextCursor:
      rows.length > limit && last
        ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/**
 * The audit trail of one of the creator's secrets, oldest first.
 * @throws {NotAvailableError} for a missing id or another creator's secret.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function listEvents(
  ctx: ServiceContext,
  id: string,
  createdBy: string,
): Promise<AuditEvent[]> {
  const record = await ctx.store.get(id);
  if (!record || record.createdBy !== createdBy) throw new NotAvailableError();
  const events = await ctx.store.listEvents(id);
  return events.map((e) => ({
    type: e.type,
    at: new Date(e.at),
    ip: e.ip,
    userAgent: e.userAgent,
    detail: e.detail,
  }));
}
