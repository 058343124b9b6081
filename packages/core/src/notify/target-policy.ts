/**
 * Which webhook targets may be called (DESIGN.md §11, SSRF). A webhook URL is configured
 * by the host, but its host name may resolve anywhere, and a Hushlink server usually sits
 * next to things an outsider must not reach (cloud metadata, admin ports, databases).
 */
import ipaddr from 'ipaddr.js';
import { ConfigError, HushlinkError } from '../errors';

/** What the host allows beyond public addresses. */
export interface WebhookTargetPolicy {
  /** Allow loopback, private, link-local, metadata and other non-public addresses. Default false. */
  allowPrivate?: boolean;
  /**
   * Allow host names that this runtime cannot check at connect time (every runtime but
   * Node's dispatcher sender, which checks resolved addresses itself). Default false.
   */
  allowHostnames?: boolean;
}

/** A target refused by the policy; the dispatcher gives up on it at once (retrying cannot help). */
export class WebhookTargetRefusedError extends HushlinkError {
  declare readonly code: 'webhook_target_refused';
  constructor(message: string) {
    super('webhook_target_refused', message);
    this.name = 'WebhookTargetRefusedError';
  }
}

/**
 * Parses a configured webhook URL: `http:` or `https:`, no user name or password.
 * @throws {ConfigError} naming what is wrong.
 */
export function parseWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConfigError(`Webhook URL ${JSON.stringify(String(url))} is not a URL.`, { cause });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(`Webhook URL ${parsed.origin} must use http: or https:.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigError(
      'Webhook URLs must not carry a user name or password; sign with the secret.',
    );
  }
  return parsed;
}

/**
 * Whether an address is public unicast: not loopback, private (RFC 1918, unique-local),
 * link-local (which holds cloud metadata, 169.254.169.254), carrier-grade NAT, multicast,
 * unspecified, reserved or documentation space. IPv4-mapped IPv6 is judged as IPv4, and
 * IPv6 forms that embed IPv4 (6to4, Teredo, NAT64) are not public.
 */
export function isPublicAddress(address: string): boolean {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(text);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.range() !== 'unicast') return false;
  // Documentation and benchmarking ranges ipaddr.js calls unicast.
  const extra =
    parsed.kind() === 'ipv4'
      ? ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '198.18.0.0/15', '192.0.0.0/24']
      : ['2001:db8::/32'];
  return !extra.some((cidr) => parsed.match(ipaddr.parseCIDR(cidr)));
}

/** The address of a URL whose host is an IP literal (brackets removed), else null. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) return host.slice(1, -1);
  // WHATWG URL parsing already turned every IPv4 spelling (127.1, 0x7f.0.0.1) into dotted quads.
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? host : null;
}

/**
 * Why `url` may not be called under `policy`, or null when it may. IP literals are judged
 * here; a host name is allowed only with `allowHostnames` (its addresses are then the
 * sender's business) or `allowPrivate` (nothing left to protect).
 */
export function webhookTargetRefusal(url: URL, policy: WebhookTargetPolicy): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${url.protocol} is not allowed`;
  if (policy.allowPrivate) return null;
  const literal = ipLiteralOf(url);
  if (literal !== null) {
    return isPublicAddress(literal) ? null : `${literal} is not a public address`;
  }
  return policy.allowHostnames
    ? null
    : `host name ${url.hostname} cannot be checked in this runtime (use the Node sender, or allow host names)`;
}
