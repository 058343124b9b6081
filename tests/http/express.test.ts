/**
 * Express 5 mounting: with `express.json()` before the handler (the body is re-serialised)
 * and without it (the stream is read under the cap); host routes keep working.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBase64url, open } from '../../packages/core/src/crypto';
import { createHandler } from '../../packages/core/src/http';
import { toNodeHandler } from '../../packages/core/src/node';
import { createHushlink } from '../../packages/core/src/service';
import { createMemoryStore } from '../../packages/core/src/store';
import { bearerAuthorize, call, sealForTest, TEST_KEY } from './harness';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function expressApp(options: {
  json: boolean;
  basePath: string;
  mountAt?: string;
}): Promise<string> {
  const handler = createHandler({
    hushlink: createHushlink({ store: createMemoryStore(), keys: TEST_KEY }),
    authorize: bearerAuthorize,
    basePath: options.basePath,
  });
  const app = express();
  if (options.json) app.use(express.json());
  if (options.mountAt) app.use(options.mountAt, toNodeHandler(handler));
  else app.use(toNodeHandler(handler));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/echo', (req, res) => {
    res.json({ got: req.body ?? null });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.each([
  { json: true, basePath: '' },
  { json: false, basePath: '' },
  { json: true, basePath: '/vault' },
  { json: false, basePath: '/vault', mountAt: '/vault' },
])('Express 5 (express.json: $json, basePath: "$basePath", mountAt: $mountAt)', (options) => {
  it('creates, reveals once, keeps the host’s routes and the contract’s errors', async () => {
    const origin = await expressApp(options);
    const base = `${origin}${options.basePath}`;
    const sealed = await sealForTest('from express');
    const created = await call(`${base}/api/secrets`, { body: sealed.body, token: 'alice' });
    expect(created.status).toBe(201);
    expect(created.json.path).toBe(`${options.basePath}/s/${created.json.id}`);

    const page = await call(`${origin}${created.json.path}`);
    expect(page.status).toBe(200);

    const reveal = `${base}/api/secrets/${created.json.id}/reveal`;
    const revealed = await call(reveal, { body: { keyProof: sealed.keyProof } });
    expect(revealed.status).toBe(200);
    expect(await open(decodeBase64url(revealed.json.envelope), sealed.key)).toBe('from express');
    expect((await call(reveal, { body: { keyProof: sealed.keyProof } })).status).toBe(404);

    expect(
      (await call(`${base}/api/secrets`, { body: { ...sealed.body, extra: 1 }, token: 'alice' }))
        .status,
    ).toBe(400);
    const text = await call(`${base}/api/secrets`, {
      raw: JSON.stringify(sealed.body),
      token: 'alice',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);

    expect((await call(`${origin}/health`)).json).toEqual({ ok: true });
    const echo = await call(`${origin}/echo`, { body: { a: 1 } });
    expect(echo.json).toEqual({ got: options.json ? { a: 1 } : null });
  });
});
