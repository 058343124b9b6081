import type { StoreProbe } from '../testing/store-probe';
import { createMemoryOutbox } from './memory-outbox';
import type {
  AuditEventInput,
  HistoryCursor,
  OutboxStore,
  RequestRecord,
  RequestStore,
  SecretRecord,
  SecretStore,
  StoredAuditEvent,
} from './types';

/** Name of the in-memory store, for logs and test titles. */
export const MEMORY_STORE_NAME = 'memory';

/** A `SecretStore` (with its outbox) that lives in this process only, plus a probe that reads its raw state. */
export type MemoryStore = SecretStore & OutboxStore & RequestStore & { probe: StoreProbe };

/**
 * Creates a `SecretStore` held in this process's memory: for tests, demos and a
 * single-process app that accepts losing every secret on restart.
 *
 * Records and events are copied on the way in and on the way out, so a caller that
 * mutates an object it passed or received cannot change what is stored. Compare-and-set
 * is atomic because JavaScript runs one callback at a time and no `await` separates the
 * version check from the write; each method still yields once first, so concurrent
 * callers interleave as they would against a database.
 */
export function createMemoryStore(): MemoryStore {
  const records = new Map<string, SecretRecord>();
  const requests = new Map<string, RequestRecord>();
  const events = new Map<string, StoredAuditEvent[]>();
  const outbox = createMemoryOutbox(yieldOnce);

  const appendAll = (input: readonly AuditEventInput[]): void => {
    for (const event of input) {
      const list = events.get(event.subjectId) ?? [];
      list.push(structuredClone(event));
      events.set(event.subjectId, list);
    }
  };

  return {
    async insert(record, newEvents, newOutbox = []) {
      await yieldOnce();
      if (records.has(record.id)) throw new Error(`A secret with id ${record.id} already exists.`);
      outbox.check(newOutbox);
      records.set(record.id, structuredClone(record));
      appendAll(newEvents);
      outbox.write(newOutbox);
    },

    async get(id) {
      await yieldOnce();
      const record = records.get(id);
      return record ? structuredClone(record) : null;
    },

    async compareAndSet(id, expectedVersion, next, newEvents, newOutbox = []) {
      await yieldOnce();
      const current = records.get(id);
      if (!current || current.version !== expectedVersion) return false;
      outbox.check(newOutbox);
      records.set(id, structuredClone(next));
      appendAll(newEvents);
      outbox.write(newOutbox);
      return true;
    },

    async appendEvents(newEvents, newOutbox = []) {
      await yieldOnce();
      outbox.check(newOutbox);
      appendAll(newEvents);
      outbox.write(newOutbox);
    },

    async listEvents(subjectId) {
      await yieldOnce();
      return structuredClone(events.get(subjectId) ?? []);
    },

    async listByCreator(createdBy, limit, after) {
      await yieldOnce();
      return [...records.values()]
        .filter((r) => r.createdBy === createdBy && (after === null || isAfter(r, after)))
        .sort(newestFirst)
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },

    async listDueForSweep(now, limit) {
      await yieldOnce();
      return [...records.values()]
        .filter((r) => r.expiresAt <= now && (r.status === 'active' || r.envelope !== null))
        .sort((a, b) => a.expiresAt - b.expiresAt || compareIds(a.id, b.id))
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },

    async purgeExpiredBefore(cutoff) {
      await yieldOnce();
      let purged = 0;
      for (const record of [...records.values(), ...requests.values()]) {
        if (record.expiresAt < cutoff) {
          records.delete(record.id);
          requests.delete(record.id);
          events.delete(record.id);
          purged++;
        }
      }
      return purged;
    },

    async insertRequest(record, newEvents, newOutbox = []) {
      await yieldOnce();
      if (requests.has(record.id))
        throw new Error(`A request with id ${record.id} already exists.`);
      outbox.check(newOutbox);
      requests.set(record.id, structuredClone(record));
      appendAll(newEvents);
      outbox.write(newOutbox);
    },

    async getRequest(id) {
      await yieldOnce();
      const record = requests.get(id);
      return record ? structuredClone(record) : null;
    },

    async compareAndSetRequest(id, expectedVersion, next, newEvents, newOutbox = []) {
      await yieldOnce();
      const current = requests.get(id);
      if (!current || current.version !== expectedVersion) return false;
      outbox.check(newOutbox);
      requests.set(id, structuredClone(next));
      appendAll(newEvents);
      outbox.write(newOutbox);
      return true;
    },

    async listRequestsDueForSweep(now, limit) {
      await yieldOnce();
      return [...requests.values()]
        .filter((r) => r.status === 'open' && r.expiresAt <= now)
        .sort((a, b) => a.expiresAt - b.expiresAt || compareIds(a.id, b.id))
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },

    async listRequestsByCreator(createdBy, limit, after) {
      await yieldOnce();
      return [...requests.values()]
        .filter((r) => r.createdBy === createdBy && (after === null || isAfter(r, after)))
        .sort(newestFirst)
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },

    async answerRequest(
      requestId,
      expectedVersion,
      nextRequest,
      answerSecret,
      newEvents,
      newOutbox = [],
    ) {
      await yieldOnce();
      const current = requests.get(requestId);
      if (!current || current.version !== expectedVersion) return false;
      // Every check before any write: a refusal leaves nothing half done.
      if (records.has(answerSecret.id)) {
        throw new Error(`A secret with id ${answerSecret.id} already exists.`);
      }
      outbox.check(newOutbox);
      requests.set(requestId, structuredClone(nextRequest));
      records.set(answerSecret.id, structuredClone(answerSecret));
      appendAll(newEvents);
      outbox.write(newOutbox);
      return true;
    },

    claimDueOutbox: outbox.claimDueOutbox,
    markOutboxDelivered: outbox.markOutboxDelivered,
    markOutboxFailed: outbox.markOutboxFailed,
    listFailedOutbox: outbox.listFailedOutbox,
    purgeOutboxBefore: outbox.purgeOutboxBefore,

    probe: {
      async dumpRows() {
        const rows: Array<Record<string, unknown>> = [];
        for (const record of records.values())
          rows.push({ table: 'secrets', ...structuredClone(record) });
        for (const request of requests.values())
          rows.push({ table: 'requests', ...structuredClone(request) });
        for (const list of events.values()) {
          for (const event of list) rows.push({ table: 'events', ...structuredClone(event) });
        }
        for (const message of outbox.all()) rows.push({ table: 'outbox', ...message });
        return rows;
      },
    },
  };
}

/** What history order needs of a secret or a request. */
type Ordered = Pick<SecretRecord, 'createdAt' | 'id'>;

/** Lets other pending callbacks run, as a round trip to a database would. */
function yieldOnce(): Promise<void> {
  return Promise.resolve();
}

/** History order: createdAt descending, then id descending (a total order: ids are unique). */
function newestFirst(a: Ordered, b: Ordered): number {
  return b.createdAt - a.createdAt || compareIds(b.id, a.id);
}

/** True when `record` comes strictly after the cursor in history order. */
function isAfter(record: Ordered, cursor: HistoryCursor): boolean {
  return (
    record.createdAt < cursor.createdAt ||
    (record.createdAt === cursor.createdAt && compareIds(record.id, cursor.id) < 0)
  );
}

/** Binary (code unit) order, the order a database's `C`/binary collation gives ASCII ids. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
