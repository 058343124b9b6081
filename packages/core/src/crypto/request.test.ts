import { describe, expect, it } from 'vitest';
import vectors from '../../test/vectors/request-v1.json';
import { CryptoError } from '../errors';
import { decodeBase64url, encodeBase64url } from './base64url';
import { deriveKeyProof } from './derive-keys';
import { parseHeader } from './header';
import { open } from './open';
import { openRequestAnswer } from './open-request-answer';
import {
  createRequestKeys,
  deriveRequestAnswerKey,
  deriveRequestProof,
  deriveRequestPublicKey,
  isUsableRequestPublicKey,
} from './request-keys';
import { buildRequestLink, buildRequestReadLink } from './request-link';
import { seal } from './seal';
import { sealForRequest } from './seal-for-request';
import { sealForRequestWith } from './seal-for-request-with';
import { sealWithKey } from './seal-with-key';

const b = (text: string, length?: number) => decodeBase64url(text, length);

/** Points whose X25519 output is all zero for every scalar (RFC 7748 §6.1; libsodium's list). */
const LOW_ORDER_POINTS = [
  new Uint8Array(32), // 0
  new Uint8Array([1, ...new Array(31).fill(0)]), // 1
  Uint8Array.from(
    '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157'.match(/../g) ?? [],
    (hex) => Number.parseInt(hex, 16),
  ), // order 8
  Uint8Array.from(
    'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'.match(/../g) ?? [],
    (hex) => Number.parseInt(hex, 16),
  ), // order 8
  new Uint8Array([0xec, ...new Array(30).fill(0xff), 0x7f]), // p − 1
  new Uint8Array([0xed, ...new Array(30).fill(0xff), 0x7f]), // p (≡ 0)
  new Uint8Array([0xee, ...new Array(30).fill(0xff), 0x7f]), // p + 1 (≡ 1)
];

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return (error as CryptoError).code;
  }
  return 'no error';
}

describe('request-v1.json vectors', () => {
  it('cover a short, an empty and a multi-kilobyte multi-byte answer', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    expect(vectors.some((v) => v.plaintext === '')).toBe(true);
    expect(
      vectors.some(
        (v) => new TextEncoder().encode(v.plaintext).length > Math.max(4096, v.plaintext.length),
      ),
    ).toBe(true);
  });

  describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_, v) => {
    const sk = b(v.sk, 32);
    const esk = b(v.esk, 32);
    const pk = b(v.pk, 32);
    const epk = b(v.epk, 32);

    it('derives pk, epk, requestProof and K from sk and esk', () => {
      expect(encodeBase64url(deriveRequestPublicKey(sk))).toBe(v.pk);
      expect(encodeBase64url(deriveRequestPublicKey(esk))).toBe(v.epk);
      expect(encodeBase64url(deriveRequestProof(pk))).toBe(v.requestProof);
      expect(encodeBase64url(deriveRequestAnswerKey(sk, epk))).toBe(v.key);
      expect(encodeBase64url(deriveKeyProof(b(v.key, 32)))).toBe(v.keyProof);
    });

    it('is reproduced byte for byte from pk, esk, salt and nonce', async () => {
      const sealed = await sealForRequestWith(v.plaintext, pk, {
        ephemeralSecretKey: esk,
        salt: b(v.salt, 16),
        nonce: b(v.nonce, 24),
      });
      expect(encodeBase64url(sealed.envelope)).toBe(v.envelope);
      expect(encodeBase64url(sealed.keyProof)).toBe(v.keyProof);
      expect(encodeBase64url(sealed.ephemeralKey)).toBe(v.epk);
      expect(encodeBase64url(sealed.key)).toBe(v.key);
    });

    it('opens with sk and epk, and as an ordinary envelope with K', async () => {
      const envelope = b(v.envelope);
      expect(await openRequestAnswer(envelope, epk, sk)).toBe(v.plaintext);
      expect(await open(envelope, b(v.key, 32))).toBe(v.plaintext);
      expect(parseHeader(envelope).passphrase).toBe(false);
    });
  });
});

