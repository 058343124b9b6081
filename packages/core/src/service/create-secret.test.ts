import { describe, expect, it } from 'vitest';
import { seal } from '../crypto';
import {
  ConfigError,
  InvalidRequestError,
  PayloadTooLargeError,
  StoreUnavailableError,
} from '../errors';
import { createKeyring, verifyRecord } from '../integrity';
import { createMemoryStore } from '../store/memory-store';
import { createHushlink } from './create-hushlink';
import {
  ALICE,
  CLIENT,
  createSealed,
  FAST_KDF,
  HOUR,
  makeFixture,
  stored,
  T0,
  TEST_KEY,
} from './service-fixture';

describe('createSecret', () => {
  it('stores a MACed active record with verifiers, never the proofs, and audits `created`', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    const record = await stored(store, s.id);
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(record).toMatchObject({
      status: 'active',
      version: 1,
      createdAt: T0,
      expiresAt: T0 + 24 * HOUR,
      maxViews: 1,
      views: 0,
      label: null,
      notify: false,
      kdf: null,
      passphraseVerifier: null,
      createdBy: ALICE,
    });
    expect(record.envelope).toEqual(s.envelope);
    expect(record.keyProofVerifier).not.toEqual(s.keyProof);
    expect(verifyRecord(record, createKeyring(TEST_KEY))).toBe(true);
    expect(await store.listEvents(s.id)).toEqual([
      {
        subjectId: s.id,
        type: 'created',
        at: T0,
        ip: CLIENT.ip,
        userAgent: CLIENT.userAgent,
        detail: null,
      },
    ]);
  });

  it('keeps the KDF parameters and salt of a passphrase envelope', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'open sesame' });
    const record = await stored(store, s.id);
    expect(record.kdf).toEqual(FAST_KDF);
    expect(record.salt).toEqual(s.envelope.slice(8, 24));
    expect(record.passphraseVerifier).toHaveLength(32);
  });

  it('requires passphraseProof exactly when the envelope’s passphrase flag is set', async () => {
    const { hushlink } = makeFixture();
    const plain = await seal('x');
    const protectedOne = await seal('x', { passphrase: 'p', kdf: FAST_KDF });
    const create = (
      envelope: Uint8Array,
      keyProof: Uint8Array,
      passphraseProof: Uint8Array | null,
    ) => hushlink.createSecret({ envelope, keyProof, passphraseProof, createdBy: ALICE }, CLIENT);
    await expect(create(protectedOne.envelope, protectedOne.keyProof, null)).rejects.toThrow(
      InvalidRequestError,
    );
    await expect(create(plain.envelope, plain.keyProof, new Uint8Array(32))).rejects.toThrow(
      InvalidRequestError,
    );
    await expect(
      create(protectedOne.envelope, protectedOne.keyProof, new Uint8Array(31)),
    ).rejects.toThrow(InvalidRequestError);
    await expect(create(plain.envelope, new Uint8Array(33), null)).rejects.toThrow(
      InvalidRequestError,
    );
  });

  it('answers invalid_request for any header problem and payload_too_large over the cap', async () => {
    const { hushlink } = makeFixture({ maxPlaintextBytes: 1000 });
    const { envelope, keyProof } = await seal('x');
    const create = (bytes: Uint8Array) =>
      hushlink.createSecret({ envelope: bytes, keyProof, createdBy: ALICE }, CLIENT);
    const withByte = (offset: number, value: number) => {
      const copy = envelope.slice();
      copy[offset] = value;
      return copy;
    };
    for (const bad of [
      withByte(0, 0),
      withByte(2, 2),
      withByte(3, 2),
      withByte(7, 1),
      envelope.slice(0, 100),
    ]) {
      await expect(create(bad)).rejects.toThrow(InvalidRequestError);
    }
    const big = await seal('y'.repeat(2000));
    await expect(create(big.envelope)).rejects.toThrow(PayloadTooLargeError);
  });

  it('applies the field rules for ttlSeconds, maxViews, label and notify', async () => {
    const { hushlink, store } = makeFixture();
    const make = (fields: object) => createSealed(hushlink, fields);
    for (const bad of [{ ttlSeconds: 3599 }, { ttlSeconds: 2_592_001 }, { ttlSeconds: 7200.5 }]) {
      await expect(make(bad)).rejects.toMatchObject({
        code: 'invalid_request',
        field: 'ttlSeconds',
      });
    }
    for (const bad of [{ maxViews: 0 }, { maxViews: 1001 }, { maxViews: 1.5 }]) {
      await expect(make(bad)).rejects.toMatchObject({ field: 'maxViews' });
    }
    await expect(make({ label: 'x'.repeat(201) })).rejects.toMatchObject({ field: 'label' });
    await expect(make({ notify: 'yes' })).rejects.toMatchObject({ field: 'notify' });

    const emoji = '🔑'.repeat(200); // 200 code points, 400 UTF-16 units
    const a = await make({ ttlSeconds: 2_592_000, maxViews: null, label: emoji, notify: true });
    expect(await stored(store, a.id)).toMatchObject({
      expiresAt: T0 + 2_592_000_000,
      maxViews: null,
      label: emoji,
      notify: true,
    });
    const b = await make({ label: '', maxViews: 1000 });
    expect(await stored(store, b.id)).toMatchObject({ label: null, maxViews: 1000 });
  });

  it('honours a host’s narrower TTL policy', async () => {
    const { hushlink, store } = makeFixture({ ttl: { maxSeconds: 7200 } });
    const s = await createSealed(hushlink);
    expect((await stored(store, s.id)).expiresAt).toBe(T0 + 2 * HOUR);
    await expect(createSealed(hushlink, { ttlSeconds: 86_400 })).rejects.toThrow(
      InvalidRequestError,
    );
  });

  it('fails at startup for a weak key or an option out of range', () => {
    const store = createMemoryStore();
    expect(() => createHushlink({ store, keys: 'short' })).toThrow(/npx hushlink keygen/);
    expect(() => createHushlink({ store, keys: TEST_KEY, maxPassphraseAttempts: 0 })).toThrow(
      ConfigError,
    );
    expect(() =>
      createHushlink({ store, keys: TEST_KEY, ttl: { maxSeconds: 10 * 2_592_000 } }),
    ).toThrow(ConfigError);
    expect(() => createHushlink({ store, keys: TEST_KEY, ipStorage: 'some' as 'full' })).toThrow(
      ConfigError,
    );
  });

  it('reports a failing store as unavailable, keeping the cause', async () => {
    const store = createMemoryStore();
    const cause = new Error('connection refused');
    store.insert = async () => {
      throw cause;
    };
    const hushlink = createHushlink({ store, keys: TEST_KEY });
    await expect(createSealed(hushlink)).rejects.toSatisfy(
      (e) => e instanceof StoreUnavailableError && e.cause === cause,
    );
  });
});
