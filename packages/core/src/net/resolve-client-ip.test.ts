import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { MAX_FORWARDED_HEADER_CHARS, MAX_FORWARDED_HOPS } from './forwarded-hops';
import { type ClientIpOptions, createClientIpResolver, resolveClientIp } from './resolve-client-ip';

/** A proxy chain: client → 10.0.0.2 (edge LB) → 10.0.0.1 (local nginx) → app. */
const LAN: ClientIpOptions = { trustedProxies: ['10.0.0.0/8', '::1', '2001:db8:ffff::/48'] };
const CF: ClientIpOptions = { trustedProxies: 'cloudflare', cloudflareConnectingIp: true };
const CF_EDGE = '172.68.1.10';

interface Case {
  name: string;
  options?: ClientIpOptions;
  peer: string | null | undefined;
  headers?: Record<string, string>;
  expected: string | null;
}

const cases: Case[] = [
  // The peer alone.
  { name: 'no trusted proxies: the peer', peer: '203.0.113.7', expected: '203.0.113.7' },
  { name: 'peer IPv4-mapped is unwrapped', peer: '::ffff:203.0.113.7', expected: '203.0.113.7' },
  { name: 'peer IPv6 canonicalised', peer: '2001:DB8:0::7', expected: '2001:db8::7' },
  { name: 'peer zone id stripped', peer: 'fe80::7%eth0', expected: 'fe80::7' },
  { name: 'peer missing: unknown', peer: undefined, expected: null },
  { name: 'peer null: unknown', peer: null, expected: null },
  { name: 'peer unparsable: unknown', peer: 'not-an-ip', expected: null },
  { name: 'peer shorthand IPv4: unknown', peer: '127.1', expected: null },
  {
    name: 'untrusted peer: XFF ignored',
    options: LAN,
    peer: '203.0.113.7',
    headers: { 'x-forwarded-for': '198.51.100.1' },
    expected: '203.0.113.7',
  },
  {
    name: 'no trusted proxies: XFF ignored even from loopback',
    peer: '127.0.0.1',
    headers: { 'x-forwarded-for': '198.51.100.1' },
    expected: '127.0.0.1',
  },
  {
    name: 'unknown peer: headers ignored, no fallback to 127.0.0.1',
    options: LAN,
    peer: '',
    headers: { 'x-forwarded-for': '198.51.100.1' },
    expected: null,
  },
  {
    name: 'trusted peer without forwarded headers: the peer',
    options: LAN,
    peer: '10.0.0.1',
    expected: '10.0.0.1',
  },

  // X-Forwarded-For.
  {
    name: 'XFF: one hop',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7' },
    expected: '203.0.113.7',
  },
  {
    name: 'XFF: trusted hops skipped right to left',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.3, 10.0.0.2' },
    expected: '203.0.113.7',
  },
  {
    name: 'XFF: client-written hops left of the first untrusted one are ignored',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '1.1.1.1, 198.51.100.9, 203.0.113.7, 10.0.0.2' },
    expected: '203.0.113.7',
  },
  {
    name: 'XFF: all trusted → leftmost',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '10.0.0.9, 10.0.0.3' },
    expected: '10.0.0.9',
  },
  {
    name: 'XFF: malformed hop stops the walk at the last good hop',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7, 127.1, 10.0.0.2' },
    expected: '10.0.0.2',
  },
  {
    name: 'XFF: malformed rightmost hop → the peer',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7, garbage' },
    expected: '10.0.0.1',
  },
  {
    name: 'XFF: empty element is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7,, 10.0.0.2' },
    expected: '10.0.0.2',
  },
  {
    name: 'XFF: trailing comma is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7,' },
    expected: '10.0.0.1',
  },
  {
    name: 'XFF: blank header counts as absent',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '   ' },
    expected: '10.0.0.1',
  },
  {
    name: 'XFF: ports and brackets stripped',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '[2001:db8:1::7]:51234, 10.0.0.2:443' },
    expected: '2001:db8:1::7',
  },
  {
    name: 'XFF: IPv4-mapped hop matches IPv4 entries',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.7, ::ffff:10.0.0.2' },
    expected: '203.0.113.7',
  },
  {
    name: 'XFF: mixed v4/v6 chain behind an IPv6 proxy',
    options: LAN,
    peer: '::1',
    headers: { 'x-forwarded-for': '203.0.113.7, 2001:db8:ffff::2' },
    expected: '203.0.113.7',
  },
  {
    name: 'XFF: IPv4-mapped trusted peer',
    options: LAN,
    peer: '::ffff:10.0.0.1',
    headers: { 'x-forwarded-for': '2001:db8:1::7' },
    expected: '2001:db8:1::7',
  },
  {
    name: 'XFF: zone id in a hop stripped',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': 'fe80::7%eth0' },
    expected: 'fe80::7',
  },
  {
    name: 'XFF: octal hop is malformed, not 127.0.0.1',
    options: LAN,
    peer: '10.0.0.1',
    headers: { 'x-forwarded-for': '0177.0.0.1' },
    expected: '10.0.0.1',
  },

  // RFC 7239 Forwarded.
  {
    name: 'Forwarded: for= IPv4',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=203.0.113.7;proto=https;by=10.0.0.1' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: quoted IPv6 with port',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for="[2001:db8:1::7]:4711"' },
    expected: '2001:db8:1::7',
  },
  {
    name: 'Forwarded: quoted IPv4 with port, case-insensitive name',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'For="203.0.113.7:4711"' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: several elements walked right to left',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=198.51.100.9, for=203.0.113.7;proto=https, for=10.0.0.2' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: quoted comma in another parameter does not split',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=203.0.113.7;host="a,b.example", for=10.0.0.2' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: for=unknown is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=203.0.113.7, for=unknown, for=10.0.0.2' },
    expected: '10.0.0.2',
  },
  {
    name: 'Forwarded: obfuscated identifier is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=_hidden' },
    expected: '10.0.0.1',
  },
  {
    name: 'Forwarded: obfuscated port keeps the address',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for="203.0.113.7:_port1"' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: element without for= is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'proto=https', 'x-forwarded-for': '198.51.100.9' },
    expected: '10.0.0.1',
  },
  {
    name: 'Forwarded: two for= in one element is malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=203.0.113.7;for=198.51.100.9' },
    expected: '10.0.0.1',
  },
  {
    name: 'Forwarded: unbalanced quote on the client side cannot hide the real hop',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for="198.51.100.9, for=203.0.113.7' },
    expected: '203.0.113.7',
  },
  {
    name: 'Forwarded: escapes are malformed',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for="203.0.113.\\7"' },
    expected: '10.0.0.1',
  },

  // Precedence and Cloudflare.
  {
    name: 'Forwarded wins over X-Forwarded-For',
    options: LAN,
    peer: '10.0.0.1',
    headers: { forwarded: 'for=203.0.113.7', 'x-forwarded-for': '198.51.100.9' },
    expected: '203.0.113.7',
  },
  {
    name: 'CF-Connecting-IP wins when enabled and the peer is Cloudflare',
    options: CF,
    peer: CF_EDGE,
    headers: {
      'cf-connecting-ip': '2001:db8:1::7',
      forwarded: 'for=198.51.100.8',
      'x-forwarded-for': '198.51.100.9',
    },
    expected: '2001:db8:1::7',
  },
  {
    name: 'CF-Connecting-IP ignored when not enabled',
    options: { trustedProxies: 'cloudflare' },
    peer: CF_EDGE,
    headers: { 'cf-connecting-ip': '198.51.100.1', 'x-forwarded-for': '203.0.113.7' },
    expected: '203.0.113.7',
  },
  {
    name: 'CF-Connecting-IP ignored from an untrusted peer',
    options: CF,
    peer: '203.0.113.7',
    headers: { 'cf-connecting-ip': '198.51.100.1' },
    expected: '203.0.113.7',
  },
  {
    name: 'CF-Connecting-IP malformed → the peer',
    options: CF,
    peer: CF_EDGE,
    headers: { 'cf-connecting-ip': '198.51.100.1, 203.0.113.7', 'x-forwarded-for': '203.0.113.9' },
    expected: CF_EDGE,
  },
  {
    name: 'Cloudflare IPv6 edge peer, XFF',
    options: { trustedProxies: 'cloudflare' },
    peer: '2606:4700:10::6816:1',
    headers: { 'x-forwarded-for': '203.0.113.7' },
    expected: '203.0.113.7',
  },
  {
    name: 'Cloudflare preset plus own load balancer',
    options: { trustedProxies: { preset: 'cloudflare', extra: ['10.0.0.0/8'] } },
    peer: '10.0.0.5',
    headers: { 'x-forwarded-for': `203.0.113.7, ${CF_EDGE}` },
    expected: '203.0.113.7',
  },
];

