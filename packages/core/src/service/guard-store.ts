import { StoreUnavailableError } from '../errors';
import type { SecretStore } from '../store/types';

/**
 * Wraps a store so that any failure it throws (database down, timeout, constraint) reaches
 * callers as `StoreUnavailableError` with the original error as `cause`: nothing about the
 * secret was decided, and the HTTP layer answers 503 instead of 500.
 */
export function guardStore(store: SecretStore): SecretStore {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (cause) {
        throw new StoreUnavailableError(undefined, { cause });
      }
    };
  return {
    insert: guard((record, events) => store.insert(record, events)),
    get: guard((id) => store.get(id)),
    compareAndSet: guard((id, version, next, events) =>
      store.compareAndSet(id, version, next, events),
    ),
    appendEvents: guard((events) => store.appendEvents(events)),
    listEvents: guard((subjectId) => store.listEvents(subjectId)),
    listByCreator: guard((createdBy, limit, after) => store.listByCreator(createdBy, limit, after)),
    listDueForSweep: guard((now, limit) => store.listDueForSweep(now, limit)),
    purgeExpiredBefore: guard((cutoff) => store.purgeExpiredBefore(cutoff)),
  };
}
