/** Request-link routes (DESIGN.md §10) through the fetch handler. */
import { describe, expect, it } from 'vitest';
import {
  createRequestKeys,
  decodeBase64url,
  deriveKeyProof,
  deriveRequestAnswerKey,
  encodeBase64url,
  open,
  seal,
  sealForRequest,
} from '../crypto';
import { createHushlink } from '../service';
import { createMemoryStore } from '../store';
import { createHandler } from './create-handler';

const ORIGIN = 'https://example.com';
const T0 = Date.UTC(2026, 0, 1);
const b64 = encodeBase64url;

function setup() {
  const clock = { now: T0 };
  const handler = createHandler({
    hushlink: createHushlink({
      store: createMemoryStore(),
      keys: 'b2'.repeat(32),
      now: () => clock.now,
    }),
    authorize: (request) =>
      request.headers.get('authorization') === 'Bearer ada' ? { userId: 'ada' } : null,
    basePath: '/hl',
    renderRequestPage: ({ id }) => `<p>request page ${id.length}</p>`,
    now: () => clock.now,
  });
  const call = (method: string, path: string, body?: unknown, auth = false) =>
    handler(
      new Request(`${ORIGIN}/hl${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(auth ? { authorization: 'Bearer ada' } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { remoteAddress: '198.51.100.3' },
    );
  const create = async (extra: Record<string, unknown> = {}) => {
    const keys = createRequestKeys();
    const answer = await call(
      'POST',
      '/api/requests',
      { requestProof: b64(keys.requestProof), ...extra },
      true,
    );
    return { keys, answer, json: await answer.json() };
  };
  const answerBody = async (pk: Uint8Array, proof: Uint8Array, text = 'hunter2') => {
    const sealed = await sealForRequest(text, pk);
    return {
      sealed,
      body: {
        requestProof: b64(proof),
        envelope: b64(sealed.envelope),
        keyProof: b64(sealed.keyProof),
        ephemeralKey: b64(sealed.ephemeralKey),
      },
    };
  };
  return { clock, call, create, answerBody };
}

describe('request-link routes', () => {
  it('runs the whole story: create, meta, answer once, list, reveal the answer, events', async () => {
    const { call, create, answerBody } = setup();
    const { keys, answer, json } = await create({ label: 'VPN', ttlSeconds: 7200 });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('ratelimit-policy')).toContain('"create"');
    expect(json).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      path: `/hl/r/${json.id}`,
      expiresAt: new Date(T0 + 7_200_000).toISOString(),
    });

    const meta = await call('POST', `/api/requests/${json.id}/meta`, {
      requestProof: b64(keys.requestProof),
    });
    expect(meta.status).toBe(200);
    expect(meta.headers.get('ratelimit-policy')).toContain('"recipient"');
    expect(await meta.json()).toEqual({ label: 'VPN', expiresAt: json.expiresAt });

    const { sealed, body } = await answerBody(keys.publicKey, keys.requestProof, 'the answer ✓');
    const answered = await call('POST', `/api/requests/${json.id}/answer`, body);
    expect(answered.status).toBe(201);
    expect(await answered.text()).toBe('{}');
    expect((await call('POST', `/api/requests/${json.id}/answer`, body)).status).toBe(404);

    const list = await (await call('GET', '/api/requests?limit=5', undefined, true)).json();
    const [item] = list.items;
    expect(list.nextCursor).toBeNull();
    expect(item).toEqual({
      id: json.id,
      label: 'VPN',
      status: 'answered',
      createdAt: new Date(T0).toISOString(),
      expiresAt: json.expiresAt,
      answeredAt: new Date(T0).toISOString(),
      answerSecretId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      ephemeralKey: b64(sealed.ephemeralKey),
    });

    // The creator's page: K from sk and epk, then the ordinary meta and reveal.
    const key = deriveRequestAnswerKey(keys.secretKey, decodeBase64url(item.ephemeralKey));
    const keyProof = b64(deriveKeyProof(key));
    const secretMeta = await call(
      'POST',
      `/api/secrets/${item.answerSecretId}/meta`,
      { keyProof },
      true,
    );
    expect(await secretMeta.json()).toMatchObject({ createdByYou: true, requestId: json.id });
    const revealed = await call('POST', `/api/secrets/${item.answerSecretId}/reveal`, { keyProof });
    const { envelope } = await revealed.json();
    expect(await open(decodeBase64url(envelope), key)).toBe('the answer ✓');

    const events = await (
      await call('GET', `/api/requests/${json.id}/events`, undefined, true)
    ).json();
    expect(events.events.map((e: { type: string }) => e.type)).toEqual([
      'request_created',
      'answered',
    ]);
    expect(events.events[1].detail).toEqual({ secretId: item.answerSecretId });
  });

  it('answers every unavailable case of meta and answer with the same 404 body', async () => {
    const { clock, call, create, answerBody } = setup();
    const live = await create();
    const used = await create();
    const burned = await create();
    const expiring = await create({ ttlSeconds: 3600 });
    const right = await answerBody(used.keys.publicKey, used.keys.requestProof);
    await call('POST', `/api/requests/${used.json.id}/answer`, right.body);
    await call('DELETE', `/api/requests/${burned.json.id}`, undefined, true);
    clock.now += 3_600_000;
    const wrongProof = b64(new Uint8Array(32).fill(3));
    const probes: Array<[string, Record<string, unknown>]> = [
      [live.json.id, {}],
      [live.json.id, { requestProof: 'short' }],
      [live.json.id, { requestProof: `${b64(live.keys.requestProof)}=` }],
      [live.json.id, { requestProof: wrongProof }],
      ['AAAAAAAAAAAAAAAAAAAAAA', { requestProof: b64(live.keys.requestProof) }],
      ['not-an-id', { requestProof: b64(live.keys.requestProof) }],
      [used.json.id, { requestProof: b64(used.keys.requestProof) }],
      [burned.json.id, { requestProof: b64(burned.keys.requestProof) }],
      [expiring.json.id, { requestProof: b64(expiring.keys.requestProof) }],
    ];
    const bodies = new Set<string>();
    const extra = (await answerBody(live.keys.publicKey, live.keys.requestProof)).body;
    for (const [id, proof] of probes) {
      for (const [action, body] of [
        ['meta', proof],
        ['answer', { ...extra, requestProof: undefined, ...proof }],
      ] as const) {
        const answer = await call('POST', `/api/requests/${id}/${action}`, body);
        expect({ id, action, status: answer.status }).toEqual({ id, action, status: 404 });
        bodies.add(await answer.text());
      }
    }
    expect([...bodies]).toEqual([
      '{"error":{"code":"not_available","message":"This secret is not available."}}',
    ]);
    // The live request (24 hours) is untouched by all of it.
    const meta = await call('POST', `/api/requests/${live.json.id}/meta`, {
      requestProof: b64(live.keys.requestProof),
    });
    expect(meta.status).toBe(200);
  });

  it('answers 400 for a passphrase answer, a low-order key and unknown fields; 401 for creators', async () => {
    const { call, create, answerBody } = setup();
    const { keys, json } = await create();
    const { body } = await answerBody(keys.publicKey, keys.requestProof);
    const withPassphrase = await seal('x', { passphrase: 'pw', kdf: { logN: 14, r: 1, p: 1 } });
    const bad = [
      { ...body, envelope: b64(withPassphrase.envelope) },
      { ...body, ephemeralKey: b64(new Uint8Array(32)) },
      { ...body, ephemeralKey: b64(new Uint8Array(16).fill(7)) },
      { ...body, extra: 1 },
      { ...body, keyProof: undefined },
    ];
    for (const payload of bad) {
      const answer = await call('POST', `/api/requests/${json.id}/answer`, payload);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.code).toBe('invalid_request');
    }
    expect((await call('POST', `/api/requests/${json.id}/answer`, body)).status).toBe(201);

    expect(
      (await call('POST', '/api/requests', { requestProof: b64(keys.requestProof) })).status,
    ).toBe(401);
    expect((await call('GET', '/api/requests')).status).toBe(401);
    for (const payload of [
      { requestProof: 'x' },
      { requestProof: b64(keys.requestProof), ttlSeconds: 60 },
      { requestProof: b64(keys.requestProof), label: 'x'.repeat(201) },
      { requestProof: b64(keys.requestProof), maxViews: 2 },
    ]) {
      expect((await call('POST', '/api/requests', payload, true)).status).toBe(400);
    }
  });

  it('burns with DELETE (204), and hides other creators’ and unknown ids behind 404', async () => {
    const { call, create } = setup();
    const { json } = await create();
    expect((await call('DELETE', `/api/requests/${json.id}`, undefined, true)).status).toBe(204);
    expect((await call('DELETE', `/api/requests/${json.id}`, undefined, true)).status).toBe(204);
    const list = await (await call('GET', '/api/requests', undefined, true)).json();
    expect(list.items[0].status).toBe('burned');
    expect(
      (await call('DELETE', '/api/requests/AAAAAAAAAAAAAAAAAAAAAA', undefined, true)).status,
    ).toBe(404);
    expect(
      (await call('GET', '/api/requests/AAAAAAAAAAAAAAAAAAAAAA/events', undefined, true)).status,
    ).toBe(404);
  });

  it('serves the customer page for any id with the page headers', async () => {
    const { call } = setup();
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'anything']) {
      const page = await call('GET', `/r/${id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(`<p>request page ${id.length}</p>`);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-robots-tag')).toContain('noindex');
      expect(page.headers.get('ratelimit')).toBeNull();
    }
    const minimal = createHandler({
      hushlink: createHushlink({ store: createMemoryStore(), keys: 'b2'.repeat(32) }),
      authorize: () => null,
    });
    const page = await minimal(new Request(`${ORIGIN}/r/x`));
    expect(await page.text()).toContain('Someone asked you for a secret');
  });
});
