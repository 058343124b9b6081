/**
 * The example's own server (Next's documented custom-server API). It exists for one
 * reason: Next's route handlers see no socket, so this server hands them the peer address
 * in the `x-hushlink-peer` header, after deleting any copy the client sent. Without it
 * (plain `next start`) the header is not believed, even when a client sends one, and every
 * client is `unknown`: one shared rate-limit bucket, no IP in the audit trail, and the
 * library says so once in the log.
 *
 * `npm start` (after `npm run build:app`), or `npm run dev` for `next dev` behind it.
 * `HOST` (default 127.0.0.1) and `PORT` (default 3000; 0 picks a free port).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEER_HEADER } from '@hushlink/core/http';
import { markPeerHeaderFromSocket } from './lib/peer-header';

const dev = process.argv.includes('--dev');
// Before Next loads: it picks its production or development build from this.
(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
const { default: next } = await import('next');
// The app believes the peer header only in a process this server marked (lib/peer-header.ts).
markPeerHeaderFromSocket();

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  throw new Error(`PORT must be a port number, got ${process.env.PORT}.`);
}

/** The app's instance (lib/hushlink-app.ts): it lives in Next's bundle, on globalThis. */
function appInstance(): Promise<{ close(): Promise<void> }> | undefined {
  return (globalThis as Record<symbol, Promise<{ close(): Promise<void> }> | undefined>)[
    Symbol.for('hushlink.nextjs.app')
  ];
}

/** Replaces whatever the client sent as the peer header with the socket's address. */
function setPeerHeader(req: IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer !== undefined) req.headers[PEER_HEADER] = peer;
}

let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
const server = createServer((req, res) => {
  setPeerHeader(req);
  if (handle === null) {
    res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Starting…');
    return;
  }
  void handle(req, res);
});

// Listen first, so Next learns the real port when PORT=0.
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const address = server.address() as AddressInfo;
const app = next({
  dev,
  dir: dirname(fileURLToPath(import.meta.url)),
  hostname: host,
  port: address.port,
  httpServer: server,
});
await app.prepare();
// instrumentation.ts is creating the app's instance (database, migrations): when that
// fails, stop, as the Express example does, rather than fail every request.
try {
  await appInstance();
} catch (error) {
  console.error(`[hushlink] cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
handle = app.getRequestHandler();
const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
console.log(`[hushlink] admin page: http://${shown}:${address.port}/admin`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await appInstance()
    ?.then((created) => created.close())
    .catch(() => undefined);
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
