/**
 * The outbox part of the storage contract (DESIGN.md §9, §11), registered by
 * `runSecretStoreContract`: messages are written in the same transaction as the
 * transition they report, a claim is a lease that no two claimers share, and the marks
 * move a message forward only.
 */
import { describe, expect, it } from 'vitest';
import { OUTBOX_METHODS } from '../notify/outbox-methods';
import type { OutboxMessageInput, OutboxStore, SecretStore } from '../store/types';
import { CONTRACT_EPOCH, eventOf, minimalRecord } from './record-fixtures';

const LEASE = 30_000;

/** An outbox message for the contract, created at `CONTRACT_EPOCH` unless overridden. */
export function outboxOf(id: string, overrides: Partial<OutboxMessageInput> = {}) {
  return {
    id: `msg_${id}`,
    endpointId: 'https://hooks.example.com/a',
    payload: JSON.stringify({ type: 'created', secretId: id, label: 'Zugang «ü» 🔑' }),
    createdAt: CONTRACT_EPOCH,
    ...overrides,
  } satisfies OutboxMessageInput;
}

/** The store's outbox methods, or a failure that says the store lacks them. */
function outboxOfStore(store: SecretStore): OutboxStore {
  for (const method of OUTBOX_METHODS) {
    if (typeof store[method] !== 'function') {
      throw new Error(`This store has no ${method}: it cannot carry webhooks (DESIGN.md §11).`);
    }
  }
  return store as OutboxStore;
}

