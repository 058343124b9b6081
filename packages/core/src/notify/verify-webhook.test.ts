import { describe, expect, it } from 'vitest';
import { signedWebhookHeaders } from './sign-webhook';
import { verifyWebhook, WebhookVerificationError } from './verify-webhook';
import { decodeWebhookSecret } from './webhook-secret';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const NOW = Date.UTC(2026, 0, 1, 12);
const BODY = '{"type":"opened","secretId":"abc","label":null}';

const signed = (at = NOW, body = BODY, id = 'msg_x', secret = SECRET) =>
  signedWebhookHeaders(decodeWebhookSecret(secret), id, Math.floor(at / 1000), body);

const reasonOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('verifyWebhook', () => {
  const verify = (headers: Record<string, string>, body: string | Uint8Array = BODY, now = NOW) =>
    reasonOf(() => verifyWebhook(SECRET, headers, body, { now: () => now }));

  it('accepts a genuine webhook as text, bytes, a Headers object or Node-style headers', () => {
    const headers = signed();
    expect(verifyWebhook(SECRET, headers, BODY, { now: () => NOW })).toMatchObject({
      type: 'opened',
    });
    expect(verify(headers, new TextEncoder().encode(BODY))).toBe('accepted');
    expect(
      reasonOf(() => verifyWebhook(SECRET, new Headers(headers), BODY, { now: () => NOW })),
    ).toBe('accepted');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verify(upper)).toBe('accepted');
  });

  it('rejects a forged signature, a changed body, id or timestamp', () => {
    expect(verify(signed(NOW, BODY, 'msg_x', OTHER))).toBe('bad_signature');
    expect(verify(signed(), BODY.replace('abc', 'abd'))).toBe('bad_signature');
    expect(verify({ ...signed(), 'webhook-id': 'msg_y' })).toBe('bad_signature');
    // A replay re-stamped with a fresh timestamp no longer matches its signature.
    expect(verify({ ...signed(NOW - 3_600_000), 'webhook-timestamp': String(NOW / 1000) })).toBe(
      'bad_signature',
    );
    expect(verify({ ...signed(), 'webhook-signature': 'v2,abc' })).toBe('bad_signature');
  });

  it('accepts any matching v1 signature among several (secret rotation)', () => {
    const good = signed()['webhook-signature'];
    const bad = signed(NOW, BODY, 'msg_x', OTHER)['webhook-signature'];
    expect(verify({ ...signed(), 'webhook-signature': `${bad} ${good}` })).toBe('accepted');
  });

  it('rejects a replay older than 5 minutes and a timestamp over 5 minutes ahead', () => {
    const headers = signed();
    expect(verify(headers, BODY, NOW + 300_000)).toBe('accepted');
    expect(verify(headers, BODY, NOW + 301_000)).toBe('timestamp_too_old');
    expect(verify(headers, BODY, NOW - 301_000)).toBe('timestamp_too_new');
    expect(verify({ ...headers, 'webhook-timestamp': '1e9' })).toBe('bad_timestamp');
  });

  it('rejects missing headers and a body that is not JSON', () => {
    const { 'webhook-id': _, ...noId } = signed();
    expect(verify(noId)).toBe('missing_headers');
    expect(verify(signed(NOW, 'not json'), 'not json')).toBe('bad_body');
  });
});
