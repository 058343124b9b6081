/**
 * The route table of DESIGN.md §7 over real HTTP on loopback: every route, its answer
 * shape, and every error code it can give.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64url, open } from '../../packages/core/src/crypto';
import { call, createSecret, sealForTest, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ basePath: '/vault' });
});
afterEach(async () => {
  await server.close();
});

const api = (path = '') => `${server.base}/api/secrets${path}`;

describe('POST /api/secrets', () => {
  it('answers 201 {id, path, expiresAt} with the default TTL, under the basePath', async () => {
    const sealed = await sealForTest('hunter2');
    const answer = await call(api(), { body: sealed.body, token: 'alice' });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json).sort()).toEqual(['expiresAt', 'id', 'path']);
    expect(answer.json.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(answer.json.path).toBe(`/vault/s/${answer.json.id}`);
    expect(answer.json.expiresAt).toBe(new Date(server.clock.now() + 86_400_000).toISOString());
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('ratelimit-policy')).toBe('"create";q=120;w=3600');
  });

  it('takes ttlSeconds, maxViews (null = unlimited), label and notify', async () => {
    const secret = await createSecret(server, 'x', {
      extra: { ttlSeconds: 3600, maxViews: null, label: '🔑'.repeat(200), notify: true },
    });
    const history = await call(api(), { token: 'alice' });
    const item = history.json.items[0];
    expect(item).toMatchObject({
      id: secret.id,
      maxViews: null,
      label: '🔑'.repeat(200),
      notify: true,
    });
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(3_600_000);
  });

  it.each([
    ['no token', undefined, 401, 'unauthorized'],
    ['an unknown scheme', 'forbidden', 403, 'forbidden'],
  ])('refuses %s', async (_name, token, status, code) => {
    const sealed = await sealForTest('x');
    const answer = await call(api(), { body: sealed.body, ...(token ? { token } : {}) });
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('answers 503 with Retry-After when authorize throws anything but ForbiddenError', async () => {
    const sealed = await sealForTest('x');
    const answer = await call(api(), { body: sealed.body, token: 'broken' });
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('unavailable');
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.text).not.toContain('session store down');
    expect(server.errors).toHaveLength(1);
  });

  it.each([
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['a JSON lookalike', 'application/json-patch+json'],
    ['form data', 'application/x-www-form-urlencoded'],
  ])('answers 415 for %s', async (_name, type) => {
    const sealed = await sealForTest('x');
    const answer = await call(api(), {
      raw: JSON.stringify(sealed.body),
      token: 'alice',
      headers: type === undefined ? {} : { 'content-type': type },
    });
    expect(answer.status).toBe(415);
    expect(answer.json.error.code).toBe('unsupported_media_type');
  });

  it('ignores media type parameters and case', async () => {
    const sealed = await sealForTest('x');
    const answer = await call(api(), {
      raw: JSON.stringify(sealed.body),
      token: 'alice',
      headers: { 'content-type': 'Application/JSON ; charset=UTF-8' },
    });
    expect(answer.status).toBe(201);
  });

  it('answers 413 above 4·⌈maxEnvelope/3⌉ + 4 KiB and accepts the largest envelope', async () => {
    expect(server.handler.maxBodyBytes).toBe(4 * Math.ceil(65_856 / 3) + 4096);
    const big = await call(api(), {
      raw: `{"envelope":"${'A'.repeat(server.handler.maxBodyBytes)}"}`,
      token: 'alice',
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('payload_too_large');
    const largest = await createSecret(server, 'é'.repeat(32_766));
    expect(largest.id).toBeTruthy();
  });

  const bodyCases: Array<[string, (body: Record<string, unknown>) => unknown]> = [
    ['not JSON', () => '{"envelope":'],
    ['an array', (body) => [body]],
    ['null', () => null],
    ['an unknown field', (body) => ({ ...body, extra: 1 })],
    ['a missing envelope', ({ envelope: _, ...rest }) => rest],
    ['a padded envelope', (body) => ({ ...body, envelope: `${body.envelope}=` })],
    ['a malformed envelope', (body) => ({ ...body, envelope: 'SEwB' })],
    ['a short keyProof', (body) => ({ ...body, keyProof: (body.keyProof as string).slice(1) })],
    ['a numeric keyProof', (body) => ({ ...body, keyProof: 42 })],
    ['ttlSeconds 3599', (body) => ({ ...body, ttlSeconds: 3599 })],
    ['ttlSeconds 2592001', (body) => ({ ...body, ttlSeconds: 2_592_001 })],
    ['ttlSeconds 3600.5', (body) => ({ ...body, ttlSeconds: 3600.5 })],
    ['ttlSeconds as text', (body) => ({ ...body, ttlSeconds: '3600' })],
    ['maxViews 0', (body) => ({ ...body, maxViews: 0 })],
    ['maxViews 1001', (body) => ({ ...body, maxViews: 1001 })],
    ['maxViews 1.5', (body) => ({ ...body, maxViews: 1.5 })],
    ['a 201-character label', (body) => ({ ...body, label: 'x'.repeat(201) })],
    ['a label with a control character', (body) => ({ ...body, label: 'a\u0000b' })],
    ['notify as text', (body) => ({ ...body, notify: 'yes' })],
    ['an unexpected passphraseProof', (body) => ({ ...body, passphraseProof: body.keyProof })],
  ];
  it.each(bodyCases)('answers 400 invalid_request for %s', async (_name, mutate) => {
    const sealed = await sealForTest('x');
    const mutated = mutate(sealed.body);
    const answer = await call(api(), {
      raw: typeof mutated === 'string' ? mutated : JSON.stringify(mutated),
      token: 'alice',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(await server.store.probe.dumpRows()).toEqual([]);
  });

  it('requires passphraseProof exactly when the envelope has a passphrase', async () => {
    const sealed = await sealForTest('x', { passphrase: 'pass' });
    const { passphraseProof: _, ...without } = sealed.body;
    const answer = await call(api(), { body: without, token: 'alice' });
    expect(answer.status).toBe(400);
    expect((await call(api(), { body: sealed.body, token: 'alice' })).status).toBe(201);
  });
});

describe('GET /api/secrets', () => {
  it('lists only the caller’s secrets, newest first, with limit and cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await createSecret(server, `s${i}`)).id);
      server.clock.advance(1000);
    }
    await createSecret(server, 'bob’s', { user: 'bob' });
    const first = await call(`${api()}?limit=2`, { token: 'alice' });
    expect(first.status).toBe(200);
    expect(first.json.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(`${api()}?limit=2&cursor=${first.json.nextCursor}`, {
      token: 'alice',
    });
    expect(second.json.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.json.nextCursor).toBeNull();
    expect(Object.keys(first.json.items[0]).sort()).toEqual(
      [
        'id',
        'label',
        'status',
        'createdAt',
        'expiresAt',
        'maxViews',
        'views',
        'remainingViews',
        'passphrase',
        'firstViewedAt',
        'lastViewedAt',
        'burnedAt',
        'burnReason',
        'notify',
        'groupId',
        'requestId',
      ].sort(),
    );
  });

  it.each(['0', '101', 'abc', '1.5', '-1', ''])('answers 400 for limit=%s', async (limit) => {
    const answer = await call(`${api()}?limit=${limit}`, { token: 'alice' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
  });

  it('answers 400 for a forged cursor and 401 without a user', async () => {
    expect((await call(`${api()}?cursor=not-a-cursor`, { token: 'alice' })).status).toBe(400);
    expect((await call(api())).status).toBe(401);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await call(api(), { method: 'HEAD', token: 'alice' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect(answer.headers.get('content-type')).toContain('application/json');
  });
});

describe('GET /api/secrets/{id}/events and DELETE /api/secrets/{id}', () => {
  it('lists the events of an own secret, oldest first, with ISO times', async () => {
    const secret = await createSecret(server);
    const answer = await call(api(`/${secret.id}/events`), { token: 'alice' });
    expect(answer.status).toBe(200);
    expect(answer.json.events).toEqual([
      {
        type: 'created',
        at: '2026-01-01T00:00:00.000Z',
        ip: '127.0.0.1',
        userAgent: 'node',
        detail: null,
      },
    ]);
  });

  it('answers 404 for another user’s, an unknown and a malformed id', async () => {
    const secret = await createSecret(server);
    for (const id of [secret.id, 'AAAAAAAAAAAAAAAAAAAAAA', 'nope', `${secret.id}A`]) {
      const events = await call(api(`/${id}/events`), {
        token: id === secret.id ? 'bob' : 'alice',
      });
      expect(events.status).toBe(404);
      expect(events.json.error.code).toBe('not_available');
      const burn = await call(api(`/${id}`), {
        method: 'DELETE',
        token: id === secret.id ? 'bob' : 'alice',
      });
      expect(burn.status).toBe(404);
    }
    const meta = await call(api(`/${secret.id}/meta`), { body: { keyProof: secret.keyProof } });
    expect(meta.status).toBe(200);
  });

  it('burns with 204, again 204, and the link then answers 404', async () => {
    const secret = await createSecret(server);
    const first = await call(api(`/${secret.id}`), { method: 'DELETE', token: 'alice' });
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await call(api(`/${secret.id}`), { method: 'DELETE', token: 'alice' })).status).toBe(
      204,
    );
    const reveal = await call(api(`/${secret.id}/reveal`), { body: { keyProof: secret.keyProof } });
    expect(reveal.status).toBe(404);
    const events = await call(api(`/${secret.id}/events`), { token: 'alice' });
    expect(events.json.events.at(-1)).toMatchObject({
      type: 'burned',
      detail: { reason: 'creator' },
    });
  });
});

describe('POST /api/secrets/{id}/meta and /reveal', () => {
  it('meta answers the documented shape and consumes nothing', async () => {
    const secret = await createSecret(server, 'x', { passphrase: 'correct horse' });
    const meta = await call(api(`/${secret.id}/meta`), { body: { keyProof: secret.keyProof } });
    expect(meta.status).toBe(200);
    expect(meta.json).toEqual({
      passphrase: true,
      kdf: { salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), logN: 14, r: 1, p: 1 },
      attemptsLeft: 5,
      expiresAt: '2026-01-02T00:00:00.000Z',
      createdByYou: false,
      requestId: null,
    });
    const own = await call(api(`/${secret.id}/meta`), {
      body: { keyProof: secret.keyProof },
      token: 'alice',
    });
    expect(own.json.createdByYou).toBe(true);
    const broken = await call(api(`/${secret.id}/meta`), {
      body: { keyProof: secret.keyProof },
      token: 'broken',
    });
    expect(broken.status).toBe(200);
    expect(broken.json.createdByYou).toBe(false);
  });

  it('reveal answers {envelope, remainingViews} once, then 404', async () => {
    const secret = await createSecret(server, 'the plaintext');
    const reveal = await call(api(`/${secret.id}/reveal`), { body: { keyProof: secret.keyProof } });
    expect(reveal.status).toBe(200);
    expect(Object.keys(reveal.json).sort()).toEqual(['envelope', 'remainingViews']);
    expect(reveal.json.remainingViews).toBe(0);
    expect(await open(decodeBase64url(reveal.json.envelope), secret.key)).toBe('the plaintext');
    const again = await call(api(`/${secret.id}/reveal`), { body: { keyProof: secret.keyProof } });
    expect(again.status).toBe(404);
  });

  it('a missing, malformed or wrong keyProof answers the same 404 as a missing secret', async () => {
    const secret = await createSecret(server);
    const wrong = (await sealForTest('other')).keyProof;
    const answers = [];
    for (const route of ['meta', 'reveal']) {
      for (const raw of [
        '{}',
        'not json',
        '[]',
        JSON.stringify({ keyProof: 'short' }),
        JSON.stringify({ keyProof: wrong }),
        JSON.stringify({ keyProof: `${secret.keyProof}=`, extra: true }),
      ]) {
        answers.push(
          await call(api(`/${secret.id}/${route}`), {
            raw,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      answers.push(
        await call(api(`/AAAAAAAAAAAAAAAAAAAAAA/${route}`), {
          body: { keyProof: secret.keyProof },
        }),
      );
      answers.push(await call(api(`/bad-id/${route}`), { body: { keyProof: secret.keyProof } }));
    }
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.text}`)).size).toBe(1);
    expect(answers[0]?.status).toBe(404);
    const events = await call(api(`/${secret.id}/events`), { token: 'alice' });
    expect(events.json.events.map((event: { type: string }) => event.type)).toEqual(['created']);
  });

  it('refuses unknown fields and a malformed passphraseProof with 400 after a valid keyProof', async () => {
    const secret = await createSecret(server);
    const extra = await call(api(`/${secret.id}/meta`), {
      body: { keyProof: secret.keyProof, x: 1 },
    });
    expect(extra.status).toBe(400);
    const malformed = await call(api(`/${secret.id}/reveal`), {
      body: { keyProof: secret.keyProof, passphraseProof: 'abc' },
    });
    expect(malformed.status).toBe(400);
  });

  it('counts wrong passphrases 4, 3, 2, 1, 0 then answers 404', async () => {
    const secret = await createSecret(server, 'x', { passphrase: 'right' });
    const wrong = (await sealForTest('y')).keyProof;
    const missing = await call(api(`/${secret.id}/reveal`), {
      body: { keyProof: secret.keyProof },
    });
    expect(missing.status).toBe(400);
    for (const attemptsLeft of [4, 3, 2, 1, 0]) {
      const answer = await call(api(`/${secret.id}/reveal`), {
        body: { keyProof: secret.keyProof, passphraseProof: wrong },
      });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({
        error: { code: 'wrong_passphrase', message: expect.any(String), attemptsLeft },
      });
    }
    const after = await call(api(`/${secret.id}/reveal`), {
      body: { keyProof: secret.keyProof, passphraseProof: secret.passphraseProof },
    });
    expect(after.status).toBe(404);
  });

  it('reveals with the right passphrase proof', async () => {
    const secret = await createSecret(server, 'x', { passphrase: 'right' });
    const answer = await call(api(`/${secret.id}/reveal`), {
      body: { keyProof: secret.keyProof, passphraseProof: secret.passphraseProof },
    });
    expect(answer.status).toBe(200);
    expect(await open(decodeBase64url(answer.json.envelope), secret.key, 'right')).toBe('x');
  });
});

describe('pages, assets, unknown routes and methods', () => {
  it('GET /s/{any id} answers the page with the page headers; HEAD the same without body', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'whatever']) {
      const page = await call(`${server.base}/s/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<noscript>');
      expect(page.text).not.toMatch(/<script|\son\w+=/i);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-robots-tag')).toContain('noindex');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const head = await call(`${server.base}/s/${id}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
    }
  });

  it('uses the host’s renderPage', async () => {
    const custom = await startTestServer({
      renderPage: ({ id, basePath }) => `<!doctype html><title>${basePath}|${id}</title>`,
    });
    const page = await call(`${custom.base}/s/abc`);
    expect(page.text).toBe('<!doctype html><title>|abc</title>');
    await custom.close();
  });

  it('serves assets from the option and answers 404 otherwise', async () => {
    expect((await call(`${server.base}/assets/app.js`)).status).toBe(404);
    const withAssets = await startTestServer({
      assets: {
        'app.3f2a.js': {
          body: 'export {};',
          type: 'text/javascript; charset=utf-8',
          immutable: true,
        },
        'style.css': { body: new TextEncoder().encode('p{}'), type: 'text/css' },
      },
    });
    const script = await call(`${withAssets.base}/assets/app.3f2a.js`);
    expect(script.status).toBe(200);
    expect(script.text).toBe('export {};');
    expect(script.headers.get('cache-control')).toContain('immutable');
    const style = await call(`${withAssets.base}/assets/style.css`);
    expect(style.headers.get('cache-control')).toBe('no-cache');
    expect((await call(`${withAssets.base}/assets/constructor`)).status).toBe(404);
    expect(
      (await call(`${withAssets.base}/assets/app.3f2a.js`, { method: 'POST', raw: 'x' })).status,
    ).toBe(405);
    await withAssets.close();
  });

  it.each([
    '/api/requests/AAAAAAAAAAAAAAAAAAAAAA/other',
    '/api/groups/AAAAAAAAAAAAAAAAAAAAAA',
    '/r/a/b',
    '/api/secrets/',
    '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/other',
    '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta/x',
    '/s/',
    '/s/a/b',
    '/api/',
  ])('answers 404 not_available for the unknown route %s', async (path) => {
    const answer = await call(`${server.base}${path}`, { token: 'alice' });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe('not_available');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['PUT', '/api/secrets', 'GET, HEAD, POST'],
    ['PATCH', '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA', 'DELETE'],
    ['GET', '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta', 'POST'],
    ['GET', '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/reveal', 'POST'],
    ['DELETE', '/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/events', 'GET, HEAD'],
    ['POST', '/s/AAAAAAAAAAAAAAAAAAAAAA', 'GET, HEAD'],
    ['OPTIONS', '/api/secrets', 'GET, HEAD, POST'],
    ['PUT', '/api/requests', 'GET, HEAD, POST'],
    ['GET', '/api/requests/AAAAAAAAAAAAAAAAAAAAAA/answer', 'POST'],
    ['POST', '/r/AAAAAAAAAAAAAAAAAAAAAA', 'GET, HEAD'],
  ])('answers 405 with Allow for %s %s', async (method, path, allow) => {
    const answer = await call(`${server.base}${path}`, { method, token: 'alice' });
    expect(answer.status).toBe(405);
    expect(answer.json.error.code).toBe('method_not_allowed');
    expect(answer.headers.get('allow')).toBe(allow);
  });
});
