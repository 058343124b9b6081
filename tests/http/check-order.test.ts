/**
 * The first failing check answers, in the order of DESIGN.md §7:
 * unknown route 404 → method 405 → rate limit 429 → authentication 401 → media type 415
 * → size 413 → body 400 → the record. Also: rate-limit headers on every answer past the
 * rate-limit step, and 503 (never 500) when the store fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from '../../packages/core/src/ratelimit';
import type { RateLimitStore, SecretStore } from '../../packages/core/src/store';
import { call, createSecret, sealForTest, startTestServer, type TestServer } from './harness';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server whose budgets allow one request per budget, so the second is rate limited. */
async function tightServer(): Promise<TestServer> {
  const one = { limit: 1, windowSeconds: 60 };
  const server = await startTestServer({
    rateLimits: { budgets: { recipient: one, create: one, creator: one } },
  });
  servers.push(server);
  return server;
}

const json = { 'content-type': 'application/json' };

describe('check order', () => {
  it('unknown route (404) comes before method (405)', async () => {
    const server = await tightServer();
    const answer = await call(`${server.base}/api/unknown`, { method: 'PUT' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('ratelimit')).toBeNull();
  });

  it('method (405) comes before rate limit (429)', async () => {
    const server = await tightServer();
    await call(`${server.base}/api/secrets`, { token: 'alice' });
    const answer = await call(`${server.base}/api/secrets`, { method: 'PUT', token: 'alice' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('ratelimit')).toBeNull();
  });

  it('rate limit (429, with Retry-After) comes before authentication (401)', async () => {
    const server = await tightServer();
    expect((await call(`${server.base}/api/secrets`)).status).toBe(401);
    const answer = await call(`${server.base}/api/secrets`);
    expect(answer.status).toBe(429);
    expect(answer.json.error.code).toBe('rate_limited');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.headers.get('ratelimit')).toBe('"creator";r=0;t=60');
  });

  it('authentication (401) comes before media type (415)', async () => {
    const server = await tightServer();
    const answer = await call(`${server.base}/api/secrets`, {
      raw: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(401);
  });

  it('media type (415) comes before size (413)', async () => {
    const server = await tightServer();
    const answer = await call(`${server.base}/api/secrets`, {
      raw: 'x'.repeat(server.handler.maxBodyBytes + 1),
      token: 'alice',
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(415);
  });

  it('size (413) comes before body (400)', async () => {
    const server = await tightServer();
    const answer = await call(`${server.base}/api/secrets`, {
      raw: '{'.repeat(server.handler.maxBodyBytes + 1),
      token: 'alice',
      headers: json,
    });
    expect(answer.status).toBe(413);
  });

  it('body (400) comes before the record (404) on reveal', async () => {
    const server = await tightServer();
    const { keyProof } = await sealForTest('x');
    const answer = await call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/reveal`, {
      body: { keyProof, unknown: true },
    });
    expect(answer.status).toBe(400);
  });

  it('a malformed keyProof (404) comes before any other body rule', async () => {
    const server = await tightServer();
    const answer = await call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/reveal`, {
      body: { keyProof: 'x', unknown: true, passphraseProof: 3 },
    });
    expect(answer.status).toBe(404);
  });

  it('in the record: keyProof (404) before passphrase presence (400) before the proof (403)', async () => {
    const server = await startTestServer();
    servers.push(server);
    const secret = await createSecret(server, 'x', { passphrase: 'p' });
    const other = await sealForTest('y');
    const reveal = `${server.base}/api/secrets/${secret.id}/reveal`;
    expect((await call(reveal, { body: { keyProof: other.keyProof } })).status).toBe(404);
    expect((await call(reveal, { body: { keyProof: secret.keyProof } })).status).toBe(400);
    const wrong = await call(reveal, {
      body: { keyProof: secret.keyProof, passphraseProof: other.keyProof },
    });
    expect(wrong.status).toBe(403);
  });

  it('every answer past the rate-limit step carries the rate-limit headers', async () => {
    const server = await startTestServer();
    servers.push(server);
    const answers = [
      await call(`${server.base}/api/secrets`),
      await call(`${server.base}/api/secrets`, {
        raw: 'x',
        token: 'alice',
        headers: { 'content-type': 'text/plain' },
      }),
      await call(`${server.base}/api/secrets`, { raw: '[]', token: 'alice', headers: json }),
      await call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta`, { body: {} }),
      await call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA`, {
        method: 'DELETE',
        token: 'alice',
      }),
      await call(`${server.base}/api/secrets`, { token: 'broken' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 415, 400, 404, 404, 503]);
    for (const answer of answers) {
      expect(answer.headers.get('ratelimit-policy')).toMatch(
        /^"(creator|create|recipient)";q=\d+;w=\d+$/,
      );
      expect(answer.headers.get('ratelimit')).toMatch(/^"(creator|create|recipient)";r=\d+;t=\d+$/);
    }
  });
});

/** The real memory store behind a switch that simulates the database going down. */
function withOutage<T extends object>(target: T): T & { down: boolean } {
  const state = { down: false };
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === 'down') return state.down;
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
        return value.apply(object, args);
      };
    },
    set(_object, property, value) {
      if (property !== 'down') return false;
      state.down = value;
      return true;
    },
  }) as T & { down: boolean };
}

describe('failures answer 503, never 500', () => {
  it('a store outage answers 503 unavailable with Retry-After and no detail', async () => {
    const { createHushlink } = await import('../../packages/core/src/service');
    const { createMemoryStore } = await import('../../packages/core/src/store');
    const { TEST_KEY } = await import('./harness');
    const store = withOutage<SecretStore>(createMemoryStore());
    const server = await startTestServer({ hushlink: createHushlink({ store, keys: TEST_KEY }) });
    servers.push(server);
    const sealed = await sealForTest('x');
    store.down = true;
    const answers = [
      await call(`${server.base}/api/secrets`, { body: sealed.body, token: 'alice' }),
      await call(`${server.base}/api/secrets`, { token: 'alice' }),
      await call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta`, {
        body: { keyProof: sealed.keyProof },
      }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.json).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.text).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|at /);
    }
    expect(server.errors.length).toBe(3);
    store.down = false;
    expect(
      (await call(`${server.base}/api/secrets`, { body: sealed.body, token: 'alice' })).status,
    ).toBe(201);
  });

  it('a rate-limit store outage answers 503 before any store work', async () => {
    const rateStore = withOutage<RateLimitStore>(createMemoryRateLimitStore());
    const server = await startTestServer({ rateLimits: { store: rateStore } });
    servers.push(server);
    rateStore.down = true;
    const sealed = await sealForTest('x');
    const answer = await call(`${server.base}/api/secrets`, { body: sealed.body, token: 'alice' });
    expect(answer.status).toBe(503);
    expect(await server.store.probe.dumpRows()).toEqual([]);
  });
});
