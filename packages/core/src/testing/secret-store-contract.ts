/**
 * The storage contract (DESIGN.md §9): one suite every `SecretStore` runs — the memory
 * store, SQLite, Postgres, and any store a host writes. It checks each method on its own,
 * then drives the real service over the store to check what users rely on: a single-use
 * secret is revealed exactly once under concurrency, wrong passphrases are counted
 * atomically, and no secret material ever reaches a row.
 *
 * @example
 * ```ts
 * import { runSecretStoreContract } from '@hushlink/core/testing';
 * runSecretStoreContract('sqlite', async () => {
 *   const db = openTestDatabase();
 *   return { store: createSqliteStore(db), probe: { dumpRows: () => dumpAllTables(db) }, cleanup: () => db.destroy() };
 * });
 * ```
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seal } from '../crypto';
import { NotAvailableError, WrongPassphraseError } from '../errors';
import { createHushlink } from '../service/create-hushlink';
import type { Hushlink } from '../service/types';
import type { SecretRecord, SecretStore } from '../store/types';
import { findSecretMaterial, needleOf } from './find-secret-material';
import { describeOutboxContract } from './outbox-contract';
import {
  CONTRACT_EPOCH,
  eventOf,
  fullRecord,
  minimalRecord,
  normalizeBytes,
} from './record-fixtures';
import { describeRequestContract } from './request-store-contract';
import type { StoreContractSubject, StoreProbe } from './store-probe';

export type { StoreContractSubject, StoreProbe } from './store-probe';

/** A fixed integrity key for the contract's service (never use a published key in production). */
const CONTRACT_KEY = 'a1'.repeat(32);
const CLIENT = { ip: '198.51.100.23', userAgent: 'contract-suite' };
/** The cheapest scrypt the bounds allow: the contract tests storage, not the KDF. */
const FAST_KDF = { logN: 14, r: 1, p: 1 };

/**
 * Registers the storage contract as a vitest `describe` block.
 * @param name - shown in test titles (e.g. `'sqlite'`).
 * @param make - returns a fresh, empty store for each test, with a probe that reads its rows
 *   bypassing the store, and an optional cleanup.
 */
