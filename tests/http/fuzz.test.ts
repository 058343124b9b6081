/**
 * Fuzzing the boundary: ~2000 malformed requests (methods, paths, headers, bodies) sent
 * over real HTTP. None may produce a 5xx, and none may change what the store holds.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecret, startTestServer, type TestServer } from './harness';

let server: TestServer;
let secret: Awaited<ReturnType<typeof createSecret>>;

beforeAll(async () => {
  server = await startTestServer({
    basePath: '/vault',
    // Budgets out of the way, so the fuzz reaches every later check.
    rateLimits: {
      budgets: {
        recipient: { limit: 1_000_000, windowSeconds: 3600 },
        create: { limit: 1_000_000, windowSeconds: 3600 },
        creator: { limit: 1_000_000, windowSeconds: 3600 },
      },
    },
  });
  secret = await createSecret(server, 'fuzz target', { passphrase: 'p' });
});
afterAll(async () => {
  await server.close();
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** Sends with node:http (which, unlike fetch, allows any method and header). */
function send(request: FuzzRequest): Promise<number | null> {
  return new Promise((resolve) => {
    let req: ReturnType<typeof httpRequest>;
    try {
      req = httpRequest(`${server.origin}${request.path}`, {
        method: request.method,
        headers: request.headers,
        agent: false,
      });
    } catch {
      // The client itself refused the request (an invalid path or header): nothing sent.
      return resolve(null);
    }
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? null));
    });
    req.on('error', () => resolve(null));
    if (request.body !== null && request.method !== 'GET' && request.method !== 'HEAD')
      req.end(request.body);
    else req.end();
  });
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

function arbitraryRequest(): fc.Arbitrary<FuzzRequest> {
  const id = fc.oneof(
    fc.constant(secret.id),
    fc.constant('AAAAAAAAAAAAAAAAAAAAAA'),
    anyText.map((text) => encodeURIComponent(text)),
  );
  const path = fc.oneof(
    fc.constant('/vault/api/secrets'),
    id.map((value) => `/vault/api/secrets/${value}`),
    fc
      .tuple(id, fc.constantFrom('meta', 'reveal', 'events', 'x', ''))
      .map(([value, tail]) => `/vault/api/secrets/${value}/${tail}`),
    id.map((value) => `/vault/s/${value}`),
    id.map((value) => `/vault/assets/${value}`),
    fc
      .array(
        anyText.map((text) => encodeURIComponent(text)),
        { maxLength: 5 },
      )
      .map((segments) => `/vault/${segments.join('/')}`),
    fc
      .tuple(fc.constantFrom('/vault/api/secrets', '/vault/s/x'), printable)
      .map(([base, query]) => `${base}?${encodeURI(query)}`),
  );
  const method = fc.constantFrom(
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'TRACE',
  );
  const header = (values: fc.Arbitrary<string>) => fc.option(values, { nil: undefined });
  const headers = fc
    .record({
      'content-type': header(
        fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'APPLICATION/JSON;x=1',
          ),
          printable,
        ),
      ),
      authorization: header(
        fc.oneof(
          fc.constantFrom('Bearer mallory', 'Bearer forbidden', 'Basic Zm9vOmJhcg=='),
          printable,
        ),
      ),
      'x-forwarded-for': header(printable),
      forwarded: header(printable),
      'user-agent': header(printable),
      'content-encoding': header(fc.constantFrom('gzip', 'br', 'identity')),
    })
    .map((record) =>
      Object.fromEntries(
        Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    );
  const field = fc.constantFrom(
    'envelope',
    'keyProof',
    'passphraseProof',
    'ttlSeconds',
    'maxViews',
    'label',
    'notify',
    '__proto__',
    'constructor',
  );
  const body = fc.oneof(
    fc.constant(null),
    fc.json().map((text) => text),
    anyText,
    fc.uint8Array({ maxLength: 200 }),
    fc.dictionary(field, fc.jsonValue()).map((value) => JSON.stringify(value)),
    // A real create body with one field broken, so no fuzz case can create a secret.
    fc
      .tuple(fc.constantFrom('envelope', 'keyProof'), anyText)
      .map(([name, value]) => JSON.stringify({ ...secret.body, [name]: value })),
    fc
      .tuple(
        printable.filter((key) => !(key in secret.body)),
        fc.jsonValue(),
      )
      .map(([key, value]) => JSON.stringify({ ...secret.body, [key || 'x']: value })),
    // Right key proof for this secret, wrong passphrase proof shapes (never a valid one).
    fc
      .oneof(anyText, fc.integer(), fc.constant(null))
      .map((value) =>
        JSON.stringify({ keyProof: secret.keyProof.slice(1), passphraseProof: value }),
      ),
    fc.constant(`{"envelope":"${'A'.repeat(100_000)}"}`),
  );
  return fc.record({ method, path, headers, body });
}

describe('fuzzing the HTTP boundary', () => {
  it('~2000 malformed requests: no 5xx, no state change', async () => {
    const before = await server.store.probe.dumpRows();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitraryRequest(), async (request) => {
        const status = await send(request);
        if (status !== null) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status === null || status < 500).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(await server.store.probe.dumpRows()).toEqual(before);
    expect(server.errors).toEqual([]);
    // The fuzz must reach past routing: body and media-type checks answered too.
    for (const status of [400, 404, 405, 415]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  }, 60_000);
});
