/**
 * The handler as a plain fetch function (as Bun, Deno, Workers and Next.js call it):
 * no server, no Node APIs.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase64url, seal } from '../crypto';
import { createHushlink } from '../service';
import { createMemoryStore } from '../store';
import { createHandler } from './create-handler';

function setup() {
  const store = createMemoryStore();
  const handler = createHandler({
    hushlink: createHushlink({ store, keys: 'b2'.repeat(32) }),
    authorize: (request) =>
      request.headers.get('authorization') === 'Bearer ada' ? { userId: 'ada' } : null,
    basePath: '/hl',
  });
  return { store, handler };
}

describe('createHandler as a fetch function', () => {
  it('creates and reveals without a context; the client is then unknown', async () => {
    const { handler } = setup();
    const sealed = await seal('edge');
    const created = await handler(
      new Request('https://example.com/hl/api/secrets', {
        method: 'POST',
        headers: { authorization: 'Bearer ada', 'content-type': 'application/json' },
        body: JSON.stringify({
          envelope: encodeBase64url(sealed.envelope),
          keyProof: encodeBase64url(sealed.keyProof),
        }),
      }),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const events = await handler(
      new Request(`https://example.com/hl/api/secrets/${id}/events`, {
        headers: { authorization: 'Bearer ada' },
      }),
    );
    expect((await events.json()).events[0]).toMatchObject({ type: 'created', ip: null });
  });

  it('answers 404 for paths it does not own and says which it owns', async () => {
    const { handler } = setup();
    const answer = await handler(new Request('https://example.com/elsewhere'));
    expect(answer.status).toBe(404);
    expect(handler.owns('/hl/s/x')).toBe(true);
    expect(handler.owns('/elsewhere')).toBe(false);
    expect(handler.refuseMethod('/hl/api/secrets').headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('refuses a missing authorize at creation', () => {
    expect(() => createHandler({ ...setupOptions(), authorize: undefined as never })).toThrow(
      /authorize/,
    );
  });

  it('refuses an invalid trusted proxy entry at creation, naming it', () => {
    expect(() => createHandler({ ...setupOptions(), trustedProxies: ['10.0.0.0/33'] })).toThrow(
      /10\.0\.0\.0\/33/,
    );
  });
});

function setupOptions() {
  return {
    hushlink: createHushlink({ store: createMemoryStore(), keys: 'b2'.repeat(32) }),
    authorize: () => null,
  };
}
