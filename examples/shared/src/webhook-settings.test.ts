import { ConfigError, generateWebhookSecret, type NotificationEvent } from '@hushlink/core';
import { describe, expect, it } from 'vitest';
import { notificationLine, webhookEndpoints } from './webhook-settings';

describe('webhookEndpoints', () => {
  it('signs every configured URL with the one secret', () => {
    const secret = generateWebhookSecret();
    expect(
      webhookEndpoints({
        webhookUrls: ['https://a.example/h', 'https://b.example/h'],
        webhookSecret: secret,
      }),
    ).toEqual([
      { url: 'https://a.example/h', secret },
      { url: 'https://b.example/h', secret },
    ]);
    expect(webhookEndpoints({ webhookUrls: [], webhookSecret: null })).toEqual([]);
  });

  it('refuses a URL without a secret, a malformed secret and a non-http URL, naming the variable', () => {
    expect(() =>
      webhookEndpoints({ webhookUrls: ['https://a.example/h'], webhookSecret: null }),
    ).toThrow(/HUSHLINK_WEBHOOK_SECRET/);
    const bad = 'whsec_not-base64!!';
    try {
      webhookEndpoints({ webhookUrls: ['https://a.example/h'], webhookSecret: bad });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^HUSHLINK_WEBHOOK_SECRET/);
      expect((error as Error).message).not.toContain(bad);
    }
    expect(() =>
      webhookEndpoints({
        webhookUrls: ['ftp://a.example/h'],
        webhookSecret: generateWebhookSecret(),
      }),
    ).toThrow(/HUSHLINK_WEBHOOK_URL/);
  });
});

describe('notificationLine', () => {
  const opened = {
    type: 'opened',
    secretId: 'AAAAAAAAAAAAAAAAAAAAAA',
    label: 'Staging DB\nfake: line',
    at: '2026-11-25T12:00:00.000Z',
    ip: '203.0.113.7',
    userAgent: null,
    notify: true,
    createdBy: 'ana',
    detail: null,
  } as unknown as NotificationEvent;

  it('logs one line per event the creator asked to hear of, with control characters removed', () => {
    expect(notificationLine(opened)).toBe(
      '[hushlink] opened: Staging DB fake: line by 203.0.113.7',
    );
  });

  it('stays quiet without notify, and for created', () => {
    expect(notificationLine({ ...opened, notify: false } as NotificationEvent)).toBeNull();
    expect(notificationLine({ ...opened, type: 'created' } as NotificationEvent)).toBeNull();
  });
});
