import { encodeBase64url } from '../crypto';
import type {
  AuditEventInput,
  OutboxMessageInput,
  RequestRecord,
  SecretRecord,
  SecretStore,
} from '../store/types';
import { type NotificationSubject, notificationOf } from './notification-of';
import type { ResolvedWebhook } from './resolve-webhooks';
import type { NotificationEvent, OnEvent } from './types';

/** What {@link withNotifications} needs from the service. */
export interface NotificationSettings {
  webhooks: readonly ResolvedWebhook[];
  onEvent: OnEvent | undefined;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
}

/**
 * Wraps a store so that every audited transition is also observable (DESIGN.md §11):
 * each write of events gets one outbox message per subscribed webhook, passed to the same
 * `insert` / `compareAndSet` / `appendEvents` call so they share its transaction; once
 * the write has committed, `onEvent` hears each event. A lost compare-and-set writes and
 * tells nothing. Without webhooks and `onEvent` the store is returned unchanged.
 *
 * `appendEvents` carries no record, so the subject is read (one extra `get`) to fill in
 * label, notify and creator — only when someone listens.
 */
export function withNotifications(store: SecretStore, settings: NotificationSettings): SecretStore {
  const { webhooks, onEvent } = settings;
  if (webhooks.length === 0 && onEvent === undefined) return store;

  const listens = (events: readonly AuditEventInput[]) =>
    onEvent !== undefined || events.some((e) => webhooks.some((w) => w.events.has(e.type)));

  const prepare = (events: readonly AuditEventInput[], subject: NotificationSubject | null) => {
    const notifications = events.map((event) => notificationOf(event, subject));
    const createdAt = settings.now();
    const outbox: OutboxMessageInput[] = [];
    for (const notification of notifications) {
      const payload = JSON.stringify(notification);
      for (const webhook of webhooks) {
        if (!webhook.events.has(notification.type)) continue;
        outbox.push({
          id: `msg_${encodeBase64url(settings.randomBytes(16))}`,
          endpointId: webhook.id,
          payload,
          createdAt,
        });
      }
    }
    return { notifications, outbox };
  };

  const tell = (notifications: readonly NotificationEvent[]): void => {
    if (onEvent === undefined) return;
    for (const notification of notifications) {
      try {
        // Not awaited: an observer must not slow the answer. Its failures are only logged.
        Promise.resolve(onEvent(notification)).catch(logObserverError);
      } catch (error) {
        logObserverError(error);
      }
    }
  };

  // Only the methods the service calls are wrapped; the dispatcher uses the store itself.
  const wrapped: SecretStore = {
    get: (id) => store.get(id),
    listEvents: (subjectId) => store.listEvents(subjectId),
    listByCreator: (createdBy, limit, after) => store.listByCreator(createdBy, limit, after),
    listDueForSweep: (now, limit) => store.listDueForSweep(now, limit),
    purgeExpiredBefore: (cutoff) => store.purgeExpiredBefore(cutoff),
    async insert(record, events, outbox = []) {
      const prepared = prepare(events, subjectOf(record));
      await store.insert(record, events, [...outbox, ...prepared.outbox]);
      tell(prepared.notifications);
    },
    async compareAndSet(id, expectedVersion, next, events, outbox = []) {
      const prepared = prepare(events, subjectOf(next));
      const won = await store.compareAndSet(id, expectedVersion, next, events, [
        ...outbox,
        ...prepared.outbox,
      ]);
      if (won) tell(prepared.notifications);
      return won;
    },
    async appendEvents(events, outbox = []) {
      if (events.length === 0 || !listens(events)) return store.appendEvents(events, outbox);
      const subjectId = events[0]?.subjectId as string;
      const sameSubject = events.every((e) => e.subjectId === subjectId);
      const subject = sameSubject ? subjectOf(await store.get(subjectId)) : null;
      const prepared = prepare(events, subject);
      await store.appendEvents(events, [...outbox, ...prepared.outbox]);
      tell(prepared.notifications);
    },
  };
  // Request links (DESIGN.md §10): the same, for stores that have them.
  const {
    insertRequest,
    getRequest,
    compareAndSetRequest,
    listRequestsDueForSweep,
    listRequestsByCreator,
    answerRequest,
  } = store;
  if (getRequest) wrapped.getRequest = (id) => getRequest.call(store, id);
  if (listRequestsDueForSweep) {
    wrapped.listRequestsDueForSweep = (now, limit) =>
      listRequestsDueForSweep.call(store, now, limit);
  }
  if (listRequestsByCreator) {
    wrapped.listRequestsByCreator = (createdBy, limit, after) =>
      listRequestsByCreator.call(store, createdBy, limit, after);
  }
  if (insertRequest) {
    wrapped.insertRequest = async (record, events, outbox = []) => {
      const prepared = prepare(events, requestSubjectOf(record));
      await insertRequest.call(store, record, events, [...outbox, ...prepared.outbox]);
      tell(prepared.notifications);
    };
  }
  if (compareAndSetRequest) {
    wrapped.compareAndSetRequest = async (id, expectedVersion, next, events, outbox = []) => {
      const prepared = prepare(events, requestSubjectOf(next));
      const won = await compareAndSetRequest.call(store, id, expectedVersion, next, events, [
        ...outbox,
        ...prepared.outbox,
      ]);
      if (won) tell(prepared.notifications);
      return won;
    };
  }
  if (answerRequest) {
    wrapped.answerRequest = async (
      requestId,
      expectedVersion,
      next,
      secret,
      events,
      outbox = [],
    ) => {
      // The request's events (`answered`) and the answer secret's (`created`), each with its subject.
      const ofRequest = prepare(
        events.filter((e) => e.subjectId === requestId),
        requestSubjectOf(next),
      );
      const ofSecret = prepare(
        events.filter((e) => e.subjectId !== requestId),
        subjectOf(secret),
      );
      const won = await answerRequest.call(
        store,
        requestId,
        expectedVersion,
        next,
        secret,
        events,
        [...outbox, ...ofRequest.outbox, ...ofSecret.outbox],
      );
      if (won) tell([...ofRequest.notifications, ...ofSecret.notifications]);
      return won;
    };
  }
  return wrapped;
}

function requestSubjectOf(record: RequestRecord): NotificationSubject {
  return { kind: 'request', label: record.label, notify: false, createdBy: record.createdBy };
}

function subjectOf(record: SecretRecord | null): NotificationSubject | null {
  return record && { label: record.label, notify: record.notify, createdBy: record.createdBy };
}

function logObserverError(error: unknown): void {
  console.error('hushlink: onEvent failed (the transition itself is committed):', error);
}
