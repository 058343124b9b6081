import { describe, expect, it } from 'vitest';
import { createKeyring, macRecord, verifyRecord } from '../integrity';
import { CLIENT, createSealed, makeFixture, stored, TEST_KEY } from './service-fixture';

const keyring = createKeyring(TEST_KEY);

describe('the MAC the service stores after each transition', () => {
  it('is the MAC of the stored record, computed afresh, whether the envelope stays or goes', async () => {
    const { hushlink, store } = makeFixture();
    const s = await createSealed(hushlink, { passphrase: 'pw', maxViews: 2 });
    const right = { keyProof: s.keyProof, passphraseProof: s.passphraseProof };
    const wrong = { keyProof: s.keyProof, passphraseProof: new Uint8Array(32).fill(9) };
    const steps = [
      () => hushlink.reveal(s.id, wrong, CLIENT).catch(() => undefined), // envelope kept
      () => hushlink.reveal(s.id, right, CLIENT), // first view: envelope kept
      () => hushlink.reveal(s.id, right, CLIENT), // last view: envelope deleted
    ];
    for (const step of steps) {
      await step();
      const record = await stored(store, s.id);
      expect(verifyRecord(record, keyring)).toBe(true);
      expect(record.mac).toEqual(macRecord(record, keyring));
    }
    const last = await stored(store, s.id);
    expect([last.failedAttempts, last.views, last.envelope]).toEqual([1, 2, null]);
  });
});
