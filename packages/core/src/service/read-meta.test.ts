import { describe, expect, it } from 'vitest';
import { encodeBase64url } from '../crypto';
import { NotAvailableError } from '../errors';
import {
  ALICE,
  CLIENT,
  createSealed,
  eventTypes,
  FAST_KDF,
  HOUR,
  makeFixture,
  stored,
  T0,
} from './service-fixture';

describe('meta', () => {
  it('tells the page what it needs and consumes nothing', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'pw' });
    const meta = await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    expect(meta).toEqual({
      passphrase: true,
      kdf: { ...FAST_KDF, salt: encodeBase64url(s.envelope.slice(8, 24)) },
      attemptsLeft: 5,
      expiresAt: new Date(T0 + 24 * HOUR),
      createdByYou: false,
      requestId: null,
    });
    expect(await stored(store, s.id)).toMatchObject({ status: 'active', views: 0, version: 1 });
  });

  it('answers null attemptsLeft and kdf without a passphrase, and createdByYou for the creator', async () => {
    const { hushlink } = makeFixture();
    const s = await createSealed(hushlink);
    expect(await hushlink.meta(s.id, s.keyProof, ALICE, CLIENT)).toMatchObject({
      passphrase: false,
      kdf: null,
      attemptsLeft: null,
      createdByYou: true,
    });
    expect((await hushlink.meta(s.id, s.keyProof, 'bob', CLIENT)).createdByYou).toBe(false);
  });

  it('appends `opened` at most once per client per 10 minutes', async () => {
    const { hushlink, store, clock } = makeFixture();
    const s = await createSealed(hushlink);
    const other = { ip: '198.51.100.1', userAgent: 'bot' };
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    clock.now += 9 * 60_000;
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    await hushlink.meta(s.id, s.keyProof, null, other);
    clock.now += 60_000;
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    const opened = (await store.listEvents(s.id)).filter((e) => e.type === 'opened');
    expect(opened.map((e) => [e.ip, e.at - T0])).toEqual([
      [CLIENT.ip, 0],
      [other.ip, 9 * 60_000],
      [CLIENT.ip, 10 * 60_000],
    ]);
  });

  it('answers not_available for a wrong key, a consumed secret or an expired one', async () => {
    const { hushlink, store, clock } = makeFixture();
    const s = await createSealed(hushlink);
    await expect(hushlink.meta(s.id, new Uint8Array(32), null, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await eventTypes(store, s.id)).toEqual(['created']);
    await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    await expect(hushlink.meta(s.id, s.keyProof, null, CLIENT)).rejects.toThrow(NotAvailableError);
    const later = await createSealed(hushlink, { ttlSeconds: 3600 });
    clock.now = T0 + HOUR;
    await expect(hushlink.meta(later.id, later.keyProof, null, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await eventTypes(store, later.id)).toEqual(['created', 'expired']);
  });
});