export function runSecretStoreContract(
  name: string,
  make: () => Promise<StoreContractSubject>,
): void {
  describe(`SecretStore contract: ${name}`, () => {
    let subject: StoreContractSubject;
    let store: SecretStore;
    let probe: StoreProbe;

    beforeEach(async () => {
      subject = await make();
      store = subject.store;
      probe = subject.probe;
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    describe('insert and get', () => {
      it('round-trips every field, with bytes, nulls and a unicode label', async () => {
        const full = fullRecord();
        const minimal = minimalRecord();
        await store.insert(full, []);
        await store.insert(minimal, []);
        expect(normalizeBytes(await store.get(full.id))).toEqual(full);
        expect(normalizeBytes(await store.get(minimal.id))).toEqual(minimal);
      });

      it('answers null for an unknown id', async () => {
        expect(await store.get('nosuchidaaaaaaaaaaaaaa')).toBeNull();
      });

      it('refuses a duplicate id and keeps the first record', async () => {
        const first = minimalRecord();
        await store.insert(first, []);
        await expect(store.insert(minimalRecord({ label: 'second' }), [])).rejects.toThrow();
        expect((await store.get(first.id))?.label).toBeNull();
      });

      it('is not changed by mutating what was passed in or read out', async () => {
        const record = minimalRecord();
        await store.insert(record, []);
        record.views = 99;
        record.envelope?.fill(0);
        const read = await store.get(record.id);
        if (!read) throw new Error('record missing');
        read.status = 'burned';
        read.salt.fill(0);
        expect(normalizeBytes(await store.get(record.id))).toEqual(minimalRecord());
      });

      it('writes the events given to insert, in order, with every field', async () => {
        const record = minimalRecord();
        const events = [
          eventOf(record.id),
          eventOf(record.id, { type: 'opened', at: CONTRACT_EPOCH + 1, ip: null, userAgent: null }),
          eventOf(record.id, {
            type: 'revealed',
            at: CONTRACT_EPOCH + 2,
            ip: '2001:db8::/48',
            detail: { views: 1, remainingViews: 0 },
          }),
        ];
        await store.insert(record, events);
        expect(await store.listEvents(record.id)).toEqual(events);
      });
    });

    describe('compareAndSet', () => {
      it('replaces the record and appends its events when the version matches', async () => {
        const record = minimalRecord();
        await store.insert(record, [eventOf(record.id)]);
        const next = minimalRecord({ version: 2, status: 'viewed', views: 1, envelope: null });
        const revealed = eventOf(record.id, { type: 'revealed', at: CONTRACT_EPOCH + 5 });
        expect(await store.compareAndSet(record.id, 1, next, [revealed])).toBe(true);
        expect(normalizeBytes(await store.get(record.id))).toEqual(next);
        expect((await store.listEvents(record.id)).map((e) => e.type)).toEqual([
          'created',
          'revealed',
        ]);
      });

      it('writes nothing and answers false on a stale version or a missing id', async () => {
        const record = minimalRecord({ version: 4 });
        await store.insert(record, []);
        const next = minimalRecord({ version: 5, status: 'burned' });
        const event = eventOf(record.id, { type: 'burned' });
        expect(await store.compareAndSet(record.id, 3, next, [event])).toBe(false);
        expect(await store.compareAndSet('nosuchidaaaaaaaaaaaaaa', 4, next, [event])).toBe(false);
        expect(normalizeBytes(await store.get(record.id))).toEqual(record);
        expect(await store.listEvents(record.id)).toEqual([]);
        expect(await store.get('nosuchidaaaaaaaaaaaaaa')).toBeNull();
      });

      it('lets exactly one of many concurrent callers with the same version win', async () => {
        const record = minimalRecord();
        await store.insert(record, []);
        const results = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            store.compareAndSet(record.id, 1, minimalRecord({ version: 2, views: i + 1 }), [
              eventOf(record.id, { type: 'revealed', detail: { caller: i } }),
            ]),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await store.get(record.id))?.views).toBe(winner + 1);
        expect(await store.listEvents(record.id)).toHaveLength(1);
      });
    });

    describe('events', () => {
      it('appends events that change no record and lists them oldest first per subject', async () => {
        const a = minimalRecord({ id: 'subjectaaaaaaaaaaaaaaa' });
        const b = minimalRecord({ id: 'subjectbbbbbbbbbbbbbbb' });
        await store.insert(a, [eventOf(a.id)]);
        await store.insert(b, [eventOf(b.id)]);
        await store.appendEvents([
          eventOf(a.id, { type: 'opened', at: CONTRACT_EPOCH + 10 }),
          eventOf(b.id, { type: 'opened', at: CONTRACT_EPOCH + 11 }),
        ]);
        // Same timestamp as an earlier one: order is insertion order, not time.
        await store.appendEvents([
          eventOf(a.id, { type: 'opened', at: CONTRACT_EPOCH + 10, ip: null }),
        ]);
        expect((await store.listEvents(a.id)).map((e) => [e.type, e.ip])).toEqual([
          ['created', '203.0.113.0/24'],
          ['opened', '203.0.113.0/24'],
          ['opened', null],
        ]);
        expect(await store.listEvents(b.id)).toHaveLength(2);
        expect(await store.listEvents('nosuchidaaaaaaaaaaaaaa')).toEqual([]);
      });
    });

    describe('listByCreator', () => {
      // Ids use lowercase letters only, whose order is the same in every collation.
      const mine = (suffix: string, createdAt: number) =>
        minimalRecord({ id: `mine${suffix.padEnd(18, 'a')}`, createdBy: 'alice', createdAt });

      it('lists only the creator’s records, newest first, ties by id descending', async () => {
        await store.insert(mine('b', CONTRACT_EPOCH + 1), []);
        await store.insert(mine('c', CONTRACT_EPOCH + 1), []);
        await store.insert(mine('a', CONTRACT_EPOCH + 2), []);
        await store.insert(mine('d', CONTRACT_EPOCH), []);
        await store.insert(minimalRecord({ id: 'theirsaaaaaaaaaaaaaaaa', createdBy: 'bob' }), []);
        await store.insert(minimalRecord({ id: 'caseaaaaaaaaaaaaaaaaaa', createdBy: 'Alice' }), []);
        const ids = (await store.listByCreator('alice', 10, null)).map((r) => r.id.slice(4, 5));
        expect(ids).toEqual(['a', 'c', 'b', 'd']);
        expect(await store.listByCreator('nobody', 10, null)).toEqual([]);
      });

      it('pages with limit and an `after` cursor, stable under interleaved inserts', async () => {
        for (const [i, s] of ['a', 'b', 'c', 'd', 'e'].entries()) {
          await store.insert(mine(s, CONTRACT_EPOCH + (i >> 1)), []);
        }
        const first = await store.listByCreator('alice', 2, null);
        expect(first.map((r) => r.id.slice(4, 5))).toEqual(['e', 'd']);
        // Newer records arriving between pages must not shift or repeat the next page.
        await store.insert(mine('z', CONTRACT_EPOCH + 100), []);
        await store.insert(mine('f', CONTRACT_EPOCH + 1), []);
        const last = first.at(-1) as SecretRecord;
        const second = await store.listByCreator('alice', 2, {
          createdAt: last.createdAt,
          id: last.id,
        });
        expect(second.map((r) => r.id.slice(4, 5))).toEqual(['c', 'b']);
        const tail = second.at(-1) as SecretRecord;
        const third = await store.listByCreator('alice', 2, {
          createdAt: tail.createdAt,
          id: tail.id,
        });
        expect(third.map((r) => r.id.slice(4, 5))).toEqual(['a']);
      });
    });

    describe('listDueForSweep', () => {
      it('lists expired records still active or holding an envelope, oldest expiry first', async () => {
        const now = CONTRACT_EPOCH + 10_000;
        const r = (id: string, o: Partial<SecretRecord>) =>
          minimalRecord({ id: id.padEnd(22, 'a'), ...o });
        await store.insert(r('atboundary', { expiresAt: now }), []);
        await store.insert(r('older', { expiresAt: now - 5 }), []);
        await store.insert(r('activenoenvelope', { expiresAt: now - 1, envelope: null }), []);
        await store.insert(r('viewedwithenvelope', { expiresAt: now - 2, status: 'viewed' }), []);
        await store.insert(r('notyet', { expiresAt: now + 1 }), []);
        await store.insert(
          r('alreadyexpired', { expiresAt: now - 3, status: 'expired', envelope: null }),
          [],
        );
        await store.insert(
          r('burned', { expiresAt: now - 4, status: 'burned', envelope: null }),
          [],
        );
        await store.insert(
          r('viewedempty', { expiresAt: now - 6, status: 'viewed', envelope: null }),
          [],
        );
        const due = await store.listDueForSweep(now, 10);
        expect(due.map((d) => d.id.replace(/a+$/, ''))).toEqual([
          'older',
          'viewedwithenvelope',
          'activenoenvelope',
          'atboundary',
        ]);
        expect(await store.listDueForSweep(now, 2)).toHaveLength(2);
      });
    });

    describe('purgeExpiredBefore', () => {
      it('deletes records that expired before the cutoff, with their events', async () => {
        const cutoff = CONTRACT_EPOCH + 10_000;
        const old = minimalRecord({ id: 'oldaaaaaaaaaaaaaaaaaaa', expiresAt: cutoff - 1 });
        const edge = minimalRecord({ id: 'edgeaaaaaaaaaaaaaaaaaa', expiresAt: cutoff });
        await store.insert(old, [eventOf(old.id)]);
        await store.insert(edge, [eventOf(edge.id)]);
        expect(await store.purgeExpiredBefore(cutoff)).toBe(1);
        expect(await store.get(old.id)).toBeNull();
        expect(await store.listEvents(old.id)).toEqual([]);
        expect(await store.get(edge.id)).not.toBeNull();
        expect(await store.listEvents(edge.id)).toHaveLength(1);
        expect(await store.purgeExpiredBefore(cutoff)).toBe(0);
      });
    });

    describeOutboxContract(() => store);
    describeRequestContract(() => ({ store, probe }));

    describe('through the service', () => {
      let clock: number;
      let hushlink: Hushlink;

      beforeEach(() => {
        clock = CONTRACT_EPOCH;
        hushlink = createHushlink({ store, keys: CONTRACT_KEY, now: () => clock });
      });

      const share = async (options: { maxViews?: number | null; passphrase?: string } = {}) => {
        const plaintext = 'contract-plaintext: correct horse battery staple ✓';
        const sealed = await seal(plaintext, {
          ...(options.passphrase ? { passphrase: options.passphrase, kdf: FAST_KDF } : {}),
        });
        const created = await hushlink.createSecret(
          {
            envelope: sealed.envelope,
            keyProof: sealed.keyProof,
            passphraseProof: sealed.passphraseProof ?? null,
            maxViews: options.maxViews === undefined ? 1 : options.maxViews,
            createdBy: 'alice',
          },
          CLIENT,
        );
        return { ...sealed, plaintext, id: created.id };
      };

      const envelopeIsGone = async (envelope: Uint8Array) =>
        findSecretMaterial(await probe.dumpRows(), [needleOf('envelope', envelope)]);

      it('reveals a single-use secret to exactly one of 100 concurrent callers', async () => {
        const s = await share();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 100 }, () =>
            hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(NotAvailableError);
        }
        const events = await store.listEvents(s.id);
        expect(events.filter((e) => e.type === 'revealed')).toHaveLength(1);
        expect(await envelopeIsGone(s.envelope)).toEqual([]);
      });

      it('counts 50 concurrent wrong passphrases atomically and burns at the limit', async () => {
        const s = await share({ passphrase: 'right passphrase' });
        const wrongProof = new Uint8Array(32).fill(7);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            hushlink.reveal(s.id, { keyProof: s.keyProof, passphraseProof: wrongProof }, CLIENT),
          ),
        );
        const reasons = outcomes.map((o) => (o.status === 'rejected' ? o.reason : o.value));
        const wrong = reasons.filter((r) => r instanceof WrongPassphraseError);
        expect(wrong.map((r) => r.attemptsLeft).sort()).toEqual([0, 1, 2, 3, 4]);
        expect(reasons.filter((r) => r instanceof NotAvailableError)).toHaveLength(45);
        const record = await store.get(s.id);
        expect(record?.status).toBe('burned');
        expect(record?.burnReason).toBe('attempts');
        expect(record?.failedAttempts).toBeLessThanOrEqual(5);
        const events = await store.listEvents(s.id);
        expect(events.filter((e) => e.type === 'passphrase_failed')).toHaveLength(5);
        expect(events.filter((e) => e.type === 'burned')).toHaveLength(1);
        expect(await envelopeIsGone(s.envelope)).toEqual([]);
        await expect(
          hushlink.reveal(
            s.id,
            { keyProof: s.keyProof, passphraseProof: s.passphraseProof },
            CLIENT,
          ),
        ).rejects.toBeInstanceOf(NotAvailableError);
      });

      it('never writes plaintext, the fragment key or a proof to any row', async () => {
        const s = await share({ passphrase: 'a passphrase', maxViews: 2 });
        const needles = [
          needleOf('plaintext', new TextEncoder().encode(s.plaintext), [s.plaintext]),
          needleOf('fragment key', s.key),
          needleOf('keyProof', s.keyProof),
          needleOf('passphraseProof', s.passphraseProof as Uint8Array),
        ];
        await hushlink.meta(s.id, s.keyProof, null, CLIENT);
        await hushlink
          .reveal(s.id, { keyProof: s.keyProof, passphraseProof: new Uint8Array(32) }, CLIENT)
          .catch(() => undefined);
        await hushlink.reveal(
          s.id,
          { keyProof: s.keyProof, passphraseProof: s.passphraseProof },
          CLIENT,
        );
        expect(findSecretMaterial(await probe.dumpRows(), needles)).toEqual([]);
        await hushlink.reveal(
          s.id,
          { keyProof: s.keyProof, passphraseProof: s.passphraseProof },
          CLIENT,
        );
        expect(findSecretMaterial(await probe.dumpRows(), needles)).toEqual([]);
      });

      it('deletes the envelope bytes after the last reveal, a burn, and expiry + sweep', async () => {
        const viewed = await share({ maxViews: 2 });
        const burned = await share();
        const expired = await share({ maxViews: null });
        await hushlink.reveal(viewed.id, { keyProof: viewed.keyProof }, CLIENT);
        expect(await envelopeIsGone(viewed.envelope)).not.toEqual([]);
        await hushlink.reveal(viewed.id, { keyProof: viewed.keyProof }, CLIENT);
        expect(await envelopeIsGone(viewed.envelope)).toEqual([]);

        await hushlink.burn(burned.id, 'alice', CLIENT);
        expect(await envelopeIsGone(burned.envelope)).toEqual([]);

        await hushlink.reveal(expired.id, { keyProof: expired.keyProof }, CLIENT);
        clock += 86_400_000;
        expect(await envelopeIsGone(expired.envelope)).not.toEqual([]);
        await hushlink.sweep();
        expect(await envelopeIsGone(expired.envelope)).toEqual([]);
      });

      it('sweeps idempotently: expiry persisted once, metadata purged after retention', async () => {
        const unopened = await share();
        const opened = await share({ maxViews: 3 });
        await hushlink.reveal(opened.id, { keyProof: opened.keyProof }, CLIENT);
        clock += 86_400_000;
        expect(await hushlink.sweep()).toEqual({ swept: 2, purged: 0 });
        const eventsAfterFirst = await store.listEvents(unopened.id);
        expect(await hushlink.sweep()).toEqual({ swept: 0, purged: 0 });
        expect(await store.listEvents(unopened.id)).toEqual(eventsAfterFirst);
        expect(eventsAfterFirst.filter((e) => e.type === 'expired')).toEqual([
          expect.objectContaining({ at: CONTRACT_EPOCH + 86_400_000, ip: null }),
        ]);
        expect((await store.get(unopened.id))?.status).toBe('expired');
        expect((await store.get(opened.id))?.status).toBe('viewed');

        clock += 30 * 86_400_000 + 1;
        expect(await hushlink.sweep()).toEqual({ swept: 0, purged: 2 });
        const ids = [unopened.id, opened.id].map((id) => ({
          name: `purged id ${id}`,
          bytes: new TextEncoder().encode(id),
          texts: [id],
        }));
        expect(findSecretMaterial(await probe.dumpRows(), ids)).toEqual([]);
      });
    });
  });
}
