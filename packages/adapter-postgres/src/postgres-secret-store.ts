import type {
  AuditEventInput,
  HistoryCursor,
  SecretRecord,
  SecretStore,
  StoredAuditEvent,
} from '@hushlink/core';
import { bind } from './prepared-statement';
import type { QueryRunner } from './query-runner';
import {
  type EventRow,
  eventValues,
  type SecretRow,
  secretValues,
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
): SecretStore {
  /** Runs one statement with its values in `LAYOUT` order. */
  async function run<Row>(
    operation: keyof SecretStatements,
    values: readonly unknown[],
  ): Promise<Row[]> {
    const statement = statements[operation];
    try {
      return (await runner.run<Row>(statement, bind(statement, values))).rows;
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  return {
    async insert(record: SecretRecord, events: readonly AuditEventInput[]): Promise<void> {
      try {
        await run('insert', [...secretValues(record), ...eventValues(events)]);
      } catch (error) {
        // Ids are 16 random bytes: a clash is a bug in the caller, not an outage.
        if (sqlState((error as Error).cause) === UNIQUE_VIOLATION) {
          throw new Error(`A secret with id ${record.id} already exists.`, { cause: error });
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
    ): Promise<boolean> {
      const [row] = await run<{ moved: number }>('compareAndSet', [
        ...secretValues(next),
        ...eventValues(events),
        id,
        expectedVersion,
      ]);
      return row?.moved === 1;
    },

    async appendEvents(events: readonly AuditEventInput[]): Promise<void> {
      if (events.length === 0) return;
      await run('appendEvents', eventValues(events));
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
  };
}
