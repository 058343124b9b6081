import { describe, expect, it } from 'vitest';
import { NotAvailableError } from '../errors';
import { createKeyring } from '../integrity';
import { createMemoryStore } from '../store/memory-store';
import type { SecretRecord } from '../store/types';
import { createHushlink } from './create-hushlink';
import {
  ALICE,
  CLIENT,
  createSealed,
  eventTypes,
  makeFixture,
  stored,
  T0,
  tamper,
} from './service-fixture';

/** What an attacker with database write access might try. */
const EDITS: Array<[string, (r: SecretRecord) => Partial<SecretRecord>]> = [
  ['extend expiresAt', (r) => ({ expiresAt: r.expiresAt + 30 * 86_400_000 })],
  ['raise maxViews', () => ({ maxViews: null })],
  ['reset views', () => ({ views: 0 })],
  ['reset failedAttempts', () => ({ failedAttempts: 0 })],
  ['replace the keyProof verifier', () => ({ keyProofVerifier: new Uint8Array(32) })],
  ['drop the passphrase', () => ({ passphraseVerifier: null, kdf: null })],
  ['swap the envelope', (r) => ({ envelope: Uint8Array.from(r.envelope ?? [], (b) => b ^ 0xff) })],
  ['remove the envelope', () => ({ envelope: null })],
  ['change the status', () => ({ status: 'active' })],
  ['change createdBy', () => ({ createdBy: 'mallory' })],
  ['change the label', () => ({ label: 'pay this invoice' })],
  ['point keyId at an unknown key', () => ({ keyId: 'AAAAAAAAAAA' })],
];

describe('integrity failures through the service', () => {
  it.each(EDITS)(
    'refuses to reveal after someone tried to %s, burns and audits it',
    async (_, edit) => {
      const { hushlink, store } = makeFixture();
      const s = await createSealed(hushlink, { passphrase: 'pw', maxViews: 2 });
      const right = { keyProof: s.keyProof, passphraseProof: s.passphraseProof };
      await hushlink
        .reveal(s.id, { ...right, passphraseProof: new Uint8Array(32) }, CLIENT)
        .catch(() => {});
      await hushlink.reveal(s.id, right, CLIENT);
      // Now: viewed once of two, one failed attempt, envelope still stored.
      await tamper(store, s.id, edit(await stored(store, s.id)));
      await expect(hushlink.reveal(s.id, right, CLIENT)).rejects.toThrow(NotAvailableError);
      expect(await stored(store, s.id)).toMatchObject({
        status: 'burned',
        burnReason: 'integrity',
        envelope: null,
      });
      const events = await store.listEvents(s.id);
      expect(events.slice(-2)).toEqual([
        expect.objectContaining({ type: 'integrity_failed', ip: CLIENT.ip }),
        expect.objectContaining({ type: 'burned', detail: { reason: 'integrity' } }),
      ]);
      // The burn is persisted with a sound MAC: later answers stay not_available, no new events.
      await expect(hushlink.meta(s.id, s.keyProof, null, CLIENT)).rejects.toThrow(
        NotAvailableError,
      );
      expect(await store.listEvents(s.id)).toHaveLength(events.length);
    },
  );

  it('cannot revive a burned secret', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    await hushlink.burn(s.id, ALICE, CLIENT);
    await tamper(store, s.id, {
      status: 'active',
      burnedAt: null,
      burnReason: null,
      envelope: s.envelope,
    });
    await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await stored(store, s.id)).toMatchObject({ burnReason: 'integrity', envelope: null });
  });

  it('shows a tampered row as burned/integrity in history without writing', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink);
    await tamper(store, s.id, { views: 5 });
    const before = await stored(store, s.id);
    const { items } = await hushlink.history(ALICE);
    expect(items[0]).toMatchObject({
      id: s.id,
      status: 'burned',
      burnReason: 'integrity',
      remainingViews: 0,
    });
    expect(await hushlink.events(s.id, ALICE)).toHaveLength(1);
    expect(await stored(store, s.id)).toEqual(before);
    expect(await eventTypes(store, s.id)).toEqual(['created']);
  });

  it('persists the burn on DELETE and on sweep', async () => {
    const { hushlink, store, clock } = makeFixture();
    const a = await createSealed(hushlink);
    const b = await createSealed(hushlink, { ttlSeconds: 3600 });
    await tamper(store, a.id, { label: 'edited' });
    await tamper(store, b.id, { label: 'edited' });
    await hushlink.burn(a.id, ALICE, CLIENT);
    expect(await eventTypes(store, a.id)).toEqual(['created', 'integrity_failed', 'burned']);
    clock.now = T0 + 3_600_000;
    expect(await hushlink.sweep()).toMatchObject({ swept: 1 });
    expect(await stored(store, b.id)).toMatchObject({
      status: 'burned',
      burnReason: 'integrity',
      envelope: null,
    });
    expect(await eventTypes(store, b.id)).toEqual(['created', 'integrity_failed', 'burned']);
  });

  it('keeps serving secrets of a rotated-out key, and refuses them once the key is dropped', async () => {
    const store = createMemoryStore();
    const oldKey = 'a0'.repeat(32);
    const newKey = 'b0'.repeat(32);
    const before = createHushlink({ store, keys: oldKey, now: () => T0 });
    const first = await createSealed(before, { maxViews: 2 });
    const rotated = createHushlink({
      store,
      keys: { current: newKey, previous: [oldKey] },
      now: () => T0,
    });
    await rotated.reveal(first.id, { keyProof: first.keyProof }, CLIENT);
    expect((await stored(store, first.id)).keyId).toBe(createKeyring(oldKey).current.id);
    const second = await createSealed(rotated);
    expect((await stored(store, second.id)).keyId).toBe(createKeyring(newKey).current.id);

    const dropped = createHushlink({ store, keys: newKey, now: () => T0 });
    await expect(dropped.reveal(first.id, { keyProof: first.keyProof }, CLIENT)).rejects.toThrow(
      NotAvailableError,
    );
    expect(await stored(store, first.id)).toMatchObject({
      burnReason: 'integrity',
      envelope: null,
    });
    await dropped.reveal(second.id, { keyProof: second.keyProof }, CLIENT);
  });
});
