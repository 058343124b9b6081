/**
 * Cross-checks request links against node:crypto (OpenSSL's X25519 and HKDF), an
 * implementation independent of noble. Node-only: the browser project excludes *.node.test.ts.
 */
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import vectors from '../../test/vectors/request-v1.json';
import { decodeBase64url } from './base64url';
import { createRequestKeys, deriveRequestAnswerKey } from './request-keys';
import { sealForRequest } from './seal-for-request';
import { x25519SharedSecret } from './x25519-shared-secret';

// RFC 8410 DER prefixes around a raw 32-byte X25519 key.
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);
const SPKI_PREFIX = Uint8Array.from([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00,
]);

const privateKey = (raw: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.from([...PKCS8_PREFIX, ...raw]), format: 'der', type: 'pkcs8' });
const publicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: Buffer.from([...SPKI_PREFIX, ...raw]), format: 'der', type: 'spki' });
const rawPublic = (key: KeyObject): Uint8Array =>
  new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length));
const nodeShared = (sk: Uint8Array, pk: Uint8Array): Uint8Array =>
  new Uint8Array(diffieHellman({ privateKey: privateKey(sk), publicKey: publicKey(pk) }));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('request links agree with node:crypto', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s: pk, epk, requestProof, K', (_, v) => {
    const sk = decodeBase64url(v.sk, 32);
    const esk = decodeBase64url(v.esk, 32);
    const pk = decodeBase64url(v.pk, 32);
    const epk = decodeBase64url(v.epk, 32);
    expect(rawPublic(createPublicKey(privateKey(sk)))).toEqual(pk);
    expect(rawPublic(createPublicKey(privateKey(esk)))).toEqual(epk);
    const proof = hkdfSync('sha256', pk, new Uint8Array(0), bytes('hushlink/v1/request-proof'), 32);
    expect(new Uint8Array(proof)).toEqual(decodeBase64url(v.requestProof, 32));
    // Both sides of the exchange give the same shared secret, and K follows from it.
    const shared = nodeShared(esk, pk);
    expect(nodeShared(sk, epk)).toEqual(shared);
    const key = hkdfSync(
      'sha256',
      shared,
      new Uint8Array([...epk, ...pk]),
      bytes('hushlink/v1/request'),
      32,
    );
    expect(new Uint8Array(key)).toEqual(decodeBase64url(v.key, 32));
  });

  it('random pairs: noble X25519 equals OpenSSL X25519 in both directions', async () => {
    for (let i = 0; i < 20; i++) {
      const creator = createRequestKeys();
      const other = createRequestKeys();
      expect(x25519SharedSecret(creator.secretKey, other.publicKey)).toEqual(
        nodeShared(creator.secretKey, other.publicKey),
      );
    }
    const { secretKey, publicKey: pk } = createRequestKeys();
    const answer = await sealForRequest('x', pk);
    const key = hkdfSync(
      'sha256',
      nodeShared(secretKey, answer.ephemeralKey),
      new Uint8Array([...answer.ephemeralKey, ...pk]),
      bytes('hushlink/v1/request'),
      32,
    );
    expect(deriveRequestAnswerKey(secretKey, answer.ephemeralKey)).toEqual(new Uint8Array(key));
  });

  it('OpenSSL also refuses the all-zero point we refuse', () => {
    const { secretKey } = createRequestKeys();
    expect(() => nodeShared(secretKey, new Uint8Array(32))).toThrow();
  });
});
