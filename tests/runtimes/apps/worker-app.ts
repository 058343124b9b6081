/** The test app as a Cloudflare Worker (module syntax), bundled by `../start-runtime.ts`. */
import { buildHandler } from './build-handler';

const handler = buildHandler();
export default {
  // Workers have no socket: Cloudflare's edge sets CF-Connecting-IP on every request it
  // forwards (overwriting a client's copy), so that header is the peer address here.
  fetch: (request: Request) =>
    handler(request, { remoteAddress: request.headers.get('cf-connecting-ip') }),
};
