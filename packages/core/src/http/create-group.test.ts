/** `POST /api/groups` (DESIGN.md §11) through the fetch handler. */
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url, open, seal } from '../crypto';
import { createHushlink } from '../service';
import { createMemoryStore } from '../store';
import { createHandler } from './create-handler';

const ORIGIN = 'https://example.com';

function setup() {
  const handler = createHandler({
    hushlink: createHushlink({ store: createMemoryStore(), keys: 'b2'.repeat(32) }),
    authorize: (request) =>
      request.headers.get('authorization') === 'Bearer ada' ? { userId: 'ada' } : null,
    basePath: '/hl',
  });
  const post = (path: string, body: unknown, auth = true) =>
    handler(
      new Request(`${ORIGIN}/hl${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: 'Bearer ada' } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const get = (path: string) =>
    handler(new Request(`${ORIGIN}/hl${path}`, { headers: { authorization: 'Bearer ada' } }));
  return { handler, post, get };
}

async function recipients(texts: string[], labels: Array<string | undefined>) {
  const sealed = await Promise.all(texts.map((text) => seal(text)));
  const body = sealed.map((s, i) => ({
    ...(labels[i] === undefined ? {} : { label: labels[i] }),
    envelope: encodeBase64url(s.envelope),
    keyProof: encodeBase64url(s.keyProof),
  }));
  return { sealed, body };
}

describe('POST /api/groups', () => {
  it('creates one link per recipient that opens on its own, grouped in the history', async () => {
    const { post, get } = setup();
    const { sealed, body } = await recipients(
      ['for Bob', 'for Cy', 'for Di'],
      ['Bob', undefined, ''],
    );
    const answer = await post('/api/groups', {
      recipients: body,
      label: 'Deploy key',
      notify: true,
      ttlSeconds: 7200,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('ratelimit-policy')).toContain('"create"');
    const group = await answer.json();
    expect(group.groupId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(group.items.map((i: { label: string | null }) => i.label)).toEqual([
      'Bob',
      'Deploy key',
      'Deploy key',
    ]);
    for (const item of group.items) expect(item.path).toBe(`/hl/s/${item.id}`);

    // Revealing Cy's link leaves Bob's and Di's untouched.
    const cy = group.items[1];
    const cyReveal = await post(
      `/api/secrets/${cy.id}/reveal`,
      {
        keyProof: encodeBase64url(sealed[1]?.keyProof as Uint8Array),
      },
      false,
    );
    const { envelope } = await cyReveal.json();
    expect(await open(decodeBase64url(envelope), sealed[1]?.key as Uint8Array)).toBe('for Cy');
    // Bob's key does not open Cy's link.
    const crossed = await post(
      `/api/secrets/${cy.id}/meta`,
      {
        keyProof: encodeBase64url(sealed[0]?.keyProof as Uint8Array),
      },
      false,
    );
    expect(crossed.status).toBe(404);

    const history = await (await get('/api/secrets')).json();
    const rows = history.items.filter((i: { groupId: string }) => i.groupId === group.groupId);
    expect(rows).toHaveLength(3);
    type Row = { id: string; createdAt: string };
    const byId = new Map<string, Row>(rows.map((r: Row) => [r.id, r]));
    expect(byId.get(cy.id)).toMatchObject({ status: 'viewed', notify: true });
    const bob = byId.get(group.items[0].id) as Row;
    expect(bob).toMatchObject({ status: 'active', label: 'Bob', notify: true });
    expect(bob).toMatchObject({
      expiresAt: new Date(Date.parse(bob.createdAt) + 7_200_000).toISOString(),
    });
  });

  it('gives each secret a null label when neither recipient nor group has one', async () => {
    const { post } = setup();
    const { body } = await recipients(['x'], [undefined]);
    const group = await (await post('/api/groups', { recipients: body })).json();
    expect(group.items[0].label).toBeNull();
  });

  it('refuses 0 or 21 recipients, a bad recipient (storing none) and unknown fields', async () => {
    const { post, get } = setup();
    const { body } = await recipients(['a', 'b'], ['A', 'B']);
    expect((await post('/api/groups', { recipients: [] })).status).toBe(400);
    const many = Array.from({ length: 21 }, () => body[0]);
    expect((await post('/api/groups', { recipients: many })).status).toBe(400);
    const broken = [body[0], { ...body[1], keyProof: 'short' }];
    const answer = await post('/api/groups', { recipients: broken });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain('recipients[1]');
    expect((await post('/api/groups', { recipients: [{ ...body[0], extra: 1 }] })).status).toBe(
      400,
    );
    expect((await post('/api/groups', { recipients: body, groupId: 'x' })).status).toBe(400);
    expect((await (await get('/api/secrets')).json()).items).toEqual([]);
  });

  it('needs a creator, and allows a body of 20 full recipients but not the single-secret cap only', async () => {
    const { post, handler } = setup();
    const { body } = await recipients(['a'], [undefined]);
    expect((await post('/api/groups', { recipients: body }, false)).status).toBe(401);
    const tooBig = 'x'.repeat(20 * handler.maxBodyBytes + 1);
    expect((await post('/api/groups', tooBig)).status).toBe(413);
    const biggerThanOne = { recipients: body, label: 'y', pad: 'x'.repeat(handler.maxBodyBytes) };
    // Over the single-secret cap yet under the group cap: judged by the body rules (400), not 413.
    expect((await post('/api/groups', biggerThanOne)).status).toBe(400);
    expect((await handler(new Request(`${ORIGIN}/hl/api/groups`))).status).toBe(405);
  });

  it('accepts notify on POST /api/secrets', async () => {
    const { post, get } = setup();
    const s = await seal('n');
    const created = await post('/api/secrets', {
      envelope: encodeBase64url(s.envelope),
      keyProof: encodeBase64url(s.keyProof),
      notify: true,
    });
    expect(created.status).toBe(201);
    expect((await (await get('/api/secrets')).json()).items[0]).toMatchObject({
      notify: true,
      groupId: null,
    });
  });
});
