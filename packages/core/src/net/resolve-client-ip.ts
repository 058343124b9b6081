/**
 * Who is the client? The socket peer, unless the peer is a proxy we trust, in which case
 * the forwarded headers it wrote say who it is forwarding for.
 *
 * Trust model: a forwarded header is a claim, and only a trusted proxy's claim counts.
 * From an untrusted peer, headers are ignored entirely, so a client can never choose its
 * own address (and with it, its rate-limit bucket or its audit-log entry).
 */
import { ConfigError } from '../errors';
import { type Hop, readForwardedHops, readXForwardedForHops } from './forwarded-hops';
import { type ParsedAddress, parseAddress } from './parse-address';
import {
  compileTrustedProxies,
  type TrustedProxiesOption,
  type TrustedProxyMatcher,
} from './trusted-proxies';

/** How to find the client behind proxies. With no options, the socket peer is the client. */
export interface ClientIpOptions {
  /**
   * Peers whose forwarded headers are believed: exact IPs and CIDR ranges, `'cloudflare'`,
   * or `{ preset: 'cloudflare', extra: [...] }`. Default: none (headers are never read).
   */
  trustedProxies?: TrustedProxiesOption;
  /**
   * Read `CF-Connecting-IP` (from trusted peers only) before `Forwarded` and
   * `X-Forwarded-For`. Enable only when every trusted peer is Cloudflare or overwrites
   * this header. Default false.
   */
  cloudflareConnectingIp?: boolean;
  /**
   * Which forwarded headers a trusted peer's claim is read from, in order of precedence.
   * Default `['forwarded', 'x-forwarded-for']` (DESIGN.md §6). A proxy that only appends
   * to X-Forwarded-For and passes a client's own `Forwarded` through (default nginx,
   * Apache, HAProxy, most cloud load balancers) must either strip `Forwarded` or be
   * configured with `['x-forwarded-for']` here — otherwise a client could name its own
   * address in `Forwarded`.
   */
  forwardedHeaders?: readonly ForwardedHeaderName[];
}

/** The forwarded headers a resolver can read. */
export type ForwardedHeaderName = 'forwarded' | 'x-forwarded-for';

const DEFAULT_FORWARDED_HEADERS: readonly ForwardedHeaderName[] = ['forwarded', 'x-forwarded-for'];

/** Resolves the client address of one request: canonical IP text, or null when unknown. */
export type ClientIpResolver = (
  remoteAddress: string | null | undefined,
  headers: Headers,
) => string | null;

/**
 * Compiles the options once and returns a resolver for every request.
 *
 * The resolver returns the canonical client IP (see `parseIpStrict`), or null when the
 * socket address is missing or unparsable (the client is "unknown": no header is read,
 * and there is no fallback to 127.0.0.1). It never throws.
 *
 * From a trusted peer the first present header wins: `CF-Connecting-IP` (when enabled),
 * then `Forwarded`, then `X-Forwarded-For`. Forwarded chains are walked right to left,
 * skipping trusted hops; the first untrusted hop is the client, and when every hop is
 * trusted the leftmost is. A malformed hop stops the walk and the last good hop (at
 * worst the peer itself) is the client.
 *
 * @throws {ConfigError} for an invalid `trustedProxies` entry (named in the message), an
 *   unknown preset, or `cloudflareConnectingIp` without any trusted proxy.
 * @example
 * const clientIp = createClientIpResolver({ trustedProxies: ['10.0.0.0/8'] });
 * clientIp('10.1.2.3', new Headers({ 'x-forwarded-for': '203.0.113.7' })); // '203.0.113.7'
 */
export function createClientIpResolver(options: ClientIpOptions = {}): ClientIpResolver {
  const isTrusted = compileTrustedProxies(options.trustedProxies);
  const readCloudflareHeader = cloudflareHeaderEnabled(options);
  const forwardedHeaders = checkForwardedHeaders(options.forwardedHeaders);
  return (remoteAddress, headers) => {
    const peer = parseAddress(remoteAddress, { allowPort: true });
    if (peer === null) return null;
    if (!isTrusted(peer)) return peer.text;
    return clientBehindTrustedPeer(peer, headers, isTrusted, readCloudflareHeader, forwardedHeaders)
      .text;
  };
}

/**
 * One-shot form of {@link createClientIpResolver}: compiles the options on every call.
 * Prefer the resolver in a server.
 *
 * @throws {ConfigError} as {@link createClientIpResolver}.
 */
export function resolveClientIp(
  input: { remoteAddress: string | null | undefined; headers: Headers } & ClientIpOptions,
): string | null {
  return createClientIpResolver(input)(input.remoteAddress, input.headers);
}

function cloudflareHeaderEnabled(options: ClientIpOptions): boolean {
  const enabled = options.cloudflareConnectingIp;
  if (enabled === undefined || enabled === false) return false;
  if (enabled !== true) throw new ConfigError('cloudflareConnectingIp must be a boolean.');
  const trusted = options.trustedProxies;
  if (trusted === undefined || (Array.isArray(trusted) && trusted.length === 0)) {
    // The header is only read from trusted peers: without any, this option does nothing,
    // which is surely not what the host meant.
    throw new ConfigError(
      "cloudflareConnectingIp needs trustedProxies (e.g. 'cloudflare'): the header is only read from trusted peers.",
    );
  }
  return true;
}

function checkForwardedHeaders(
  names: readonly ForwardedHeaderName[] | undefined,
): readonly ForwardedHeaderName[] {
  if (names === undefined) return DEFAULT_FORWARDED_HEADERS;
  if (!Array.isArray(names)) throw new ConfigError('forwardedHeaders must be an array.');
  for (const name of names) {
    if (name !== 'forwarded' && name !== 'x-forwarded-for') {
      throw new ConfigError(
        `forwardedHeaders: unknown header ${JSON.stringify(name)} (use 'forwarded' or 'x-forwarded-for').`,
      );
    }
  }
  return [...names];
}

const hopReaders: Record<ForwardedHeaderName, (value: string) => readonly Hop[]> = {
  forwarded: readForwardedHops,
  'x-forwarded-for': readXForwardedForHops,
};

function clientBehindTrustedPeer(
  peer: ParsedAddress,
  headers: Headers,
  isTrusted: TrustedProxyMatcher,
  readCloudflareHeader: boolean,
  forwardedHeaders: readonly ForwardedHeaderName[],
): ParsedAddress {
  if (readCloudflareHeader) {
    const value = presentHeader(headers, 'cf-connecting-ip');
    if (value !== null) return parseAddress(value.trim(), { allowPort: false }) ?? peer;
  }
  for (const name of forwardedHeaders) {
    const value = presentHeader(headers, name);
    if (value !== null) return walkHops(peer, hopReaders[name](value), isTrusted);
  }
  return peer;
}

/** A header counts as present when it has any non-blank value. */
function presentHeader(headers: Headers, name: string): string | null {
  const value = headers.get(name);
  return value === null || value.trim() === '' ? null : value;
}

/**
 * Walks hops nearest first: trusted hops are skipped, the first untrusted one is the
 * client; a malformed hop ends the walk at the last good hop (fail closed).
 */
function walkHops(
  peer: ParsedAddress,
  hops: readonly Hop[],
  isTrusted: TrustedProxyMatcher,
): ParsedAddress {
  let client = peer;
  for (const hop of hops) {
    if (hop === null) return client;
    if (!isTrusted(hop)) return hop;
    client = hop;
  }
  return client;
}
