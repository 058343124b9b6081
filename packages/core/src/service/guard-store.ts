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
  const guarded: SecretStore = {
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
  // Request methods only where the store has them: the service then tells "no request
  // support" apart from a failing store.
  const {
    insertRequest,
    getRequest,
    compareAndSetRequest,
    listRequestsDueForSweep,
    listRequestsByCreator,
    answerRequest,
  } = store;
  if (insertRequest) {
    guarded.insertRequest = guard((record, events) => insertRequest.call(store, record, events));
  }
  if (getRequest) guarded.getRequest = guard((id) => getRequest.call(store, id));
  if (compareAndSetRequest) {
    guarded.compareAndSetRequest = guard((id, version, next, events) =>
      compareAndSetRequest.call(store, id, version, next, events),
    );
  }
  if (listRequestsDueForSweep) {
    guarded.listRequestsDueForSweep = guard((now, limit) =>
      listRequestsDueForSweep.call(store, now, limit),
    );
  }
  if (listRequestsByCreator) {
    guarded.listRequestsByCreator = guard((createdBy, limit, after) =>
      listRequestsByCreator.call(store, createdBy, limit, after),
    );
  }
  if (answerRequest) {
    guarded.answerRequest = guard((requestId, version, next, secret, events) =>
      answerRequest.call(store, requestId, version, next, secret, events),
    );
  }
  return guarded;
}
