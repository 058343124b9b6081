/**
 * The request-link part of the storage contract (DESIGN.md §9, §10), registered by
 * `runSecretStoreContract`: request insert / get / compare-and-set / list / list due for
 * the sweep, and `answerRequest`, which moves the request and inserts its answer secret in
 * one transaction. Then, through the service: exactly one of 50 concurrent answers is
 * accepted and exactly one answer secret exists; the sweep persists an open request's
 * expiry once, with its `expired` event; a wrong `requestProof` counts nothing;
 * no row ever holds `pk`, `sk`, a raw proof, the answer key or the text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveRequestAnswerKey, deriveRequestProof, sealForRequest } from '../crypto';
import { NotAvailableError } from '../errors';
import { createHushlink } from '../service/create-hushlink';
import type { Hushlink } from '../service/types';
import type { RequestRecord, RequestStore, SecretStore } from '../store/types';
import { findSecretMaterial, needleOf } from './find-secret-material';
import {
  CONTRACT_EPOCH,
  eventOf,
  fullRequest,
  minimalRecord,
  minimalRequest,
  normalizeBytes,
} from './record-fixtures';
import type { StoreProbe } from './store-probe';

const KEY = 'b2'.repeat(32);
const CUSTOMER = { ip: '198.51.100.99', userAgent: 'customer-browser' };
const CREATOR = { ip: '192.0.2.10', userAgent: 'creator-browser' };

/** The store's request methods, or a failure that says the store lacks them. */
function requestsOf(store: SecretStore): RequestStore {
  const methods = [
    'insertRequest',
    'getRequest',
    'compareAndSetRequest',
    'listRequestsByCreator',
    'listRequestsDueForSweep',
    'answerRequest',
  ] as const;
  for (const method of methods) {
    if (typeof store[method] !== 'function') {
      throw new Error(
        `This store has no ${method}: it cannot carry request links (DESIGN.md §10).`,
      );
    }
  }
  return store as RequestStore;
}

/**
 * Registers the request-link contract inside `runSecretStoreContract`'s describe block.
 * @param current - the store and probe of the running test.
 */