/** Registers the outbox tests; `current` returns the store of the running test. */
export function describeOutboxContract(current: () => SecretStore): void {
  describe('outbox', () => {
    const claimIds = async (now: number, limit = 100) =>
      (await outboxOfStore(current()).claimDueOutbox(now, LEASE, limit)).map((m) => m.id);

    it('writes messages with insert, compareAndSet and appendEvents, and none on a lost CAS', async () => {
      const store = current();
      const record = minimalRecord();
      await store.insert(record, [eventOf(record.id)], [outboxOf('a')]);
      const next = minimalRecord({ version: 2, status: 'viewed', envelope: null });
      const revealed = [eventOf(record.id, { type: 'revealed' })];
      expect(await store.compareAndSet(record.id, 5, next, revealed, [outboxOf('lost')])).toBe(
        false,
      );
      expect(await store.compareAndSet(record.id, 1, next, revealed, [outboxOf('b')])).toBe(true);
      await store.appendEvents([eventOf(record.id, { type: 'opened' })], [outboxOf('c')]);
      const claimed = await outboxOfStore(store).claimDueOutbox(CONTRACT_EPOCH, LEASE, 10);
      expect(claimed.map((m) => m.id).sort()).toEqual(['msg_a', 'msg_b', 'msg_c']);
      expect(claimed.find((m) => m.id === 'msg_a')).toEqual({
        ...outboxOf('a'),
        status: 'pending',
        attempts: 1,
        nextAttemptAt: CONTRACT_EPOCH,
        leaseUntil: CONTRACT_EPOCH + LEASE,
        lastError: null,
        finishedAt: null,
      });
    });

    it('keeps a transition and its messages together: a refused message undoes the record', async () => {
      const store = current();
      const first = minimalRecord({ id: 'firstaaaaaaaaaaaaaaaaa' });
      await store.insert(first, [], [outboxOf('dup')]);
      const second = minimalRecord({ id: 'secondaaaaaaaaaaaaaaaa' });
      await expect(
        store.insert(second, [eventOf(second.id)], [outboxOf('new'), outboxOf('dup')]),
      ).rejects.toThrow();
      expect(await store.get(second.id)).toBeNull();
      expect(await store.listEvents(second.id)).toEqual([]);
      const next = minimalRecord({ id: first.id, version: 2, status: 'burned' });
      await expect(
        store.compareAndSet(first.id, 1, next, [eventOf(first.id)], [outboxOf('dup')]),
      ).rejects.toThrow();
      expect((await store.get(first.id))?.version).toBe(1);
      expect(await store.listEvents(first.id)).toEqual([]);
      expect(await claimIds(CONTRACT_EPOCH)).toEqual(['msg_dup']);
    });

    it('claims due, unleased messages oldest first, up to the limit, and leases them', async () => {
      const store = current();
      const record = minimalRecord();
      await store.insert(
        record,
        [],
        [
          outboxOf('later', { createdAt: CONTRACT_EPOCH + 50 }),
          outboxOf('first'),
          outboxOf('second', { createdAt: CONTRACT_EPOCH + 10 }),
        ],
      );
      expect(await claimIds(CONTRACT_EPOCH + 10, 1)).toEqual(['msg_first']);
      expect(await claimIds(CONTRACT_EPOCH + 10)).toEqual(['msg_second']);
      // Leased: not claimable again until the lease runs out (a crashed dispatcher).
      expect(await claimIds(CONTRACT_EPOCH + 100)).toEqual(['msg_later']);
      const again = await outboxOfStore(store).claimDueOutbox(
        CONTRACT_EPOCH + 10 + LEASE,
        LEASE,
        10,
      );
      expect(again.map((m) => [m.id, m.attempts])).toEqual([
        ['msg_first', 2],
        ['msg_second', 2],
      ]);
    });

    it('gives each message to at most one of many concurrent claimers', async () => {
      const store = current();
      const record = minimalRecord();
      const ids = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`);
      await store.insert(
        record,
        [],
        ids.map((id) => outboxOf(id)),
      );
      const claims = await Promise.all(
        Array.from({ length: 8 }, () => claimIds(CONTRACT_EPOCH, 3)),
      );
      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(ids.map((id) => `msg_${id}`));
    });

    it('retries a failed attempt at its time, ignores a stale claim, and gives up to list-failed', async () => {
      const store = current();
      const outbox = outboxOfStore(store);
      await store.insert(minimalRecord(), [], [outboxOf('x')]);
      const [claimed] = await outbox.claimDueOutbox(CONTRACT_EPOCH, LEASE, 10);
      expect(claimed?.attempts).toBe(1);
      const retryAt = CONTRACT_EPOCH + 5_000;
      expect(await outbox.markOutboxFailed('msg_x', 1, CONTRACT_EPOCH, 'HTTP 500', retryAt)).toBe(
        true,
      );
      expect(await claimIds(retryAt - 1)).toEqual([]);
      expect(await claimIds(retryAt)).toEqual(['msg_x']);
      // The first claim's late report must not overwrite the second claim's attempt.
      expect(await outbox.markOutboxFailed('msg_x', 1, retryAt, 'late', null)).toBe(false);
      expect(await outbox.listFailedOutbox(10)).toEqual([]);
      expect(await outbox.markOutboxFailed('msg_x', 2, retryAt + 1, 'timeout', null)).toBe(true);
      const failed = await outbox.listFailedOutbox(10);
      expect(failed).toEqual([
        expect.objectContaining({
          id: 'msg_x',
          status: 'failed',
          attempts: 2,
          lastError: 'timeout',
          finishedAt: retryAt + 1,
          leaseUntil: null,
        }),
      ]);
      expect(await claimIds(retryAt + 10 * LEASE)).toEqual([]);
    });

    it('never hands out a delivered message again, whatever a stale claim reports', async () => {
      const store = current();
      const outbox = outboxOfStore(store);
      await store.insert(minimalRecord(), [], [outboxOf('d'), outboxOf('e')]);
      await outbox.claimDueOutbox(CONTRACT_EPOCH, LEASE, 10);
      await outbox.markOutboxDelivered('msg_d', CONTRACT_EPOCH + 1);
      expect(await outbox.markOutboxFailed('msg_d', 1, CONTRACT_EPOCH + 2, 'late', null)).toBe(
        false,
      );
      expect(await claimIds(CONTRACT_EPOCH + 2 * LEASE)).toEqual(['msg_e']);
      expect(await outbox.listFailedOutbox(10)).toEqual([]);
      // Purge drops finished messages only, and only those finished before the cutoff.
      expect(await outbox.purgeOutboxBefore(CONTRACT_EPOCH + 1)).toBe(0);
      expect(await outbox.purgeOutboxBefore(CONTRACT_EPOCH + 2)).toBe(1);
      expect(await claimIds(CONTRACT_EPOCH + 4 * LEASE)).toEqual(['msg_e']);
    });

    it('lists failed messages most recent first, up to the limit', async () => {
      const store = current();
      const outbox = outboxOfStore(store);
      await store.insert(minimalRecord(), [], [outboxOf('f1'), outboxOf('f2'), outboxOf('f3')]);
      const claimed = await outbox.claimDueOutbox(CONTRACT_EPOCH, LEASE, 10);
      for (const [i, message] of claimed.entries()) {
        await outbox.markOutboxFailed(message.id, 1, CONTRACT_EPOCH + i, `e${i}`, null);
      }
      expect((await outbox.listFailedOutbox(2)).map((m) => m.lastError)).toEqual(['e2', 'e1']);
    });
  });
}
