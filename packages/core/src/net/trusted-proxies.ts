/**
 * The trusted-proxy list, compiled once at configuration time into a matcher. An entry
 * that does not parse is a startup error naming the entry: a typo here would otherwise
 * silently turn off forwarded-header handling (or trust the wrong network).
 */
import type ipaddr from 'ipaddr.js';
import { ConfigError } from '../errors';
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from './cloudflare-ranges';
import { type ParsedAddress, parseAddress } from './parse-address';

/** One trusted proxy: an exact IPv4/IPv6 address or a CIDR range (`192.0.2.0/24`, `2001:db8::/32`). */
export type TrustedProxyEntry = string;

/**
 * Which direct peers may speak for the client through forwarded headers: a list of
 * entries, the Cloudflare preset, or the preset plus your own entries (e.g. the load
 * balancer between Cloudflare and your app).
 */
export type TrustedProxiesOption =
  | readonly TrustedProxyEntry[]
  | 'cloudflare'
  | { preset: 'cloudflare'; extra?: readonly string[] };

/** Answers whether an already parsed address is one of the trusted proxies. */
export type TrustedProxyMatcher = (address: ParsedAddress) => boolean;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const PREFIX_LENGTH = /^(?:0|[1-9]\d{0,2})$/;
/** An IPv4-mapped IPv6 range (`::ffff:10.0.0.0/104`) is an IPv4 range shifted by 96 bits. */
const MAPPED_PREFIX_OFFSET = 96;

/**
 * Compiles the `trustedProxies` option.
 *
 * @throws {ConfigError} when the option has the wrong shape or an entry is not an exact
 *   IP or CIDR range; the message names the entry.
 */
export function compileTrustedProxies(
  option: TrustedProxiesOption | undefined,
): TrustedProxyMatcher {
  const ranges = entriesOf(option).map(parseTrustedProxyEntry);
  const v4 = ranges.filter(([address]) => address.kind() === 'ipv4');
  const v6 = ranges.filter(([address]) => address.kind() === 'ipv6');
  return ({ address }) => {
    const candidates = address.kind() === 'ipv4' ? v4 : v6;
    return candidates.some((range) => address.match(range));
  };
}

function entriesOf(option: TrustedProxiesOption | undefined): readonly unknown[] {
  if (option === undefined) return [];
  if (option === 'cloudflare') return [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6];
  if (Array.isArray(option)) return option;
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
    const preset = option as { preset?: unknown; extra?: unknown };
    if (preset.preset !== 'cloudflare') {
      throw new ConfigError(
        `trustedProxies: unknown preset ${describe(preset.preset)}; the only preset is 'cloudflare'.`,
      );
    }
    if (preset.extra !== undefined && !Array.isArray(preset.extra)) {
      throw new ConfigError(
        'trustedProxies: `extra` must be an array of IP addresses or CIDR ranges.',
      );
    }
    return [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6, ...((preset.extra as unknown[]) ?? [])];
  }
  throw new ConfigError(
    `trustedProxies must be an array of IP addresses / CIDR ranges, 'cloudflare', or { preset: 'cloudflare', extra }; got ${describe(option)}.`,
  );
}

/**
 * Parses one entry into an ipaddr.js range. Exact addresses become /32 or /128; zone ids
 * on exact addresses are dropped (peers are compared without theirs); ports and
 * brackets are refused because a proxy is trusted by address, not by connection.
 *
 * @throws {ConfigError} naming the entry.
 */
export function parseTrustedProxyEntry(entry: unknown): Range {
  if (typeof entry !== 'string') {
    throw new ConfigError(`Invalid trustedProxies entry ${describe(entry)}: not a string.`);
  }
  const text = entry.trim();
  const slash = text.indexOf('/');
  if (slash < 0) {
    const parsed = parseAddress(text, { allowPort: false });
    if (!parsed) throw invalidEntry(entry);
    return [parsed.address, parsed.address.kind() === 'ipv4' ? 32 : 128];
  }

  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const parsed = addressText.includes('%') ? null : parseAddress(addressText, { allowPort: false });
  if (!parsed || !PREFIX_LENGTH.test(prefixText)) throw invalidEntry(entry);
  let prefix = Number(prefixText);
  const writtenAsIpv6 = addressText.includes(':');
  if (writtenAsIpv6 && parsed.address.kind() === 'ipv4') {
    if (prefix < MAPPED_PREFIX_OFFSET || prefix > 128) throw invalidEntry(entry);
    prefix -= MAPPED_PREFIX_OFFSET;
  }
  if (prefix > (parsed.address.kind() === 'ipv4' ? 32 : 128)) throw invalidEntry(entry);
  return [parsed.address, prefix];
}

function invalidEntry(entry: string): ConfigError {
  return new ConfigError(
    `Invalid trustedProxies entry ${describe(entry)}: expected an exact IP address or a CIDR range, such as 192.0.2.10, 192.0.2.0/24 or 2001:db8::/32.`,
  );
}

/** Quotes a configuration value for an error message, short enough for a log line. */
function describe(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