export function describeRequestContract(
  current: () => { store: SecretStore; probe: StoreProbe },
): void {
  describe('request links', () => {
    let store: SecretStore;
    let requests: RequestStore;
    beforeEach(() => {
      store = current().store;
      requests = requestsOf(store);
    });

    it('round-trips a request with every field, and answers null for an unknown id', async () => {
      await requests.insertRequest(fullRequest(), [
        eventOf(fullRequest().id, { type: 'request_created' }),
      ]);
      await requests.insertRequest(minimalRequest(), []);
      expect(normalizeBytes(await requests.getRequest(fullRequest().id))).toEqual(fullRequest());
      expect(normalizeBytes(await requests.getRequest(minimalRequest().id))).toEqual(
        minimalRequest(),
      );
      expect(await requests.getRequest('nosuchidaaaaaaaaaaaaaa')).toBeNull();
      expect((await store.listEvents(fullRequest().id)).map((e) => e.type)).toEqual([
        'request_created',
      ]);
      await expect(requests.insertRequest(minimalRequest({ label: 'x' }), [])).rejects.toThrow();
    });

    it('compares and sets on the version, writing nothing when it is stale', async () => {
      const request = minimalRequest();
      await requests.insertRequest(request, []);
      const burned = minimalRequest({ version: 2, status: 'burned', burnedAt: CONTRACT_EPOCH + 1 });
      const event = eventOf(request.id, { type: 'burned', detail: { reason: 'creator' } });
      expect(await requests.compareAndSetRequest(request.id, 5, burned, [event])).toBe(false);
      expect(
        await requests.compareAndSetRequest('nosuchidaaaaaaaaaaaaaa', 1, burned, [event]),
      ).toBe(false);
      expect(await store.listEvents(request.id)).toEqual([]);
      expect(await requests.compareAndSetRequest(request.id, 1, burned, [event])).toBe(true);
      expect(normalizeBytes(await requests.getRequest(request.id))).toEqual(burned);
      expect(await store.listEvents(request.id)).toEqual([event]);
    });

    it('lists a creator’s requests newest first, paged, and never their secrets', async () => {
      const mine = (s: string, at: number) =>
        minimalRequest({ id: `req${s.padEnd(19, 'a')}`, createdBy: 'alice', createdAt: at });
      for (const [s, at] of [
        ['b', 1],
        ['c', 1],
        ['a', 2],
        ['d', 0],
      ] as const) {
        await requests.insertRequest(mine(s, CONTRACT_EPOCH + at), []);
      }
      await requests.insertRequest(
        minimalRequest({ id: 'theirsaaaaaaaaaaaaaaaa', createdBy: 'bob' }),
        [],
      );
      await store.insert(minimalRecord({ createdBy: 'alice' }), []);
      const first = await requests.listRequestsByCreator('alice', 3, null);
      expect(first.map((r) => r.id.slice(3, 4))).toEqual(['a', 'c', 'b']);
      const last = first.at(-1) as RequestRecord;
      const rest = await requests.listRequestsByCreator('alice', 3, {
        createdAt: last.createdAt,
        id: last.id,
      });
      expect(rest.map((r) => r.id.slice(3, 4))).toEqual(['d']);
      expect(await store.listByCreator('alice', 10, null)).toHaveLength(1);
    });

    it('answers in one transaction: request moved, secret inserted, events written — or nothing', async () => {
      const request = minimalRequest();
      await requests.insertRequest(request, []);
      const secret = minimalRecord({ id: 'answeraaaaaaaaaaaaaaaa', requestId: request.id });
      const answered = minimalRequest({
        version: 2,
        status: 'answered',
        answeredAt: CONTRACT_EPOCH + 1,
        answerSecretId: secret.id,
        ephemeralKey: new Uint8Array(32).fill(9),
      });
      const events = [
        eventOf(request.id, { type: 'answered', detail: { secretId: secret.id } }),
        eventOf(secret.id, { type: 'created' }),
      ];
      // A stale version (another answer won) writes nothing at all.
      expect(await requests.answerRequest(request.id, 7, answered, secret, events)).toBe(false);
      expect(await store.get(secret.id)).toBeNull();
      expect(await store.listEvents(request.id)).toEqual([]);
      // A failure part-way (here: the secret id exists) rolls the request back too.
      await store.insert(minimalRecord({ id: 'takenaaaaaaaaaaaaaaaaa' }), []);
      const clash = { ...secret, id: 'takenaaaaaaaaaaaaaaaaa' };
      await expect(
        requests.answerRequest(request.id, 1, answered, clash, events),
      ).rejects.toThrow();
      expect(normalizeBytes(await requests.getRequest(request.id))).toEqual(request);
      expect(await store.listEvents(request.id)).toEqual([]);

      expect(await requests.answerRequest(request.id, 1, answered, secret, events)).toBe(true);
      expect(normalizeBytes(await requests.getRequest(request.id))).toEqual(answered);
      expect(normalizeBytes(await store.get(secret.id))).toEqual(secret);
      expect(await store.listEvents(request.id)).toEqual([events[0]]);
      expect(await store.listEvents(secret.id)).toEqual([events[1]]);
    });

    it('lists open requests due for the sweep, oldest expiry first, and no others', async () => {
      const now = CONTRACT_EPOCH + 10_000;
      const r = (id: string, o: Partial<RequestRecord>) =>
        minimalRequest({ id: id.padEnd(22, 'a'), ...o });
      await requests.insertRequest(r('atboundary', { expiresAt: now }), []);
      await requests.insertRequest(r('older', { expiresAt: now - 5 }), []);
      await requests.insertRequest(r('tiey', { expiresAt: now - 2 }), []);
      await requests.insertRequest(r('tiex', { expiresAt: now - 2 }), []);
      await requests.insertRequest(r('notyet', { expiresAt: now + 1 }), []);
      await requests.insertRequest(
        r('answered', { expiresAt: now - 9, status: 'answered', answeredAt: now - 10 }),
        [],
      );
      await requests.insertRequest(r('expired', { expiresAt: now - 8, status: 'expired' }), []);
      await requests.insertRequest(
        r('burned', { expiresAt: now - 7, status: 'burned', burnedAt: now - 7 }),
        [],
      );
      // A secret past its expiry is the secrets' sweep's business, not this list's.
      await store.insert(minimalRecord({ expiresAt: now - 20 }), []);
      const due = await requests.listRequestsDueForSweep(now, 10);
      expect(due.map((d) => d.id.replace(/a+$/, ''))).toEqual([
        'older',
        'tiex',
        'tiey',
        'atboundary',
      ]);
      expect(normalizeBytes(due[0])).toEqual(r('older', { expiresAt: now - 5 }));
      expect((await requests.listRequestsDueForSweep(now, 2)).map((d) => d.expiresAt)).toEqual([
        now - 5,
        now - 2,
      ]);
      expect(await requests.listRequestsDueForSweep(now - 6, 10)).toEqual([]);
    });

    it('purges requests past retention with their events', async () => {
      const cutoff = CONTRACT_EPOCH + 10_000;
      const old = minimalRequest({ id: 'oldrequestaaaaaaaaaaaa', expiresAt: cutoff - 1 });
      const edge = minimalRequest({ id: 'edgerequestaaaaaaaaaaa', expiresAt: cutoff });
      await requests.insertRequest(old, [eventOf(old.id, { type: 'request_created' })]);
      await requests.insertRequest(edge, [eventOf(edge.id, { type: 'request_created' })]);
      expect(await store.purgeExpiredBefore(cutoff)).toBe(1);
      expect(await requests.getRequest(old.id)).toBeNull();
      expect(await store.listEvents(old.id)).toEqual([]);
      expect(await requests.getRequest(edge.id)).not.toBeNull();
      expect(await store.listEvents(edge.id)).toHaveLength(1);
    });

    describe('through the service', () => {
      let clock: number;
      let hushlink: Hushlink;
      beforeEach(() => {
        clock = CONTRACT_EPOCH;
        hushlink = createHushlink({ store, keys: KEY, now: () => clock });
      });

      const open = async () => {
        const created = await hushlink.createRequest({ createdBy: 'alice', label: 'VPN' }, CREATOR);
        const requestProof = deriveRequestProof(created.publicKey);
        return { ...created, requestProof };
      };

      it('accepts exactly one of 50 concurrent answers, leaving exactly one answer secret', async () => {
        const request = await open();
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => sealForRequest(`answer ${i}`, request.publicKey)),
        );
        const outcomes = await Promise.allSettled(
          answers.map((a) =>
            hushlink.answerRequest(
              request.id,
              { requestProof: request.requestProof, ...a },
              CUSTOMER,
            ),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(NotAvailableError);
        }
        const secrets = await store.listByCreator('alice', 100, null);
        expect(secrets).toHaveLength(1);
        const stored = await requests.getRequest(request.id);
        expect(stored?.status).toBe('answered');
        expect(stored?.answerSecretId).toBe(secrets[0]?.id);
        expect(
          (await store.listEvents(request.id)).filter((e) => e.type === 'answered'),
        ).toHaveLength(1);
        const winner = answers.findIndex((a) =>
          a.ephemeralKey.every((b, i) => b === stored?.ephemeralKey?.[i]),
        );
        const text = await hushlink.readRequestAnswer(request.id, request.secretKey, 'alice');
        expect(text).toBe(`answer ${winner}`);
      });

      it('sweeps an open request past expiry once: expired, audited, answered ones untouched', async () => {
        const due = await open();
        const answered = await open();
        const answer = await sealForRequest('in time', answered.publicKey);
        await hushlink.answerRequest(
          answered.id,
          { requestProof: answered.requestProof, ...answer },
          CUSTOMER,
        );
        const answeredBefore = normalizeBytes(await requests.getRequest(answered.id));
        const expiresAt = (await requests.getRequest(due.id))?.expiresAt as number;
        // The answer secret expires with its request (answered at once): the sweep expires
        // both the request and that unread answer.
        clock = expiresAt;
        expect(await hushlink.sweep()).toEqual({ swept: 2, purged: 0 });
        expect(await requests.getRequest(due.id)).toMatchObject({ status: 'expired', version: 2 });
        const trail = await store.listEvents(due.id);
        expect(trail.map((e) => e.type)).toEqual(['request_created', 'expired']);
        expect(trail[1]).toMatchObject({ at: expiresAt, ip: null, userAgent: null });
        expect(normalizeBytes(await requests.getRequest(answered.id))).toEqual(answeredBefore);
        // Idempotent: nothing left to do, nothing written twice.
        expect(await hushlink.sweep()).toEqual({ swept: 0, purged: 0 });
        expect(await store.listEvents(due.id)).toEqual(trail);
        expect(await requests.listRequestsDueForSweep(clock, 10)).toEqual([]);
        await expect(
          hushlink.requestMeta(due.id, due.requestProof, CUSTOMER),
        ).rejects.toBeInstanceOf(NotAvailableError);
      });

      it('answers a wrong requestProof with 404 and counts nothing', async () => {
        const request = await open();
        const before = normalizeBytes(await requests.getRequest(request.id));
        const eventsBefore = await store.listEvents(request.id);
        const answer = await sealForRequest('nope', request.publicKey);
        const wrong = new Uint8Array(32).fill(1);
        await expect(hushlink.requestMeta(request.id, wrong, CUSTOMER)).rejects.toBeInstanceOf(
          NotAvailableError,
        );
        await expect(
          hushlink.answerRequest(request.id, { ...answer, requestProof: wrong }, CUSTOMER),
        ).rejects.toBeInstanceOf(NotAvailableError);
        expect(normalizeBytes(await requests.getRequest(request.id))).toEqual(before);
        expect(await store.listEvents(request.id)).toEqual(eventsBefore);
        expect(await store.listByCreator('alice', 10, null)).toEqual([]);
      });

      it('never writes pk, sk, a raw proof, the answer key or the text to any row', async () => {
        const request = await open();
        const plaintext = 'customer password: Tr0ub4dor&3 ✓';
        const answer = await sealForRequest(plaintext, request.publicKey);
        await hushlink.requestMeta(request.id, request.requestProof, CUSTOMER);
        await hushlink.answerRequest(
          request.id,
          { requestProof: request.requestProof, ...answer },
          CUSTOMER,
        );
        const needles = [
          needleOf('pk', request.publicKey),
          needleOf('sk', request.secretKey),
          needleOf('requestProof', request.requestProof),
          needleOf('keyProof', answer.keyProof),
          needleOf('answer key', deriveRequestAnswerKey(request.secretKey, answer.ephemeralKey)),
          needleOf('plaintext', new TextEncoder().encode(plaintext), [plaintext]),
        ];
        const { probe } = current();
        expect(findSecretMaterial(await probe.dumpRows(), needles)).toEqual([]);
        expect(await hushlink.readRequestAnswer(request.id, request.secretKey, 'alice')).toBe(
          plaintext,
        );
        expect(
          findSecretMaterial(await probe.dumpRows(), [
            ...needles,
            needleOf('envelope', answer.envelope),
          ]),
        ).toEqual([]);
        expect((await probe.dumpRows()).some((row) => String(row.table).endsWith('requests'))).toBe(
          true,
        );
      });
    });
  });
}
