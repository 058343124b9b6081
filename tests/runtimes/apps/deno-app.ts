/** The test app on Deno; `../start-runtime.ts` has the flags `deno run` needs. */
import { buildHandler } from './build-handler';
import type { DenoGlobal } from './runtime-globals';
import { storesFromEnv } from './stores-from-env';

declare const Deno: DenoGlobal;

const handler = buildHandler(await storesFromEnv((name) => Deno.env.get(name)));
Deno.serve(
  { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on ${port}`) },
  (request, info) => handler(request, { remoteAddress: info.remoteAddr.hostname }),
);
