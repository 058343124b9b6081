/**
 * Strict IP address parsing: the one gate every address (socket peer, header hop,
 * trusted-proxy entry) passes through. Anything that is not unambiguously one IPv4 or
 * IPv6 address is refused, because lenient forms (`127.1`, `0x7f.1`, `0177.0.0.1`) are
 * exactly what a client would use to smuggle an address past a naive comparison.
 */
import ipaddr from 'ipaddr.js';

/** A parsed address: its canonical text and the ipaddr.js object used for range matching. */
export interface ParsedAddress {
  /** Dotted decimal for IPv4, RFC 5952 text for IPv6 (no zone id, mapped IPv4 unwrapped). */
  readonly text: string;
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
}

/**
 * Longest text worth looking at: `[` + a full IPv6 with embedded IPv4 (45) + `%` + zone
 * (≤ 64) + `]:65535`. Longer input is refused before any regex runs.
 */
const MAX_ADDRESS_TEXT = 128;

/** Four decimal parts 0..255, no leading zeros (a leading zero reads as octal elsewhere). */
const STRICT_IPV4 =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6_CHARACTERS = /^[0-9A-Fa-f:.]+$/;
/** RFC 4007 zone ids are interface names or numbers; we allow the URI-unreserved set. */
const ZONE_ID = /^[A-Za-z0-9_.~-]{1,64}$/;
const PORT = /^\d{1,5}$/;

function isPort(text: string): boolean {
  return PORT.test(text) && Number(text) <= 65_535;
}

/** Options for {@link parseAddress}: which decorations around the address are accepted. */
export interface ParseAddressOptions {
  /** Accept `1.2.3.4:80`, `[::1]:80` and `[::1]`. Trusted-proxy entries do not. */
  allowPort: boolean;
}

/**
 * Parses one address strictly. Returns null for anything else; never throws.
 *
 * Accepted: `203.0.113.7`, `2001:db8::1`, `fe80::1%eth0` (zone stripped),
 * `::ffff:203.0.113.7` (unwrapped to IPv4) and, with `allowPort`, `203.0.113.7:443`,
 * `[2001:db8::1]` and `[2001:db8::1]:443`.
 */
export function parseAddress(text: unknown, options: ParseAddressOptions): ParsedAddress | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_ADDRESS_TEXT) return null;
  let host = text;
  let bracketed = false;
  if (host.startsWith('[')) {
    if (!options.allowPort) return null;
    const close = host.indexOf(']');
    if (close < 0) return null;
    const rest = host.slice(close + 1);
    if (rest !== '' && !(rest.startsWith(':') && isPort(rest.slice(1)))) return null;
    host = host.slice(1, close);
    bracketed = true;
  } else {
    const firstColon = host.indexOf(':');
    // Exactly one colon can only be IPv4 with a port: every IPv6 text has at least two.
    if (firstColon >= 0 && host.indexOf(':', firstColon + 1) < 0) {
      if (!options.allowPort || !isPort(host.slice(firstColon + 1))) return null;
      host = host.slice(0, firstColon);
      if (!STRICT_IPV4.test(host)) return null;
    }
  }

  const percent = host.indexOf('%');
  let hasZone = false;
  if (percent >= 0) {
    if (!ZONE_ID.test(host.slice(percent + 1))) return null;
    host = host.slice(0, percent);
    hasZone = true;
  }

  if (STRICT_IPV4.test(host)) {
    // `[1.2.3.4]` and `1.2.3.4%eth0` are not addresses.
    if (bracketed || hasZone) return null;
    return { text: host, address: ipaddr.IPv4.parse(host) };
  }
  return parseIpv6(host);
}

function parseIpv6(host: string): ParsedAddress | null {
  if (!IPV6_CHARACTERS.test(host) || !host.includes(':')) return null;
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) must itself be strict dotted decimal.
  if (host.includes('.') && !STRICT_IPV4.test(host.slice(host.lastIndexOf(':') + 1))) return null;
  if (!ipaddr.IPv6.isValid(host)) return null;
  let address: ipaddr.IPv6;
  try {
    address = ipaddr.IPv6.parse(host);
  } catch {
    return null;
  }
  if (address.isIPv4MappedAddress()) {
    const v4 = address.toIPv4Address();
    return { text: v4.toString(), address: v4 };
  }
  return { text: address.toString(), address };
}
