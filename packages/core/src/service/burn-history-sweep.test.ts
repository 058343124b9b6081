import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../crypto';
import { InvalidRequestError, NotAvailableError } from '../errors';
import {
  ALICE,
  CLIENT,
  createSealed,
  eventTypes,
  HOUR,
  makeFixture,
  stored,
  T0,
} from './service-fixture';
import { startSweeper } from './start-sweeper';

describe('burn', () => {
  it('burns a revealable secret for its creator and deletes the envelope', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    await hushlink.burn(s.id, ALICE, CLIENT);
    expect(await stored(store, s.id)).toMatchObject({
      status: 'burned',
      burnReason: 'creator',
      burnedAt: T0,
      envelope: null,
    });
    expect((await store.listEvents(s.id)).at(-1)).toMatchObject({
      type: 'burned',
      detail: { reason: 'creator' },
    });
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
  });

  it('changes nothing on a secret that can no longer be revealed', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    const before = await stored(store, s.id);
    await hushlink.burn(s.id, ALICE, CLIENT);
    await hushlink.burn(s.id, ALICE, CLIENT);
    expect(await stored(store, s.id)).toEqual(before);
    expect(await eventTypes(store, s.id)).toEqual(['created', 'revealed']);
  });

  it('answers not_available for another creator’s or an unknown id', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    await expect(hushlink.burn(s.id, 'bob', CLIENT)).rejects.toThrow(NotAvailableError);
    await expect(hushlink.burn('unknownidaaaaaaaaaaaaa', ALICE, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    await expect(hushlink.events(s.id, 'bob')).rejects.toThrow(NotAvailableError);
    expect((await stored(store, s.id)).status).toBe('active');
  });
});

describe('history and events', () => {
  it('lists a creator’s own secrets newest first with effective status', async () => {
    const { hushlink, clock } = makeFixture();
    const old = await createSealed(hushlink, { ttlSeconds: 3600, label: 'old' });
    clock.now += 1000;
    const viewed = await createSealed(hushlink, { maxViews: 2 });
    await hushlink.reveal(viewed.id, { keyProof: viewed.keyProof }, CLIENT);
    await createSealed(hushlink, { createdBy: 'bob' });
    clock.now = T0 + HOUR;
    const { items, nextCursor } = await hushlink.history(ALICE);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => [i.id, i.status, i.remainingViews])).toEqual([
      [viewed.id, 'viewed', 1],
      [old.id, 'expired', 0],
    ]);
    expect(items[1]).toMatchObject({
      label: 'old',
      createdAt: new Date(T0),
      expiresAt: new Date(T0 + HOUR),
      passphrase: false,
      firstViewedAt: null,
      notify: false,
      groupId: null,
      requestId: null,
    });
  });

  it('pages with an opaque cursor and validates limit and cursor', async () => {
    const { hushlink, clock } = makeFixture();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.unshift((await createSealed(hushlink)).id);
      clock.now += 1;
    }
    const first = await hushlink.history(ALICE, { limit: 2 });
    const second = await hushlink.history(ALICE, { limit: 2, cursor: first.nextCursor });
    const third = await hushlink.history(ALICE, { limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(ids);
    expect(third.nextCursor).toBeNull();
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const limit of [0, 101, 2.5]) {
      await expect(hushlink.history(ALICE, { limit })).rejects.toMatchObject({ field: 'limit' });
    }
    for (const cursor of ['not a cursor', 'e30', `${first.nextCursor}=`]) {
      await expect(hushlink.history(ALICE, { cursor })).rejects.toThrow(InvalidRequestError);
    }
    expect((await hushlink.history(ALICE)).items).toHaveLength(5);
  });

  it('returns the audit trail oldest first', async () => {
    const { hushlink, clock } = makeFixture();
    const s = await createSealed(hushlink);
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    clock.now += 5000;
    await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    const events = await hushlink.events(s.id, ALICE);
    expect(events.map((e) => [e.type, e.at.toISOString(), e.ip])).toEqual([
      ['created', '2026-01-01T00:00:00.000Z', CLIENT.ip],
      ['opened', '2026-01-01T00:00:00.000Z', CLIENT.ip],
      ['revealed', '2026-01-01T00:00:05.000Z', CLIENT.ip],
    ]);
    expect(events[2]?.detail).toEqual({ views: 1, remainingViews: 0 });
  });
});

