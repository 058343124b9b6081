import { NotAvailableError } from '../errors';
import { verifyRecord } from '../integrity';
import type { ServiceContext } from './context';
import { toHistoryItem } from './history-item';
import { type PageOptions, readPage, toAuditEvents } from './read-page';
import type { AuditEvent, HistoryPage } from './types';

export { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './read-page';

/**
 * One page of a creator's secrets, newest first. Reads only: a tampered row shows as
 * burned/integrity without a write.
 * @throws {InvalidRequestError} for a limit outside 1..100 or a cursor this service did not issue.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function listHistory(
  ctx: ServiceContext,
  createdBy: string,
  options: PageOptions = {},
): Promise<HistoryPage> {
  return readPage(
    ctx,
    options,
    (limit, after) => ctx.store.listByCreator(createdBy, limit, after),
    (record, now) => toHistoryItem(record, now, verifyRecord(record, ctx.keyring)),
  );
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
  return toAuditEvents(await ctx.store.listEvents(id));
}
