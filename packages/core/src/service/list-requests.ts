import { InvalidRequestError, NotAvailableError } from '../errors';
import { verifyRequest } from '../integrity';
import { effectiveRequestStatus } from '../lifecycle';
import type { RequestRecord } from '../store/types';
import type { ServiceContext } from './context';
import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './list-history';
import { requestStoreOf } from './request-context';
import type { AuditEvent, RequestItem, RequestPage } from './types';

/**
 * One page of a creator's requests, newest first. Reads only: a tampered row shows as
 * `burned` with no answer, without a write (DESIGN.md §3); the next DELETE or customer
 * call persists the burn.
 * @throws {InvalidRequestError} for a limit outside 1..100 or a cursor this service did not issue.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function listRequests(
  ctx: ServiceContext,
  createdBy: string,
  options: { limit?: number; cursor?: string | null } = {},
): Promise<RequestPage> {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new InvalidRequestError(`limit must be an integer in 1..${MAX_HISTORY_LIMIT}.`, 'limit');
  }
  const after = options.cursor ? decodeHistoryCursor(options.cursor) : null;
  const rows = await requestStoreOf(ctx.store).listRequestsByCreator(createdBy, limit + 1, after);
  const page = rows.slice(0, limit);
  const now = ctx.now();
  const last = page.at(-1);
  return {
    items: page.map((record) => toRequestItem(record, now, verifyRequest(record, ctx.keyring))),
    nextCursor:
      rows.length > limit && last
        ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/**
 * The audit trail of one of the creator's requests, oldest first.
 * @throws {NotAvailableError} for an unknown id or another creator's request.
 */
export async function listRequestEvents(
  ctx: ServiceContext,
  id: string,
  createdBy: string,
): Promise<AuditEvent[]> {
  const record = typeof id === 'string' ? await requestStoreOf(ctx.store).getRequest(id) : null;
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

/** A request as the creator's list shows it at `now`; an unsound one as burned, with no answer. */
export function toRequestItem(record: RequestRecord, now: number, sound: boolean): RequestItem {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    id: record.id,
    label: record.label,
    status: sound ? effectiveRequestStatus(record, now) : 'burned',
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
    answeredAt: sound ? date(record.answeredAt) : null,
    answerSecretId: sound ? record.answerSecretId : null,
    ephemeralKey: sound && record.ephemeralKey ? Uint8Array.from(record.ephemeralKey) : null,
  };
}
