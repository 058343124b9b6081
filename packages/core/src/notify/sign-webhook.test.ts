/** Our signer against the reference `standardwebhooks` implementation, both directions. */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signedWebhookHeaders } from './sign-webhook';
import { verifyWebhook } from './verify-webhook';
import { decodeWebhookSecret, generateWebhookSecret } from './webhook-secret';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = JSON.stringify({ type: 'revealed', secretId: 'abc', label: 'Zugang für «Jürgen» 🔑' });
const NOW = Date.UTC(2026, 0, 1, 12);

describe('Standard Webhooks signing', () => {
  it('produces headers the standardwebhooks package accepts', () => {
    const headers = signedWebhookHeaders(decodeWebhookSecret(SECRET), 'msg_1', NOW / 1000, BODY);
    const reference = new Webhook(SECRET);
    // The reference checks against the real clock: sign at "now" for it.
    const fresh = signedWebhookHeaders(
      decodeWebhookSecret(SECRET),
      'msg_1',
      Math.floor(Date.now() / 1000),
      BODY,
    );
    expect(reference.verify(BODY, fresh)).toEqual(JSON.parse(BODY));
    expect(headers['webhook-signature']).toBe(reference.sign('msg_1', new Date(NOW), BODY));
  });

  it('verifies what the standardwebhooks package signs', () => {
    const signature = new Webhook(SECRET).sign('msg_2', new Date(NOW), BODY);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(NOW / 1000),
      'webhook-signature': signature,
    };
    expect(verifyWebhook(SECRET, headers, BODY, { now: () => NOW })).toEqual(JSON.parse(BODY));
  });

  it('generates secrets of 32 bytes in the whsec_ form', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(decodeWebhookSecret(secret)).toHaveLength(32);
    expect(() => decodeWebhookSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow(/whsec_/);
    expect(() => decodeWebhookSecret('whsec_c2hvcnQ=')).toThrow(/24\.\.64 bytes/);
    expect(() => decodeWebhookSecret('whsec_not base64!')).toThrow(/base64/);
  });
});
