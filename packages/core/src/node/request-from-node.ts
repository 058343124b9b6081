/**
 * Builds a fetch `Request` from Node's `IncomingMessage`, for node:http and Express.
 *
 * The body is streamed on demand, never buffered here: the handler reads it under its
 * cap and cancels as soon as the cap is passed, so an oversized upload costs at most
 * one socket chunk beyond the cap. A body already parsed by Express middleware
 * (`req.body` set) is re-serialised instead, since the stream has been consumed.
 */
import type { IncomingMessage } from 'node:http';

/** An Express request carries these; a plain node:http one does not. */
export interface MaybeExpressRequest extends IncomingMessage {
  originalUrl?: string;
  body?: unknown;
}

/** Path and query of the request target, whatever its form (origin, absolute, `*`). */
export function requestTarget(req: MaybeExpressRequest): string {
  const raw = req.originalUrl ?? req.url ?? '/';
  if (raw.startsWith('/')) return raw;
  try {
    const absolute = new URL(raw);
    return `${absolute.pathname}${absolute.search}`;
  } catch {
    return '/';
  }
}

/** The full URL: the `Host` header when it parses (hosts may read it), else `localhost`. */
export function requestUrl(req: MaybeExpressRequest): URL {
  const target = requestTarget(req);
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  try {
    return new URL(`${scheme}://${req.headers.host ?? 'localhost'}${target}`);
  } catch {
    try {
      return new URL(`${scheme}://localhost${target}`);
    } catch {
      return new URL(`${scheme}://localhost/`);
    }
  }
}

/** Copies the raw headers; a value `Headers` refuses is dropped rather than failing the request. */
export function headersFromNode(req: IncomingMessage, drop: ReadonlySet<string>): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (drop.has(name.toLowerCase())) continue;
    try {
      headers.append(name, raw[i + 1] as string);
    } catch {
      // Node's parser is more lenient than the Fetch spec; such a header is ignored.
    }
  }
  return headers;
}

/** What the Request's body will be, and how to let go of what the handler left unread. */
interface NodeBody {
  body: BodyInit | null;
  /** True when `req.body` was re-serialised (its original length headers are stale). */
  parsed: boolean;
  /** Discards whatever the handler did not read, so a kept-alive socket can move on. */
  release(): void;
}

const NOTHING_TO_RELEASE = () => undefined;

/** Picks the body source: none for GET/HEAD, a parsed `req.body`, or the live stream. */
export function bodyFromNode(req: MaybeExpressRequest): NodeBody {
  if (req.method === 'GET' || req.method === 'HEAD') {
    return { body: null, parsed: false, release: NOTHING_TO_RELEASE };
  }
  if (req.body !== undefined) {
    return { body: serialiseParsedBody(req.body), parsed: true, release: NOTHING_TO_RELEASE };
  }
  if (req.readableEnded) return { body: null, parsed: false, release: NOTHING_TO_RELEASE };
  return streamFromNode(req);
}

function serialiseParsedBody(body: unknown): BodyInit {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  try {
    // express.json() produced it from JSON, so it serialises back to equivalent JSON.
    return JSON.stringify(body) ?? '';
  } catch {
    // Something other than a JSON parser set it (a cycle, a BigInt): the handler sees no body.
    return '';
  }
}

/**
 * A pull-based stream over the request: data flows only while the reader wants more.
 * Cancelling leaves the socket paused (not destroyed) so the answer can still be sent.
 */
function streamFromNode(req: IncomingMessage): NodeBody {
  let finished = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Uint8Array) => {
        if (finished) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      const fail = () => {
        if (finished) return;
        finished = true;
        controller.error(new Error('The request body ended early.'));
      };
      req.once('error', fail);
      req.once('close', fail);
    },
    pull() {
      req.resume();
    },
    cancel() {
      finished = true;
      req.pause();
    },
  });
  const release = () => {
    finished = true;
    if (!req.readableEnded) req.resume();
  };
  return { body, parsed: false, release };
}