describe('createClientIpResolver', () => {
  it.each(cases)('$name', ({ options, peer, headers, expected }) => {
    const resolve = createClientIpResolver(options);
    expect(resolve(peer, new Headers(headers))).toBe(expected);
  });

  it('joins several X-Forwarded-For lines into one list', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', '198.51.100.9, 203.0.113.7');
    headers.append('x-forwarded-for', '10.0.0.2');
    expect(createClientIpResolver(LAN)('10.0.0.1', headers)).toBe('203.0.113.7');
  });

  it('reads at most the last 64 hops of a long all-trusted chain', () => {
    const hops = Array.from({ length: 1_000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    const headers = new Headers({ 'x-forwarded-for': hops.join(', ') });
    const client = createClientIpResolver(LAN)('10.0.0.1', headers);
    expect(client).toBe(hops[hops.length - MAX_FORWARDED_HOPS]);
  });

  it('reads only the tail of an absurdly long header', () => {
    const resolve = createClientIpResolver(LAN);
    const garbage = 'x'.repeat(5 * MAX_FORWARDED_HEADER_CHARS);
    expect(resolve('10.0.0.1', new Headers({ 'x-forwarded-for': `${garbage}, 203.0.113.7` }))).toBe(
      '203.0.113.7',
    );
    expect(
      resolve('10.0.0.1', new Headers({ forwarded: `for="${garbage}", for=203.0.113.7` })),
    ).toBe('203.0.113.7');
    // Cut in the middle of an all-trusted chain: the last hop read, never the cut fragment.
    const chain = Array.from({ length: 2_000 }, () => '10.0.0.2').join(',');
    expect(resolve('10.0.0.1', new Headers({ 'x-forwarded-for': `203.0.113.7,${chain}` }))).toBe(
      '10.0.0.2',
    );
  });

  it('refuses configuration mistakes at creation time', () => {
    expect(() => createClientIpResolver({ trustedProxies: ['10.0.0.0/8', '10.0.0.256'] })).toThrow(
      ConfigError,
    );
    expect(() => createClientIpResolver({ trustedProxies: ['10.0.0.256'] })).toThrow(
      '"10.0.0.256"',
    );
    expect(() => createClientIpResolver({ cloudflareConnectingIp: true })).toThrow(
      /needs trustedProxies/,
    );
    expect(() =>
      createClientIpResolver({ trustedProxies: [], cloudflareConnectingIp: true }),
    ).toThrow(ConfigError);
  });
});

describe('forwardedHeaders', () => {
  const peer = '10.0.0.1';
  const spoofed = new Headers({ forwarded: 'for=6.6.6.6', 'x-forwarded-for': '203.0.113.7' });

  it('reads Forwarded before X-Forwarded-For by default (DESIGN.md §6)', () => {
    expect(createClientIpResolver({ trustedProxies: ['10.0.0.0/8'] })(peer, spoofed)).toBe(
      '6.6.6.6',
    );
  });

  it("ignores a client's own Forwarded when only X-Forwarded-For is configured", () => {
    const resolve = createClientIpResolver({
      trustedProxies: ['10.0.0.0/8'],
      forwardedHeaders: ['x-forwarded-for'],
    });
    expect(resolve(peer, spoofed)).toBe('203.0.113.7');
    expect(resolve(peer, new Headers({ forwarded: 'for=6.6.6.6' }))).toBe(peer);
  });

  it('refuses an unknown header name at configuration time', () => {
    expect(() =>
      // @ts-expect-error: not a forwarded header this library reads
      createClientIpResolver({ trustedProxies: ['10.0.0.0/8'], forwardedHeaders: ['x-real-ip'] }),
    ).toThrow(ConfigError);
  });
});

describe('resolveClientIp', () => {
  it('resolves one request with inline options', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.7' });
    expect(resolveClientIp({ remoteAddress: '10.0.0.1', headers, ...LAN })).toBe('203.0.113.7');
    expect(resolveClientIp({ remoteAddress: '10.0.0.1', headers })).toBe('10.0.0.1');
  });

  it('throws ConfigError for an invalid entry', () => {
    expect(() =>
      resolveClientIp({
        remoteAddress: '10.0.0.1',
        headers: new Headers(),
        trustedProxies: ['nope'],
      }),
    ).toThrow(ConfigError);
  });
});
