import type {
  AuditEventInput,
  HistoryCursor,
  OutboxMessage,
  OutboxMessageInput,
  OutboxStore,
  RequestRecord,
  RequestStore,
  SecretRecord,
  SecretStore,
  StoredAuditEvent,
} from '@hushlink/core';
import { bind } from './prepared-statement';
import type { QueryRunner } from './query-runner';
import { type RequestRow, requestValues, toRequestRecord } from './request-row';
import {
  type EventRow,
  eventValues,
  type OutboxRow,
  outboxValues,
  type SecretRow,
  secretValues,
  toOutboxMessage,
  toSecretRecord,
  toStoredEvent,
  toTimestamp,
} from './secret-row';
import type { SecretStatements } from './secret-statements';
import { sqlState, toStoreError } from './to-store-error';

const UNIQUE_VIOLATION = '23505';

/**
 * `SecretStore` on PostgreSQL. Every method is one statement and one round trip; see
 * `secret-statements.ts` for why that makes compare-and-set exactly-once across
 * processes. Reads go to the database every time (no cache).
 *
 * @throws {StoreUnavailableError} from every method when the database fails.
 */
export function createPostgresSecretStore(
  runner: QueryRunner,
  statements: SecretStatements,
): SecretStore & OutboxStore & RequestStore {
  /** Runs one statement with its values in `LAYOUT` order. */
  async function run<Row>(
    operation: keyof SecretStatements,
    values: readonly unknown[],
  ): Promise<Row[]> {
    return (await runCounted<Row>(operation, values)).rows;
  }

  /** As {@link run}, with the number of rows the statement changed. */
  async function runCounted<Row>(operation: keyof SecretStatements, values: readonly unknown[]) {
    const statement = statements[operation];
    try {
      return await runner.run<Row>(statement, bind(statement, values));
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  return {
    async insert(
      record: SecretRecord,
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<void> {
      try {
        await run('insert', [
          ...secretValues(record),
          ...eventValues(events),
          ...outboxValues(messages),
        ]);
      } catch (error) {
        // Ids are 16 random bytes: a clash is a bug in the caller, not an outage.
        if (sqlState((error as Error).cause) === UNIQUE_VIOLATION) {
          throw new Error(`A secret (or outbox message) with id ${record.id} already exists.`, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async get(id: string): Promise<SecretRecord | null> {
      const [row] = await run<SecretRow>('get', [id]);
      return row ? toSecretRecord(row) : null;
    },

    async compareAndSet(
      id: string,
      expectedVersion: number,
      next: SecretRecord,
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<boolean> {
      const [row] = await run<{ moved: number }>('compareAndSet', [
        ...secretValues(next),
        ...eventValues(events),
        ...outboxValues(messages),
        id,
        expectedVersion,
      ]);
      return row?.moved === 1;
    },

    async appendEvents(
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<void> {
      if (events.length === 0 && messages.length === 0) return;
      await run('appendEvents', [...eventValues(events), ...outboxValues(messages)]);
    },

    async listEvents(subjectId: string): Promise<StoredAuditEvent[]> {
      const rows = await run<EventRow>('listEvents', [subjectId]);
      return rows.map(toStoredEvent);
    },

    async listByCreator(
      createdBy: string,
      limit: number,
      after: HistoryCursor | null,
    ): Promise<SecretRecord[]> {
      const rows = after
        ? await run<SecretRow>('listByCreatorAfter', [
            createdBy,
            limit,
            toTimestamp(after.createdAt),
            after.id,
          ])
        : await run<SecretRow>('listByCreator', [createdBy, limit]);
      return rows.map(toSecretRecord);
    },

    async listDueForSweep(now: number, limit: number): Promise<SecretRecord[]> {
      const rows = await run<SecretRow>('listDueForSweep', [toTimestamp(now), limit]);
      return rows.map(toSecretRecord);
    },

    async purgeExpiredBefore(cutoff: number): Promise<number> {
      const [row] = await run<{ purged: number }>('purgeExpiredBefore', [toTimestamp(cutoff)]);
      return row?.purged ?? 0;
    },

    async insertRequest(
      record: RequestRecord,
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<void> {
      try {
        await run('insertRequest', [
          ...requestValues(record),
          ...eventValues(events),
          ...outboxValues(messages),
        ]);
      } catch (error) {
        if (sqlState((error as Error).cause) === UNIQUE_VIOLATION) {
          throw new Error(`A request (or outbox message) with id ${record.id} already exists.`, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async getRequest(id: string): Promise<RequestRecord | null> {
      const [row] = await run<RequestRow>('getRequest', [id]);
      return row ? toRequestRecord(row) : null;
    },

    async compareAndSetRequest(
      id: string,
      expectedVersion: number,
      next: RequestRecord,
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<boolean> {
      const [row] = await run<{ moved: number }>('compareAndSetRequest', [
        ...requestValues(next),
        ...eventValues(events),
        ...outboxValues(messages),
        id,
        expectedVersion,
      ]);
      return row?.moved === 1;
    },

    async listRequestsByCreator(
      createdBy: string,
      limit: number,
      after: HistoryCursor | null,
    ): Promise<RequestRecord[]> {
      const rows = after
        ? await run<RequestRow>('listRequestsByCreatorAfter', [
            createdBy,
            limit,
            toTimestamp(after.createdAt),
            after.id,
          ])
        : await run<RequestRow>('listRequestsByCreator', [createdBy, limit]);
      return rows.map(toRequestRecord);
    },

    async listRequestsDueForSweep(now: number, limit: number): Promise<RequestRecord[]> {
      const rows = await run<RequestRow>('listRequestsDueForSweep', [toTimestamp(now), limit]);
      return rows.map(toRequestRecord);
    },

    async answerRequest(
      requestId: string,
      expectedVersion: number,
      nextRequest: RequestRecord,
      answerSecret: SecretRecord,
      events: readonly AuditEventInput[],
      messages: readonly OutboxMessageInput[] = [],
    ): Promise<boolean> {
      const [row] = await run<{ moved: number }>('answerRequest', [
        ...requestValues(nextRequest),
        ...secretValues(answerSecret),
        ...eventValues(events),
        ...outboxValues(messages),
        requestId,
        expectedVersion,
      ]);
      return row?.moved === 1;
    },

    async claimDueOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
      const rows = await run<OutboxRow>('claimDueOutbox', [
        toTimestamp(now + leaseMs),
        toTimestamp(now),
        limit,
      ]);
      // RETURNING gives no order: restore the due order the contract promises.
      return rows
        .map(toOutboxMessage)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1));
    },

    async markOutboxDelivered(id: string, at: number): Promise<void> {
      await run('markOutboxDelivered', [toTimestamp(at), id]);
    },

    async markOutboxFailed(
      id: string,
      attempt: number,
      at: number,
      error: string,
      retryAt: number | null,
    ): Promise<boolean> {
      const result =
        retryAt === null
          ? await runCounted('markOutboxGaveUp', [error, toTimestamp(at), id, attempt])
          : await runCounted('markOutboxRetry', [error, toTimestamp(retryAt), id, attempt]);
      return result.rowCount > 0;
    },

    async listFailedOutbox(limit: number): Promise<OutboxMessage[]> {
      return (await run<OutboxRow>('listFailedOutbox', [limit])).map(toOutboxMessage);
    },

    async purgeOutboxBefore(cutoff: number): Promise<number> {
      return (await runCounted('purgeOutbox', [toTimestamp(cutoff)])).rowCount;
    },
  };
}