describe('sweep', () => {
  it('persists expiry for never-opened secrets, deletes envelopes, and is idempotent', async () => {
    const { hushlink, store, clock } = makeFixture();
    const unopened = await createSealed(hushlink, { ttlSeconds: 3600 });
    const reusable = await createSealed(hushlink, { ttlSeconds: 3600, maxViews: null });
    const alive = await createSealed(hushlink);
    await hushlink.reveal(reusable.id, { keyProof: reusable.keyProof }, CLIENT);
    clock.now = T0 + 2 * HOUR;
    expect(await hushlink.sweep()).toEqual({ swept: 2, purged: 0 });
    expect(await hushlink.sweep()).toEqual({ swept: 0, purged: 0 });
    expect(await stored(store, unopened.id)).toMatchObject({ status: 'expired', envelope: null });
    expect((await store.listEvents(unopened.id)).at(-1)).toMatchObject({
      type: 'expired',
      at: T0 + HOUR,
      ip: null,
    });
    expect(await stored(store, reusable.id)).toMatchObject({ status: 'viewed', envelope: null });
    expect(await eventTypes(store, reusable.id)).toEqual(['created', 'revealed']);
    expect((await stored(store, alive.id)).status).toBe('active');
  });

  it('keeps metadata for the retention period after expiry, then purges it', async () => {
    const { hushlink, store, clock } = makeFixture({ retentionSeconds: 86_400 });
    const s = await createSealed(hushlink, { ttlSeconds: 3600 });
    clock.now = T0 + HOUR + 24 * HOUR;
    expect((await hushlink.sweep()).purged).toBe(0);
    expect((await hushlink.history(ALICE)).items[0]).toMatchObject({ id: s.id, status: 'expired' });
    clock.now += 1;
    expect((await hushlink.sweep()).purged).toBe(1);
    expect(await store.get(s.id)).toBeNull();
    expect(await store.listEvents(s.id)).toEqual([]);
  });

  describe('startSweeper', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('sweeps on its interval without overlapping, and stops', async () => {
      vi.useFakeTimers();
      let calls = 0;
      let release: () => void = () => {};
      const sweep = () => {
        calls++;
        return new Promise<{ swept: number; purged: number }>((resolve) => {
          release = () => resolve({ swept: 0, purged: 0 });
        });
      };
      const sweeper = startSweeper({ sweep }, { intervalMs: 1000 });
      await vi.advanceTimersByTimeAsync(3500);
      expect(calls).toBe(1); // the first sweep is still running
      release();
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toBe(2);
      release();
      await sweeper.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(2);
    });

    it('reports a failed sweep and keeps going', async () => {
      vi.useFakeTimers();
      const errors: unknown[] = [];
      const failure = new Error('db down');
      const sweeper = startSweeper(
        { sweep: () => Promise.reject(failure) },
        {
          intervalMs: 1000,
          onError: (e) => errors.push(e),
        },
      );
      await vi.advanceTimersByTimeAsync(2000);
      expect(errors).toEqual([failure, failure]);
      await sweeper.stop();
    });

    it('refuses an interval under a second', () => {
      expect(() =>
        startSweeper({ sweep: async () => ({ swept: 0, purged: 0 }) }, { intervalMs: 10 }),
      ).toThrow(RangeError);
    });
  });
});

describe('shareText', () => {
  it('seals in-process and returns the key and link, storing neither', async () => {
    const { hushlink, store } = makeFixture();
    const shared = await hushlink.shareText(
      {
        plaintext: 'db password',
        createdBy: ALICE,
        baseUrl: 'https://app.example.com/vault/',
        label: 'db',
      },
      CLIENT,
    );
    expect(shared.link).toBe(`https://app.example.com/vault/s/${shared.id}#${shared.key}`);
    expect(shared.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const record = await stored(store, shared.id);
    expect(record.label).toBe('db');
    const key = Uint8Array.from(Buffer.from(shared.key, 'base64url'));
    expect(await open(record.envelope as Uint8Array, key)).toBe('db password');
    const rows = JSON.stringify(await store.probe.dumpRows(), (_, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('base64url') : v,
    );
    expect(rows).not.toContain(shared.key);
    expect(rows).not.toContain('db password');
  });

  it('returns no link without baseUrl, and refuses text over the cap', async () => {
    const { hushlink } = makeFixture({ maxPlaintextBytes: 10 });
    expect(
      (await hushlink.shareText({ plaintext: 'short', createdBy: ALICE }, CLIENT)).link,
    ).toBeNull();
    await expect(
      hushlink.shareText({ plaintext: 'x'.repeat(11), createdBy: ALICE }, CLIENT),
    ).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });
});