describe('createRequestKeys', () => {
  it('makes a fresh pair each time, whose proof is derived from pk alone', () => {
    const a = createRequestKeys();
    const c = createRequestKeys();
    expect(a.secretKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(a.requestProof).toHaveLength(32);
    expect(a.secretKey).not.toEqual(c.secretKey);
    expect(deriveRequestPublicKey(a.secretKey)).toEqual(a.publicKey);
    expect(deriveRequestProof(a.publicKey)).toEqual(a.requestProof);
    expect(a.requestProof).not.toEqual(a.publicKey);
    expect(isUsableRequestPublicKey(a.publicKey)).toBe(true);
  });
});

describe('sealForRequest and openRequestAnswer', () => {
  it('round-trip through the creator’s sk, with a fresh ephemeral key per answer', async () => {
    const { secretKey, publicKey } = createRequestKeys();
    const one = await sealForRequest('hunter2 🔐', publicKey);
    const two = await sealForRequest('hunter2 🔐', publicKey);
    expect(one.ephemeralKey).not.toEqual(two.ephemeralKey);
    expect(one.envelope).not.toEqual(two.envelope);
    expect(Object.keys(one).sort()).toEqual(['envelope', 'ephemeralKey', 'keyProof']);
    expect(await openRequestAnswer(one.envelope, one.ephemeralKey, secretKey)).toBe('hunter2 🔐');
    // The creator's page path: derive K, then the ordinary keyProof and open.
    const key = deriveRequestAnswerKey(secretKey, two.ephemeralKey);
    expect(deriveKeyProof(key)).toEqual(two.keyProof);
    expect(await open(two.envelope, key)).toBe('hunter2 🔐');
  });

  it('cannot be opened with another request’s sk or another answer’s epk', async () => {
    const request = createRequestKeys();
    const other = createRequestKeys();
    const answer = await sealForRequest('only for request', request.publicKey);
    const elsewhere = await sealForRequest('x', request.publicKey);
    expect(
      await codeOf(() => openRequestAnswer(answer.envelope, answer.ephemeralKey, other.secretKey)),
    ).toBe('decrypt_failed');
    expect(
      await codeOf(() =>
        openRequestAnswer(answer.envelope, elsewhere.ephemeralKey, request.secretKey),
      ),
    ).toBe('decrypt_failed');
  });

  it('refuses a low-order public key (all-zero shared secret) as invalid_key, everywhere', async () => {
    const { secretKey } = createRequestKeys();
    for (const point of LOW_ORDER_POINTS) {
      expect(await codeOf(() => sealForRequest('x', point))).toBe('invalid_key');
      expect(await codeOf(() => deriveRequestAnswerKey(secretKey, point))).toBe('invalid_key');
      expect(isUsableRequestPublicKey(point)).toBe(false);
    }
  });

  it('refuses keys that are not 32 bytes', async () => {
    const { secretKey, publicKey } = createRequestKeys();
    expect(await codeOf(() => sealForRequest('x', publicKey.subarray(1)))).toBe('invalid_key');
    expect(await codeOf(() => deriveRequestProof(new Uint8Array(33)))).toBe('invalid_key');
    expect(await codeOf(() => deriveRequestAnswerKey(secretKey.subarray(1), publicKey))).toBe(
      'invalid_key',
    );
    expect(isUsableRequestPublicKey('x'.repeat(32))).toBe(false);
    expect(isUsableRequestPublicKey(new Uint8Array(31))).toBe(false);
  });

  it('keeps the plaintext cap', async () => {
    const { publicKey } = createRequestKeys();
    expect(await codeOf(() => sealForRequest('ab', publicKey, { maxPlaintextBytes: 1 }))).toBe(
      'plaintext_too_large',
    );
  });

  it('refuses an answer envelope with the passphrase flag before any KDF runs', async () => {
    const { secretKey, publicKey } = createRequestKeys();
    const answer = await sealForRequest('x', publicKey);
    const flagged = await seal('x', { passphrase: 'p', kdf: { logN: 14, r: 1, p: 1 } });
    expect(
      await codeOf(() => openRequestAnswer(flagged.envelope, answer.ephemeralKey, secretKey)),
    ).toBe('malformed_envelope');
  });
});

describe('sealWithKey', () => {
  it('seals under the given key with a fresh salt and nonce each time', async () => {
    const key = new Uint8Array(32).fill(9);
    const one = await sealWithKey('same text', key);
    const two = await sealWithKey('same text', key);
    expect(one.key).toEqual(key);
    expect(one.keyProof).toEqual(deriveKeyProof(key));
    expect(one.envelope).not.toEqual(two.envelope);
    expect(await open(two.envelope, key)).toBe('same text');
    expect(key).toEqual(new Uint8Array(32).fill(9));
  });
});

describe('request links', () => {
  const { secretKey, publicKey } = createRequestKeys();

  it('put pk after /r/{id}# and sk after {adminBase}/requests/{id}#', () => {
    const link = buildRequestLink('https://example.com/vault/', 'abc_-1', publicKey);
    expect(link).toBe(`https://example.com/vault/r/abc_-1#${encodeBase64url(publicKey)}`);
    expect(link.split('#')[1]).toHaveLength(43);
    expect(buildRequestReadLink('https://example.com/admin', 'abc', secretKey)).toBe(
      `https://example.com/admin/requests/abc#${encodeBase64url(secretKey)}`,
    );
  });

  it('refuse an id that could change the link’s path, query or fragment', async () => {
    for (const id of ['', 'a/b', 'a?b', 'a#b', '../x']) {
      expect(await codeOf(() => buildRequestLink('https://x', id, publicKey))).toBe(
        'invalid_base64url',
      );
      expect(await codeOf(() => buildRequestReadLink('https://x', id, secretKey))).toBe(
        'invalid_base64url',
      );
    }
  });
});
