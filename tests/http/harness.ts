/**
 * A real Hushlink server on loopback for the HTTP tests: the real service over the memory
 * store, the real handler, node:http through `toNodeHandler`, port 0. No mocks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeBase64url, type KdfParams, seal } from '../../packages/core/src/crypto';
import { ForbiddenError } from '../../packages/core/src/errors';
import {
  createHandler,
  type HandlerOptions,
  type HushlinkHandler,
} from '../../packages/core/src/http';
import { toNodeHandler } from '../../packages/core/src/node';
import { createHushlink, type Hushlink } from '../../packages/core/src/service';
import { createMemoryStore, type MemoryStore } from '../../packages/core/src/store';

/** A fixed integrity key for tests (64 hex characters). */
export const TEST_KEY = 'a1'.repeat(32);

/** Fast scrypt parameters for passphrase tests (still within the accepted bounds). */
export const FAST_KDF: KdfParams = { logN: 14, r: 1, p: 1 };

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

/** Starts at 2026-01-01T00:00:00Z. */
export function createClock(start = Date.UTC(2026, 0, 1)): TestClock {
  let at = start;
  return {
    now: () => at,
    advance: (ms) => {
      at += ms;
    },
  };
}

/**
 * Authorization used by every test server: `Bearer <user>` names the user; the tokens
 * `forbidden` and `broken` make `authorize` throw ForbiddenError and a plain Error.
 */
export function bearerAuthorize(request: Request): { userId: string } | null {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (match === null) return null;
  if (match[1] === 'forbidden') throw new ForbiddenError();
  if (match[1] === 'broken') throw new Error('session store down');
  return { userId: match[1] as string };
}

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `origin + basePath` */
  base: string;
  basePath: string;
  store: MemoryStore;
  hushlink: Hushlink;
  handler: HushlinkHandler;
  clock: TestClock;
  server: Server;
  errors: unknown[];
  close(): Promise<void>;
}

/** Starts a server; `handlerOptions` override the defaults. */
export async function startTestServer(
  handlerOptions: Partial<HandlerOptions> = {},
  serviceOptions: {
    maxPassphraseAttempts?: number;
    ipStorage?: 'full' | 'truncated' | 'none';
  } = {},
): Promise<TestServer> {
  const clock = createClock();
  const store = createMemoryStore();
  const hushlink = createHushlink({ store, keys: TEST_KEY, now: clock.now, ...serviceOptions });
  const errors: unknown[] = [];
  const handler = createHandler({
    hushlink,
    authorize: bearerAuthorize,
    now: clock.now,
    onError: (error) => errors.push(error),
    ...handlerOptions,
  });
  const server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: `${origin}${handler.basePath}`,
    basePath: handler.basePath,
    store,
    hushlink,
    handler,
    clock,
    server,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A sealed secret ready to POST, with everything a recipient needs. */
export interface SealedForTest {
  body: Record<string, unknown>;
  key: Uint8Array;
  keyProof: string;
  passphraseProof: string | null;
}

/** Seals `plaintext` and builds the create body. */
export async function sealForTest(
  plaintext: string,
  options: { passphrase?: string; extra?: Record<string, unknown> } = {},
): Promise<SealedForTest> {
  const sealed = await seal(
    plaintext,
    options.passphrase === undefined ? {} : { passphrase: options.passphrase, kdf: FAST_KDF },
  );
  const keyProof = encodeBase64url(sealed.keyProof);
  const passphraseProof = sealed.passphraseProof && encodeBase64url(sealed.passphraseProof);
  const body: Record<string, unknown> = { envelope: encodeBase64url(sealed.envelope), keyProof };
  if (passphraseProof) body.passphraseProof = passphraseProof;
  return { body: { ...body, ...options.extra }, key: sealed.key, keyProof, passphraseProof };
}

/** POSTs JSON (or `raw` text) and returns status, headers and parsed JSON (or null). */
export async function call(
  url: string,
  init: {
    method?: string;
    body?: unknown;
    raw?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape.
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Creates a secret as `user` and returns its id and sealing material. */
export async function createSecret(
  server: TestServer,
  plaintext = 'hunter2',
  options: { passphrase?: string; extra?: Record<string, unknown>; user?: string } = {},
): Promise<SealedForTest & { id: string }> {
  const sealed = await sealForTest(plaintext, options);
  const answer = await call(`${server.base}/api/secrets`, {
    body: sealed.body,
    token: options.user ?? 'alice',
  });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return { ...sealed, id: answer.json.id };
}
