import { describe, expect, it } from 'vitest';
import { open } from '../crypto';
import { InvalidRequestError, NotAvailableError, WrongPassphraseError } from '../errors';
import { CLIENT, createSealed, eventTypes, HOUR, makeFixture, stored, T0 } from './service-fixture';

describe('reveal', () => {
  it('hands a single-use envelope to the first caller only, and deletes it', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    const revealed = await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    expect(revealed.remainingViews).toBe(0);
    expect(await open(revealed.envelope, s.key)).toBe(s.plaintext);
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await stored(store, s.id)).toMatchObject({
      status: 'viewed',
      views: 1,
      envelope: null,
      firstViewedAt: T0,
    });
    const events = await store.listEvents(s.id);
    expect(events.at(-1)).toMatchObject({
      type: 'revealed',
      detail: { views: 1, remainingViews: 0 },
    });
  });

  it('answers a wrong, missing or malformed keyProof like a missing secret, counting nothing', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'pw' });
    const before = await stored(store, s.id);
    for (const keyProof of [new Uint8Array(32), s.keyProof.slice(0, 31), undefined, 'x']) {
      await expect(
        hushlink.reveal(
          s.id,
          { keyProof: keyProof as Uint8Array, passphraseProof: new Uint8Array(32) },
          CLIENT,
        ),
      ).rejects.toThrow(NotAvailableError);
    }
    await expect(
      hushlink.reveal('unknownidaaaaaaaaaaaaa', { keyProof: s.keyProof }, CLIENT),
    ).rejects.toThrow(NotAvailableError);
    expect(await stored(store, s.id)).toEqual(before);
    expect(await eventTypes(store, s.id)).toEqual(['created']);
  });

  it('refuses a missing passphrase proof, or one for a secret without passphrase, counting nothing', async () => {
    const { hushlink, store } = makeFixture();
    const protectedOne = await createSealed(hushlink, { passphrase: 'pw' });
    const plain = await createSealed(hushlink);
    await expect(
      hushlink.reveal(protectedOne.id, { keyProof: protectedOne.keyProof }, CLIENT),
    ).rejects.toThrow(InvalidRequestError);
    await expect(
      hushlink.reveal(
        protectedOne.id,
        { keyProof: protectedOne.keyProof, passphraseProof: new Uint8Array(8) },
        CLIENT,
      ),
    ).rejects.toThrow(InvalidRequestError);
    await expect(
      hushlink.reveal(
        plain.id,
        { keyProof: plain.keyProof, passphraseProof: new Uint8Array(32) },
        CLIENT,
      ),
    ).rejects.toThrow(InvalidRequestError);
    expect((await stored(store, protectedOne.id)).failedAttempts).toBe(0);
    expect((await stored(store, plain.id)).status).toBe('active');
  });

  it('counts wrong passphrases 4, 3, 2, 1, 0 (burning), then answers not_available', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'pw' });
    const wrong = { keyProof: s.keyProof, passphraseProof: new Uint8Array(32).fill(1) };
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const error = await hushlink.reveal(s.id, wrong, CLIENT).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongPassphraseError);
      left.push((error as WrongPassphraseError).attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    await expect(
      hushlink.reveal(s.id, { ...wrong, passphraseProof: s.passphraseProof }, CLIENT),
    ).rejects.toThrow(NotAvailableError);
    expect(await stored(store, s.id)).toMatchObject({
      status: 'burned',
      burnReason: 'attempts',
      envelope: null,
    });
    const events = await store.listEvents(s.id);
    expect(events.slice(-2).map((e) => [e.type, e.detail])).toEqual([
      ['passphrase_failed', { attemptsLeft: 0 }],
      ['burned', { reason: 'attempts' }],
    ]);
  });

  it('does not reset attempts after a right passphrase, and honours a custom limit', async () => {
    const { hushlink } = makeFixture({ maxPassphraseAttempts: 3 });
    const s = await createSealed(hushlink, { passphrase: 'pw', maxViews: 2 });
    const wrong = { keyProof: s.keyProof, passphraseProof: new Uint8Array(32) };
    await expect(hushlink.reveal(s.id, wrong, CLIENT)).rejects.toMatchObject({ attemptsLeft: 2 });
    await hushlink.reveal(
      s.id,
      { keyProof: s.keyProof, passphraseProof: s.passphraseProof },
      CLIENT,
    );
    expect((await hushlink.meta(s.id, s.keyProof, null, CLIENT)).attemptsLeft).toBe(2);
    await expect(hushlink.reveal(s.id, wrong, CLIENT)).rejects.toMatchObject({ attemptsLeft: 1 });
  });

  it('reveals a passphrase secret with the right proof', async () => {
    const { hushlink } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'pw' });
    const revealed = await hushlink.reveal(
      s.id,
      { keyProof: s.keyProof, passphraseProof: s.passphraseProof },
      CLIENT,
    );
    expect(await open(revealed.envelope, s.key, 'pw')).toBe(s.plaintext);
  });

  it('enforces expiry from the expiry instant without a sweep, and persists it', async () => {
    const { hushlink, store, clock } = makeFixture();
    const s = await createSealed(hushlink, { ttlSeconds: 3600 });
    clock.now = T0 + HOUR;
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await stored(store, s.id)).toMatchObject({ status: 'expired', envelope: null });
    const events = await store.listEvents(s.id);
    expect(events.at(-1)).toMatchObject({
      type: 'expired',
      at: T0 + HOUR,
      ip: null,
      userAgent: null,
    });
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await eventTypes(store, s.id)).toEqual(['created', 'expired']);
  });

  it('counts N views of a reusable secret, deleting the envelope at the Nth', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { maxViews: 3 });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      remaining.push(
        (await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).remainingViews,
      );
    }
    expect(remaining).toEqual([2, 1, 0]);
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await stored(store, s.id)).toMatchObject({ status: 'viewed', views: 3, envelope: null });
  });

  it('reveals an unlimited secret until it expires', async () => {
    const { hushlink, clock } = makeFixture();
    const s = await createSealed(hushlink, { maxViews: null, ttlSeconds: 3600 });
    for (let i = 0; i < 5; i++) {
      expect(
        (await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).remainingViews,
      ).toBeNull();
    }
    clock.now = T0 + HOUR;
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
  });

  it.each([
    ['full', '203.0.113.77'],
    ['truncated', '203.0.113.0/24'],
    ['none', null],
  ] as const)('stores client IPs in %s mode as %s', async (ipStorage, expected) => {
    const { hushlink, store } = makeFixture({ ipStorage });
    const s = await createSealed(hushlink);
    await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    const ips = (await store.listEvents(s.id)).map((e) => e.ip);
    expect(ips).toEqual([expected, expected]);
  });

  it('truncates IPv6 clients to /48', async () => {
    const { hushlink, store } = makeFixture({ ipStorage: 'truncated' });
    await createSealed(hushlink, {}, { ip: '2001:db8:1:2::5', userAgent: null });
    const [created] = await store.listEvents((await hushlink.history('alice')).items[0]?.id ?? '');
    expect(created?.ip).toBe('2001:db8:1::/48');
  });
});
