import type {
  AuditEventInput,
  OutboxMessageInput,
  OutboxStore,
  RequestStore,
  SecretStore,
} from '@hushlink/core';
import type { ColdQueries } from './cold-queries';
import type { HotStatements } from './hot-statements';
import {
  type OutboxRow,
  type OutboxStatements,
  outboxFromRow,
  outboxInsertParameters,
} from './outbox-statements';
import { type RequestRow, requestFromRow, requestParameters } from './request-row';
import type { RequestStatements } from './request-statements';
import {
  type EventRow,
  eventFromRow,
  eventParameters,
  type SecretRow,
  secretFromRow,
  secretParameters,
} from './secret-row';
import type { SqlExecutor, WriteStep } from './sql-executor';

/**
 * A `SecretStore` on SQLite. Thin by contract (DESIGN.md §9): it persists what core
 * decided, each record change together with its audit events and outbox messages in one
 * transaction, and
 * reads the database directly on every call (no cache). Concurrency: see
 * ./prepared-executor.ts.
 */
export function createSqliteSecretStore(
  executor: SqlExecutor,
  hot: HotStatements,
  cold: ColdQueries,
  outbox: OutboxStatements,
  requests: RequestStatements,
): SecretStore & OutboxStore & RequestStore {
  const eventSteps = (
    events: readonly AuditEventInput[],
    messages: readonly OutboxMessageInput[] = [],
  ): WriteStep[] => [
    ...events.map((event) => ({ sql: hot.insertEvent, parameters: eventParameters(event) })),
    ...messages.map((m) => ({ sql: outbox.insert, parameters: outboxInsertParameters(m) })),
  ];
  const casRequestStep = (
    id: string,
    expectedVersion: number,
    next: Parameters<RequestStore['compareAndSetRequest']>[2],
  ): WriteStep => {
    // Every column but the id (a request never changes it), then the id and version to match.
    const values = requestParameters(next).slice(1);
    values.push(id, expectedVersion);
    return { sql: requests.compareAndSet, parameters: values, requireChange: true };
  };
  const readOutbox = async (sql: string, parameters: readonly unknown[]) =>
    ((await executor.all(sql, parameters)) as OutboxRow[]).map(outboxFromRow);

  const readRecords = async (query: { sql: string; parameters: readonly unknown[] }) =>
    ((await executor.all(query.sql, query.parameters)) as SecretRow[]).map(secretFromRow);
  const readRequests = async (query: { sql: string; parameters: readonly unknown[] }) =>
    ((await executor.all(query.sql, query.parameters)) as RequestRow[]).map(requestFromRow);

  return {
    async insert(record, events, messages) {
      await executor.write([
        { sql: hot.insertSecret, parameters: secretParameters(record) },
        ...eventSteps(events, messages),
      ]);
    },

    async get(id) {
      const row = (await executor.first(hot.getSecret, [id])) as SecretRow | undefined;
      return row ? secretFromRow(row) : null;
    },

    async compareAndSet(id, expectedVersion, next, events, messages) {
      const values = secretParameters(next);
      // Drop next.id (first column): the UPDATE sets every other column and matches on `id`;
      // a record never changes its id.
      values.shift();
      values.push(id, expectedVersion);
      const changed = await executor.write([
        { sql: hot.compareAndSetSecret, parameters: values, requireChange: true },
        ...eventSteps(events, messages),
      ]);
      return changed !== null;
    },

    async appendEvents(events, messages = []) {
      if (events.length === 0 && messages.length === 0) return;
      await executor.write(eventSteps(events, messages));
    },

    async listEvents(subjectId) {
      const query = cold.listEvents(subjectId);
      return ((await executor.all(query.sql, query.parameters)) as EventRow[]).map(eventFromRow);
    },

    listByCreator(createdBy, limit, after) {
      return readRecords(cold.listByCreator(createdBy, limit, after));
    },

    listDueForSweep(now, limit) {
      return readRecords(cold.listDueForSweep(now, limit));
    },

    async purgeExpiredBefore(cutoff) {
      const [events, secrets] = cold.purgeExpiredBefore(cutoff);
      const purgedSecrets = (await executor.write([events, secrets])) ?? 0;
      const [requestEvents, purgeRequests] = cold.purgeRequestsBefore(cutoff);
      return purgedSecrets + ((await executor.write([requestEvents, purgeRequests])) ?? 0);
    },

    async insertRequest(record, events, messages) {
      await executor.write([
        { sql: requests.insert, parameters: requestParameters(record) },
        ...eventSteps(events, messages),
      ]);
    },

    async getRequest(id) {
      const row = (await executor.first(requests.get, [id])) as RequestRow | undefined;
      return row ? requestFromRow(row) : null;
    },

    async compareAndSetRequest(id, expectedVersion, next, events, messages) {
      const changed = await executor.write([
        casRequestStep(id, expectedVersion, next),
        ...eventSteps(events, messages),
      ]);
      return changed !== null;
    },

    listRequestsByCreator(createdBy, limit, after) {
      return readRequests(cold.listRequestsByCreator(createdBy, limit, after));
    },

    listRequestsDueForSweep(now, limit) {
      return readRequests(cold.listRequestsDueForSweep(now, limit));
    },

    async answerRequest(requestId, expectedVersion, nextRequest, answerSecret, events, messages) {
      // One transaction: the request's compare-and-set first (a lost race rolls back
      // before anything else is written), then the answer secret, then events and outbox.
      const changed = await executor.write([
        casRequestStep(requestId, expectedVersion, nextRequest),
        { sql: hot.insertSecret, parameters: secretParameters(answerSecret) },
        ...eventSteps(events, messages),
      ]);
      return changed !== null;
    },

    async claimDueOutbox(now, leaseMs, limit) {
      const claimed = await readOutbox(outbox.claimDue, [now + leaseMs, now, now, limit]);
      // RETURNING gives no order: restore the due order the contract promises.
      return claimed.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1));
    },

    async markOutboxDelivered(id, at) {
      await executor.write([{ sql: outbox.markDelivered, parameters: [at, id] }]);
    },

    async markOutboxFailed(id, attempt, at, error, retryAt) {
      const step =
        retryAt === null
          ? { sql: outbox.markGaveUp, parameters: [error, at, id, attempt] }
          : { sql: outbox.markRetry, parameters: [error, retryAt, id, attempt] };
      return ((await executor.write([step])) ?? 0) > 0;
    },

    listFailedOutbox(limit) {
      return readOutbox(outbox.listFailed, [limit]);
    },

    async purgeOutboxBefore(cutoff) {
      return (await executor.write([{ sql: outbox.purge, parameters: [cutoff] }])) ?? 0;
    },
  };
}
