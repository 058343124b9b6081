import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from './cloudflare-ranges';
import { parseAddress } from './parse-address';
import { compileTrustedProxies } from './trusted-proxies';

function trusts(option: Parameters<typeof compileTrustedProxies>[0], address: string): boolean {
  const parsed = parseAddress(address, { allowPort: true });
  if (!parsed) throw new Error(`bad test address ${address}`);
  return compileTrustedProxies(option)(parsed);
}

describe('compileTrustedProxies', () => {
  it('matches exact addresses and CIDR ranges of both families', () => {
    const list = ['192.0.2.10', '10.0.0.0/8', '2001:db8::/32', '::1'];
    expect(trusts(list, '192.0.2.10')).toBe(true);
    expect(trusts(list, '192.0.2.11')).toBe(false);
    expect(trusts(list, '10.255.0.1')).toBe(true);
    expect(trusts(list, '11.0.0.1')).toBe(false);
    expect(trusts(list, '2001:db8:ffff::1')).toBe(true);
    expect(trusts(list, '2001:db9::1')).toBe(false);
    expect(trusts(list, '::1')).toBe(true);
  });

  it('matches IPv4-mapped peers against IPv4 entries, and mapped entries against IPv4 peers', () => {
    expect(trusts(['10.0.0.0/8'], '::ffff:10.1.2.3')).toBe(true);
    expect(trusts(['::ffff:10.0.0.0/104'], '10.1.2.3')).toBe(true);
    expect(trusts(['::ffff:10.0.0.1'], '10.0.0.1')).toBe(true);
    expect(trusts(['::ffff:10.0.0.0/104'], '11.0.0.1')).toBe(false);
  });

  it('ignores zone ids and surrounding whitespace in entries', () => {
    expect(trusts(['fe80::1%eth0'], 'fe80::1%eth1')).toBe(true);
    expect(trusts([' 192.0.2.10 '], '192.0.2.10')).toBe(true);
  });

  it('trusts nothing by default and no IPv4 address through an IPv6 range', () => {
    expect(trusts(undefined, '127.0.0.1')).toBe(false);
    expect(trusts([], '127.0.0.1')).toBe(false);
    expect(trusts(['::/0'], '127.0.0.1')).toBe(false);
  });

  it('has the Cloudflare preset with exactly the ranges of DESIGN.md §6', () => {
    expect(CLOUDFLARE_IPV4).toEqual([
      '173.245.48.0/20',
      '103.21.244.0/22',
      '103.22.200.0/22',
      '103.31.4.0/22',
      '141.101.64.0/18',
      '108.162.192.0/18',
      '190.93.240.0/20',
      '188.114.96.0/20',
      '197.234.240.0/22',
      '198.41.128.0/17',
      '162.158.0.0/15',
      '104.16.0.0/13',
      '104.24.0.0/14',
      '172.64.0.0/13',
      '131.0.72.0/22',
    ]);
    expect(CLOUDFLARE_IPV6).toEqual([
      '2400:cb00::/32',
      '2606:4700::/32',
      '2803:f800::/32',
      '2405:b500::/32',
      '2405:8100::/32',
      '2a06:98c0::/29',
      '2c0f:f248::/32',
    ]);
    expect(trusts('cloudflare', '172.68.1.10')).toBe(true);
    expect(trusts('cloudflare', '2a06:98c7::1')).toBe(true);
    expect(trusts('cloudflare', '192.0.2.10')).toBe(false);
    expect(trusts({ preset: 'cloudflare', extra: ['192.0.2.10'] }, '192.0.2.10')).toBe(true);
    expect(trusts({ preset: 'cloudflare' }, '104.16.0.1')).toBe(true);
  });

  it.each([
    '127.1',
    '0177.0.0.1',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/08',
    '10.0.0.0/',
    '/8',
    '192.0.2.10:80',
    '[::1]',
    '[::1]:80',
    'fe80::/10%eth0',
    'fe80::%eth0/10',
    '::ffff:10.0.0.0/95',
    'localhost',
    'loopback',
    '',
    '10.0.0.0/8, 192.168.0.0/16',
  ])('refuses the entry %j with a ConfigError naming it', (entry) => {
    expect(() => compileTrustedProxies(['192.0.2.1', entry])).toThrow(ConfigError);
    expect(() => compileTrustedProxies([entry])).toThrow(JSON.stringify(entry));
  });

  it('refuses a wrongly shaped option', () => {
    expect(() => compileTrustedProxies('10.0.0.1' as never)).toThrow(ConfigError);
    expect(() => compileTrustedProxies({ preset: 'akamai' } as never)).toThrow(
      /unknown preset "akamai"/,
    );
    expect(() =>
      compileTrustedProxies({ preset: 'cloudflare', extra: '10.0.0.1' } as never),
    ).toThrow(/extra/);
    expect(() => compileTrustedProxies([42] as never)).toThrow(/Invalid trustedProxies entry 42/);
    expect(() => compileTrustedProxies({ preset: 'cloudflare', extra: ['10.0.0.300'] })).toThrow(
      '"10.0.0.300"',
    );
  });
});
