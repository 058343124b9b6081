/**
 * Writes a fetch `Response` onto Node's `ServerResponse`, streaming the body with
 * backpressure and stopping when the client goes away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends `response`. Never throws: a client that left simply stops the write. */
export async function writeNodeResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const closeAfter = !req.complete && !isSmallDeclaredBody(req);
  if (res.headersSent || res.destroyed) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  // A body the handler refused unread (413, 415, …) may still be arriving. A small declared
  // one is drained afterwards to keep the connection; anything else closes it, which is
  // cheaper than draining megabytes.
  if (closeAfter) res.setHeader('connection', 'close');

  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** Unread bodies up to this size are drained rather than closing the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

function isSmallDeclaredBody(req: IncomingMessage): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && /^\d+$/.test(declared) && Number(declared) <= DRAIN_LIMIT_BYTES;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
