import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseWebhookUrl, webhookTargetRefusal } from './target-policy';

describe('webhook target policy (SSRF)', () => {
  it.each([
    ['http://8.8.8.8/hook', null],
    ['https://[2606:4700:4700::1111]/hook', null],
    ['http://127.0.0.1/', 'refused'],
    ['http://127.1/', 'refused'], // URL parsing normalises it to 127.0.0.1
    ['http://0x7f.0.0.1/', 'refused'],
    ['http://2130706433/', 'refused'],
    ['http://0.0.0.0/', 'refused'],
    ['http://10.1.2.3/', 'refused'],
    ['http://172.16.0.1/', 'refused'],
    ['http://192.168.1.1/', 'refused'],
    ['http://169.254.169.254/latest/meta-data/', 'refused'], // cloud metadata
    ['http://100.100.100.200/', 'refused'], // Alibaba metadata (carrier-grade NAT)
    ['http://[fd00:ec2::254]/', 'refused'], // AWS IPv6 metadata
    ['http://[::1]/', 'refused'],
    ['http://[::ffff:127.0.0.1]/', 'refused'],
    ['http://[fe80::1]/', 'refused'],
    ['http://[64:ff9b::a00:1]/', 'refused'], // NAT64 of 10.0.0.1
    ['http://224.0.0.1/', 'refused'],
    ['http://192.0.2.1/', 'refused'], // documentation
    ['https://hooks.example.com/', 'refused'], // a host name cannot be checked here
  ])('%s → %s', (url, expected) => {
    const refusal = webhookTargetRefusal(new URL(url), {});
    expect(refusal === null ? null : 'refused').toBe(expected);
  });

  it('allows private targets and host names only when the host says so', () => {
    expect(webhookTargetRefusal(new URL('http://127.0.0.1:9/'), { allowPrivate: true })).toBeNull();
    const name = new URL('https://hooks.example.com/');
    expect(webhookTargetRefusal(name, { allowHostnames: true })).toBeNull();
    expect(
      webhookTargetRefusal(new URL('http://10.0.0.1/'), { allowHostnames: true }),
    ).not.toBeNull();
  });

  it('judges resolved addresses the same way', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('not an address')).toBe(false);
  });

  it('refuses webhook URLs that are not http(s) or carry credentials', () => {
    expect(() => parseWebhookUrl('ftp://example.com/')).toThrow(/http/);
    expect(() => parseWebhookUrl('file:///etc/passwd')).toThrow(/http/);
    expect(() => parseWebhookUrl('https://user:pw@example.com/')).toThrow(/user name/);
    expect(() => parseWebhookUrl('not a url')).toThrow(/not a URL/);
  });
});
