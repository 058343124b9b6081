import type { OutboxMessage, OutboxMessageInput, OutboxStore } from './types';

/** The in-memory outbox: the `OutboxStore` methods plus the write the store's transactions call. */
export interface MemoryOutbox extends OutboxStore {
  /**
   * Checks that every message can be written (no duplicate id), without writing. Called
   * before a transaction changes anything, so a refused message leaves no half-write.
   * @throws {Error} on a duplicate id.
   */
  check(input: readonly OutboxMessageInput[]): void;
  /** Writes new messages, `pending` and due at once. Call `check` first. */
  write(input: readonly OutboxMessageInput[]): void;
  /** Every message, for the store's probe. */
  all(): OutboxMessage[];
}

/**
 * Creates the outbox of the memory store. Each method runs without an `await` between
 * its read and its write, so a claim is atomic in this process: two concurrent claimers
 * never receive the same message.
 */
export function createMemoryOutbox(yieldOnce: () => Promise<void>): MemoryOutbox {
  const messages = new Map<string, OutboxMessage>();
  const copy = (message: OutboxMessage): OutboxMessage => ({ ...message });

  return {
    check(input) {
      const ids = new Set<string>();
      for (const message of input) {
        if (messages.has(message.id) || ids.has(message.id)) {
          throw new Error(`An outbox message with id ${message.id} already exists.`);
        }
        ids.add(message.id);
      }
    },

    write(input) {
      for (const message of input) {
        messages.set(message.id, {
          id: message.id,
          endpointId: message.endpointId,
          payload: message.payload,
          createdAt: message.createdAt,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: message.createdAt,
          leaseUntil: null,
          lastError: null,
          finishedAt: null,
        });
      }
    },

    all: () => [...messages.values()].map(copy),

    async claimDueOutbox(now, leaseMs, limit) {
      await yieldOnce();
      const due = [...messages.values()]
        .filter(
          (m) =>
            m.status === 'pending' &&
            m.nextAttemptAt <= now &&
            (m.leaseUntil === null || m.leaseUntil <= now),
        )
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1))
        .slice(0, limit);
      for (const message of due) {
        message.attempts += 1;
        message.leaseUntil = now + leaseMs;
      }
      return due.map(copy);
    },

    async markOutboxDelivered(id, at) {
      await yieldOnce();
      const message = messages.get(id);
      if (!message || message.status === 'delivered') return;
      message.status = 'delivered';
      message.leaseUntil = null;
      message.finishedAt = at;
    },

    async markOutboxFailed(id, attempt, at, error, retryAt) {
      await yieldOnce();
      const message = messages.get(id);
      if (message?.status !== 'pending' || message.attempts !== attempt) return false;
      message.lastError = error;
      message.leaseUntil = null;
      if (retryAt === null) {
        message.status = 'failed';
        message.finishedAt = at;
      } else {
        message.nextAttemptAt = retryAt;
      }
      return true;
    },

    async listFailedOutbox(limit) {
      await yieldOnce();
      return [...messages.values()]
        .filter((m) => m.status === 'failed')
        .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map(copy);
    },

    async purgeOutboxBefore(cutoff) {
      await yieldOnce();
      let purged = 0;
      for (const message of [...messages.values()]) {
        if (message.status !== 'pending' && (message.finishedAt ?? 0) < cutoff) {
          messages.delete(message.id);
          purged++;
        }
      }
      return purged;
    },
  };
}
