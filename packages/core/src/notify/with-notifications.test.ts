import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createHushlink } from '../service';
import { CLIENT, createSealed, makeFixture, T0, TEST_KEY } from '../service/service-fixture';
import { createMemoryStore } from '../store';
import type { NotificationEvent } from './types';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('onEvent and the outbox through the service', () => {
  it('tells onEvent of every committed event, in order, after it is stored', async () => {
    const heard: NotificationEvent[] = [];
    const { hushlink, store } = makeFixture({
      onEvent: async (event) => {
        heard.push(event);
      },
    });
    const s = await createSealed(hushlink, { passphrase: 'pw', label: 'L' });
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    await hushlink
      .reveal(s.id, { keyProof: s.keyProof, passphraseProof: new Uint8Array(32) }, CLIENT)
      .catch(() => undefined);
    await hushlink.burn(s.id, 'alice', CLIENT);
    expect(heard.map((e) => e.type)).toEqual(['created', 'opened', 'passphrase_failed', 'burned']);
    expect(heard[1]).toMatchObject({
      secretId: s.id,
      label: 'L',
      createdBy: 'alice',
      notify: false,
    });
    expect(heard[3]?.detail).toEqual({ reason: 'creator' });
    expect((await store.listEvents(s.id)).map((e) => e.type)).toEqual(heard.map((e) => e.type));
  });

  it('keeps answering when an observer throws', async () => {
    const { hushlink } = makeFixture({
      onEvent: () => {
        throw new Error('observer broke');
      },
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const s = await createSealed(hushlink);
      await expect(hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)).resolves.toMatchObject({
        remainingViews: 0,
      });
    } finally {
      console.error = original;
    }
  });

  it('writes one outbox message per subscribed endpoint, and none for a lost race', async () => {
    const webhooks = [
      { url: 'https://a.example.com/h', secret: SECRET },
      { url: 'https://b.example.com/h', secret: SECRET, events: ['revealed' as const] },
    ];
    const { hushlink, store } = makeFixture({ webhooks });
    const s = await createSealed(hushlink);
    await Promise.allSettled(
      Array.from({ length: 10 }, () => hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT)),
    );
    const messages = await store.claimDueOutbox(T0, 1_000, 100);
    const summary = messages.map(
      (m) => `${new URL(m.endpointId).host} ${JSON.parse(m.payload).type}`,
    );
    expect(summary.sort()).toEqual([
      'a.example.com created',
      'a.example.com revealed',
      'b.example.com revealed',
    ]);
  });

  it('refuses webhooks over a store without an outbox, and malformed endpoints', () => {
    const { claimDueOutbox: _, ...withoutOutbox } = createMemoryStore();
    const webhooks = [{ url: 'https://a.example.com/h', secret: SECRET }];
    expect(() => createHushlink({ store: withoutOutbox, keys: TEST_KEY, webhooks })).toThrow(
      /outbox/,
    );
    const bad = (endpoint: object) => () =>
      createHushlink({ store: createMemoryStore(), keys: TEST_KEY, webhooks: [endpoint as never] });
    expect(bad({ url: 'gopher://x/', secret: SECRET })).toThrow(ConfigError);
    expect(bad({ url: 'https://x/', secret: 'plain' })).toThrow(/whsec_/);
    expect(bad({ url: 'https://x/', secret: SECRET, events: ['viewed'] })).toThrow(/viewed/);
  });
});
