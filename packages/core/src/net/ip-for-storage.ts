import ipaddr from 'ipaddr.js';
import { parseAddress } from './parse-address';

/**
 * How much of a client IP the audit trail keeps: the address, its network
 * (IPv4 /24, IPv6 /48), or nothing.
 */
export type IpStorageMode = 'full' | 'truncated' | 'none';

const TRUNCATED_IPV4_PREFIX = 24;
const TRUNCATED_IPV6_PREFIX = 48;

/**
 * The form of a client IP to store per the host's privacy choice.
 *
 * - `full`: the canonical address.
 * - `truncated`: the network as CIDR text, IPv4 /24 (`203.0.113.0/24`) or IPv6 /48
 *   (`2001:db8:1::/48`) — enough to spot "same network", not to single out a person.
 * - `none`: null.
 *
 * A null or unparsable `ip` gives null: nothing unverified reaches storage.
 *
 * @example
 * ipForStorage('203.0.113.77', 'truncated'); // '203.0.113.0/24'
 */
export function ipForStorage(ip: string | null, mode: IpStorageMode): string | null {
  if (mode === 'none' || ip === null) return null;
  const parsed = parseAddress(ip, { allowPort: false });
  if (parsed === null) return null;
  if (mode === 'full') return parsed.text;
  return networkText(
    parsed.address,
    parsed.address.kind() === 'ipv4' ? TRUNCATED_IPV4_PREFIX : TRUNCATED_IPV6_PREFIX,
  );
}

/** The network containing `address` as CIDR text (`198.51.100.0/24`, `2001:db8::/64`). */
export function networkText(address: ipaddr.IPv4 | ipaddr.IPv6, prefixLength: number): string {
  const bytes = address.toByteArray();
  for (let bit = prefixLength; bit < bytes.length * 8; bit++) {
    const index = bit >> 3;
    bytes[index] = (bytes[index] ?? 0) & ~(0x80 >> (bit & 7));
  }
  return `${ipaddr.fromByteArray(bytes).toString()}/${prefixLength}`;
}
