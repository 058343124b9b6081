import { networkText } from './ip-for-storage';
import { parseAddress } from './parse-address';

/** Prefix length that identifies one IPv6 client: one /64 is one subscriber's LAN. */
const IPV6_CLIENT_PREFIX = 64;

/**
 * The rate-limit identity of a client: the IPv4 address itself, the IPv6 /64 as CIDR
 * text (a single host can rotate through its /64 freely, so a smaller unit would be no
 * limit at all), or `"unknown"` for null — all unknown clients share one bucket.
 *
 * The three forms never collide: IPv4 text has no `/`, IPv6 keys always end in `/64`,
 * and neither is the word `unknown`.
 *
 * @example
 * clientBucketKey('2001:db8:1:2:3:4:5:6'); // '2001:db8:1:2::/64'
 */
export function clientBucketKey(ip: string | null): string {
  const parsed = ip === null ? null : parseAddress(ip, { allowPort: false });
  if (parsed === null) return 'unknown';
  if (parsed.address.kind() === 'ipv4') return parsed.text;
  return networkText(parsed.address, IPV6_CLIENT_PREFIX);
}
