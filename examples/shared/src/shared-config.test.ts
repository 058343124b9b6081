import { describe, expect, it } from 'vitest';
import { proxyOptions } from './proxy-options';
import { readSharedConfig } from './shared-config';

describe('readSharedConfig', () => {
  it('gives every setting a default, so a fresh clone starts', () => {
    const config = readSharedConfig({}, { dataDir: '/tmp/hl-example' });
    expect(config).toMatchObject({
      dataDir: '/tmp/hl-example',
      sqlitePath: '/tmp/hl-example/hushlink.sqlite',
      databaseUrl: null,
      trustedProxies: [],
      hmacKey: null,
      adminUser: 'admin',
      webhookUrls: [],
      webhookAllowPrivate: false,
      notifyDefault: false,
    });
  });

  it('reads lists and switches as the READMEs document them', () => {
    const config = readSharedConfig(
      {
        TRUSTED_PROXIES: ' 10.0.0.0/8, cloudflare ,',
        HUSHLINK_WEBHOOK_URL: 'https://a.example/hook,https://b.example/hook',
        HUSHLINK_WEBHOOK_ALLOW_PRIVATE: '1',
        HUSHLINK_NOTIFY_DEFAULT: '1',
        DATABASE_URL: 'postgres://u@h/db',
      },
      { dataDir: '/tmp/hl-example' },
    );
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', 'cloudflare']);
    expect(config.webhookUrls).toEqual(['https://a.example/hook', 'https://b.example/hook']);
    expect(config.webhookAllowPrivate).toBe(true);
    expect(config.notifyDefault).toBe(true);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
  });
});

describe('proxyOptions', () => {
  it('trusts nobody by default', () => {
    expect(proxyOptions([])).toEqual({ trustedProxies: undefined, cloudflareConnectingIp: false });
  });

  it('reads CF-Connecting-IP only when Cloudflare is the sole trusted proxy', () => {
    expect(proxyOptions(['cloudflare'])).toEqual({
      trustedProxies: { preset: 'cloudflare', extra: [] },
      cloudflareConnectingIp: true,
    });
    expect(proxyOptions(['cloudflare', '10.0.0.1'])).toEqual({
      trustedProxies: { preset: 'cloudflare', extra: ['10.0.0.1'] },
      cloudflareConnectingIp: false,
    });
  });
});
