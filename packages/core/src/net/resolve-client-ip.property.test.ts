import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from './parse-address';
import { parseIpStrict } from './parse-ip-strict';
import { type ClientIpOptions, createClientIpResolver } from './resolve-client-ip';
import { compileTrustedProxies } from './trusted-proxies';

const OPTIONS = {
  trustedProxies: { preset: 'cloudflare', extra: ['10.0.0.0/8', '::1', '2001:db8:ffff::/48'] },
  cloudflareConnectingIp: true,
} satisfies ClientIpOptions;
const resolve = createClientIpResolver(OPTIONS);
const isTrusted = compileTrustedProxies(OPTIONS.trustedProxies);

function trusted(ip: string): boolean {
  const parsed = parseAddress(ip, { allowPort: true });
  return parsed !== null && isTrusted(parsed);
}

const anyIp = fc.oneof(fc.ipV4(), fc.ipV6());
const untrustedIp = anyIp.filter((ip) => !trusted(ip));
const trustedPeer = fc.constantFrom(
  '10.0.0.1',
  '::1',
  '::ffff:10.9.8.7',
  '172.68.1.10',
  '2606:4700::1',
);

/** Characters a header value may hold (Headers refuses CR, LF, NUL and non-Latin-1). */
const headerChar = fc.constantFrom(
  ...' \t!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFXYZ[\\]^_`abcdefforxyz{|}~'.split(''),
);
/** Header values mixing real addresses, syntax and noise: hostile, but plausible. */
const headerValue = fc
  .array(
    fc.oneof(
      anyIp,
      fc.constantFrom(
        ',',
        ', ',
        ';',
        '"',
        'for=',
        'For=',
        '[',
        ']',
        ':80',
        '%eth0',
        'unknown',
        '_x',
        '\\',
      ),
      fc.string({ unit: headerChar, maxLength: 12 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const headers = fc
  .record(
    {
      'x-forwarded-for': headerValue,
      forwarded: headerValue,
      'cf-connecting-ip': headerValue,
      'x-real-ip': headerValue,
    },
    { requiredKeys: [] },
  )
  .map((record) => new Headers(record));

describe('client IP properties', () => {
  it('with an untrusted peer, no header value changes the result: it is the peer', () => {
    fc.assert(
      fc.property(untrustedIp, headers, (peer, requestHeaders) => {
        expect(resolve(peer, requestHeaders)).toBe(parseIpStrict(peer));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and answers null or a canonical address', () => {
    const peer = fc.oneof(trustedPeer, anyIp, fc.string(), fc.constant(undefined));
    fc.assert(
      fc.property(peer, headers, (remoteAddress, requestHeaders) => {
        const client = resolve(remoteAddress, requestHeaders);
        if (client !== null) expect(parseIpStrict(client)).toBe(client);
      }),
      { numRuns: 300 },
    );
  });

  it('behind a trusted proxy that appends the peer it saw, the client cannot choose its address', () => {
    const noCloudflareHeader = createClientIpResolver({ trustedProxies: OPTIONS.trustedProxies });
    fc.assert(
      fc.property(trustedPeer, headerValue, untrustedIp, (proxy, clientWritten, realClient) => {
        const canonical = parseIpStrict(realClient);
        const xff = new Headers({ 'x-forwarded-for': `${clientWritten}, ${realClient}` });
        expect(noCloudflareHeader(proxy, xff)).toBe(canonical);
        const node = realClient.includes(':') ? `"[${realClient}]:443"` : realClient;
        const forwarded = new Headers({ forwarded: `${clientWritten}, for=${node};proto=https` });
        expect(noCloudflareHeader(proxy, forwarded)).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it('parseIpStrict never throws and is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), headerValue), (text) => {
        const parsed = parseIpStrict(text);
        if (parsed !== null) expect(parseIpStrict(parsed)).toBe(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it('parseIpStrict reads every generated IPv4 as itself and every IPv6 canonically', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(parseIpStrict(ip)).toBe(ip);
        expect(parseIpStrict(`${ip}:8080`)).toBe(ip);
        expect(parseIpStrict(`::ffff:${ip}`)).toBe(ip);
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const parsed = parseIpStrict(ip);
        expect(parsed).not.toBeNull();
        expect(parseIpStrict(`[${ip}]:443`)).toBe(parsed);
        expect(parseIpStrict(`${ip}%eth0`)).toBe(parsed);
      }),
    );
  });
});
