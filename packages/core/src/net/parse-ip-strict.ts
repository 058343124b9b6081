import { parseAddress } from './parse-address';

/**
 * Parses a client address strictly and returns its canonical text, or null.
 *
 * - IPv4 only as four decimal parts without leading zeros: `127.1`, `0x7f.0.0.1`,
 *   `0177.0.0.1` and `1.2.3.04` are not addresses.
 * - Ports (`203.0.113.7:443`, `[2001:db8::1]:443`), brackets and zone ids
 *   (`fe80::1%eth0`) are stripped.
 * - IPv4-mapped IPv6 (`::ffff:203.0.113.7`) is unwrapped to IPv4.
 * - IPv6 comes out in RFC 5952 form (`2001:DB8:0::1` → `2001:db8::1`).
 *
 * Never throws, whatever it is given.
 *
 * @example
 * parseIpStrict('[2001:DB8::1]:8080'); // '2001:db8::1'
 * parseIpStrict('::ffff:192.0.2.1');   // '192.0.2.1'
 * parseIpStrict('127.1');              // null
 */
export function parseIpStrict(text: string): string | null {
  return parseAddress(text, { allowPort: true })?.text ?? null;
}
