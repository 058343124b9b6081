/** The test app on Node (the reference): node:http through `toNodeHandler`. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@hushlink/core/node';
import { buildHandler } from './build-handler';

const handler = buildHandler();
// toNodeHandler passes req.socket.remoteAddress as the handler's remoteAddress.
const server = createServer(toNodeHandler(handler));
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on ${(server.address() as AddressInfo).port}`);
});
