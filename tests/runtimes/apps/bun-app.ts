/** The test app on Bun: `bun --conditions=@hushlink/source bun-app.ts`. */
import { buildHandler } from './build-handler';
import type { BunGlobal } from './runtime-globals';
import { storesFromEnv } from './stores-from-env';

declare const Bun: BunGlobal;

const handler = buildHandler(await storesFromEnv((name) => process.env[name]));
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: (request, server) =>
    handler(request, { remoteAddress: server.requestIP(request)?.address }),
});
console.log(`listening on ${server.port}`);
