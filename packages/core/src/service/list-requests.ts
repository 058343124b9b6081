import { NotAvailableError } from '../errors';
import { verifyRequest } from '../integrity';
import { effectiveRequestStatus } from '../lifecycle';
import type { RequestRecord } from '../store/types';
import type { ServiceContext } from './context';
import { dateOrNull } from './history-item';
import { type PageOptions, readPage, toAuditEvents } from './read-page';
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
  options: PageOptions = {},
): Promise<RequestPage> {
  return readPage(
    ctx,
    options,
    (limit, after) => requestStoreOf(ctx.store).listRequestsByCreator(createdBy, limit, after),
    (record, now) => toRequestItem(record, now, verifyRequest(record, ctx.keyring)),
  );
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
  return toAuditEvents(await ctx.store.listEvents(id));
}

/** A request as the creator's list shows it at `now`; an unsound one as burned, with no answer. */
export function toRequestItem(record: RequestRecord, now: number, sound: boolean): RequestItem {
  return {
    id: record.id,
    label: record.label,
    status: sound ? effectiveRequestStatus(record, now) : 'burned',
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
    answeredAt: sound ? dateOrNull(record.answeredAt) : null,
    answerSecretId: sound ? record.answerSecretId : null,
    ephemeralKey: sound && record.ephemeralKey ? Uint8Array.from(record.ephemeralKey) : null,
  };
}
