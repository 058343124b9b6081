import type { AuditEventInput, SecretStore } from '@hushlink/core';
import type { ColdQueries } from './cold-queries';
import type { HotStatements } from './hot-statements';
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
 * decided, each record change together with its audit events in one transaction, and
 * reads the database directly on every call (no cache). Concurrency: see
 * ./prepared-executor.ts.
 */
export function createSqliteSecretStore(
  executor: SqlExecutor,
  hot: HotStatements,
  cold: ColdQueries,
): SecretStore {
  const eventSteps = (events: readonly AuditEventInput[]): WriteStep[] =>
    events.map((event) => ({ sql: hot.insertEvent, parameters: eventParameters(event) }));

  const readRecords = async (query: { sql: string; parameters: readonly unknown[] }) =>
    ((await executor.all(query.sql, query.parameters)) as SecretRow[]).map(secretFromRow);

  return {
    async insert(record, events) {
      await executor.write([
        { sql: hot.insertSecret, parameters: secretParameters(record) },
        ...eventSteps(events),
      ]);
    },

    async get(id) {
      const row = (await executor.first(hot.getSecret, [id])) as SecretRow | undefined;
      return row ? secretFromRow(row) : null;
    },

    async compareAndSet(id, expectedVersion, next, events) {
      const values = secretParameters(next);
      // Drop next.id (first column): the UPDATE sets every other column and matches on `id`;
      // a record never changes its id.
      values.shift();
      values.push(id, expectedVersion);
      const changed = await executor.write([
        { sql: hot.compareAndSetSecret, parameters: values, requireChange: true },
        ...eventSteps(events),
      ]);
      return changed !== null;
    },

    async appendEvents(events) {
      if (events.length === 0) return;
      await executor.write(eventSteps(events));
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
      return (await executor.write([events, secrets])) ?? 0;
    },
  };
}
