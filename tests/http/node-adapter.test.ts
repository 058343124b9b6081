/**
 * `toNodeHandler` on plain node:http: the body cap holds while reading, the request signal
 * aborts when the client leaves, unowned paths pass on, exotic methods never crash.
 */
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../../packages/core/src/node';
import { call, startTestServer, type TestServer } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function server(): Promise<TestServer> {
  const started = await startTestServer();
  cleanups.push(() => started.close());
  return started;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Sends a raw request with node:http; resolves with the status once the answer arrives. */
function rawRequest(
  url: string,
  options: {
    method: string;
    headers?: Record<string, string | number>;
    body?: Readable;
    agent?: Agent;
  },
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method, headers: options.headers ?? {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    // The server may close while we are still sending: that is the point of some tests.
    req.on('error', () => undefined);
    if (options.body) options.body.pipe(req);
    else req.end();
  });
}

/** A 10 MB body produced lazily, 64 KiB at a time. */
function hugeBody(totalBytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= totalBytes) return void this.push(null);
      sent += 65_536;
      this.push(Buffer.alloc(65_536, 0x41));
    },
  });
}

describe('toNodeHandler on node:http', () => {
  it('refuses a streamed oversized body with 413 after reading little more than the cap', async () => {
    const started = await server();
    let bytesRead = 0;
    started.server.on('request', (req, res) => {
      res.on('finish', () => {
        bytesRead = req.socket.bytesRead;
      });
    });
    const answer = await rawRequest(`${started.base}/api/secrets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
      body: hugeBody(10 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(bytesRead).toBeLessThan(started.handler.maxBodyBytes + 512 * 1024);
  });

  it('keeps a kept-alive connection after refusing a small unread body, closes it for a large one', async () => {
    const started = await server();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(async () => agent.destroy());
    const sockets = new Set<unknown>();
    started.server.on('connection', (socket) => sockets.add(socket));
    const refuse = (bytes: number) =>
      rawRequest(`${started.base}/api/secrets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': bytes },
        body: Readable.from([Buffer.alloc(bytes, 0x41)]),
        agent,
      });
    for (let i = 0; i < 3; i += 1) expect((await refuse(1000)).status).toBe(401);
    expect(sockets.size).toBe(1);
    // A large body still arriving when the answer is ready is not drained: the connection closes.
    const large = await refuse(80_000);
    expect(large.status).toBe(401);
    expect(large.headers.connection).toBe('close');
    const listed = await rawRequest(`${started.base}/api/secrets`, {
      method: 'GET',
      headers: { authorization: 'Bearer alice' },
      agent,
    });
    expect(listed.status).toBe(200);
  });

  it('refuses a declared Content-Length above the cap without reading it', async () => {
    const started = await server();
    const answer = await rawRequest(`${started.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 50_000_000 },
      body: hugeBody(1024 * 1024),
    });
    expect(answer.status).toBe(413);
  });

  it('aborts the Request signal when the client disconnects', async () => {
    let aborted: () => void = () => undefined;
    const sawAbort = new Promise<void>((resolve) => {
      aborted = resolve;
    });
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const handler = async (request: Request) => {
      request.signal.addEventListener('abort', () => aborted());
      started();
      await sawAbort;
      return new Response('late');
    };
    const url = await listen(createServer(toNodeHandler(handler)));
    const controller = new AbortController();
    const pending = fetch(`${url}/api/anything`, { signal: controller.signal }).catch(
      () => 'aborted',
    );
    await handlerStarted;
    controller.abort();
    await sawAbort;
    expect(await pending).toBe('aborted');
  });

  it('answers 404 for paths it does not own, or hands them to options.next', async () => {
    const started = await server();
    const own = await call(`${started.origin}/elsewhere`);
    expect(own.status).toBe(404);
    expect(own.json.error.code).toBe('not_available');
    const url = await listen(
      createServer(
        toNodeHandler(started.handler, {
          next: (_req, res) => {
            res.statusCode = 200;
            res.end('host route');
          },
        }),
      ),
    );
    expect((await call(`${url}/elsewhere`)).text).toBe('host route');
    expect((await call(`${url}/api`)).text).toBe('host route');
    expect((await call(`${url}/api/secrets`)).status).toBe(401);
  });

  it('answers TRACE with 405 and Allow on an owned route, 404 on an unknown one', async () => {
    const started = await server();
    const known = await rawRequest(`${started.base}/api/secrets`, { method: 'TRACE' });
    expect(known.status).toBe(405);
    expect(known.headers.allow).toBe('GET, HEAD, POST');
    const unknown = await rawRequest(`${started.base}/api/other`, { method: 'TRACE' });
    expect(unknown.status).toBe(404);
  });

  it('handles odd request targets without crashing', async () => {
    const started = await server();
    for (const path of ['//api/secrets', '/api/secrets/../secrets', '/s/%00', '/s/%E0%A4%A']) {
      const answer = await rawRequest(`${started.origin}${path}`, { method: 'GET' });
      expect(answer.status).toBeLessThan(500);
    }
  });
});
