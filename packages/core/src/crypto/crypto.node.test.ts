/**
 * Cross-checks the noble primitives, and every vector, against node:crypto (OpenSSL), as an
 * independent second implementation. Node-only: the browser project excludes *.node.test.ts.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, scryptSync } from 'node:crypto';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import vectors from '../../test/vectors/envelope-v1.json';
import { decodeBase64url } from './base64url';

const bytes = (text: string) => new TextEncoder().encode(text);
const inputs = [new Uint8Array(0), bytes('hushlink'), new Uint8Array(256).map((_, i) => i * 31)];

describe('noble agrees with node:crypto', () => {
  it('HMAC-SHA256', () => {
    for (const key of [new Uint8Array(32).fill(7), new Uint8Array(100).fill(1)]) {
      for (const message of inputs) {
        const node = createHmac('sha256', key).update(message).digest();
        expect(hmac(sha256, key, message)).toEqual(new Uint8Array(node));
      }
    }
  });

  it('HKDF-SHA256 → 32, with a zero-length salt and with a 16-byte salt', () => {
    const ikm = new Uint8Array(64).map((_, i) => 255 - i);
    for (const salt of [new Uint8Array(0), new Uint8Array(16).fill(3)]) {
      for (const info of ['hushlink/v1/enc', 'hushlink/v1/key-proof', 'hushlink/v1/mac']) {
        const node = hkdfSync('sha256', ikm, salt, bytes(info), 32);
        expect(hkdf(sha256, ikm, salt, bytes(info), 32)).toEqual(new Uint8Array(node));
      }
    }
  });

  it('scrypt at logN 14 (node needs maxmem passed explicitly)', () => {
    for (const [r, p] of [
      [8, 1],
      [1, 2],
    ] as const) {
      const N = 2 ** 14;
      const password = bytes('caf\u00e9');
      const salt = new Uint8Array(16).fill(5);
      const maxmem = 128 * r * (N + p + 2);
      const node = scryptSync(password, salt, 32, { N, r, p, maxmem });
      expect(scrypt(password, salt, { N, r, p, dkLen: 32 })).toEqual(new Uint8Array(node));
    }
  });
});

/** HChaCha20 from node's raw chacha20: one keystream block minus the initial state words. */
function hchacha20(key: Uint8Array, input16: Uint8Array): Uint8Array {
  // Node's 16-byte chacha20 IV is the state's words 12..15, exactly HChaCha20's input.
  const block = createCipheriv('chacha20', key, input16).update(new Uint8Array(64));
  const state = new DataView(block.buffer, block.byteOffset, 64);
  const initial = new DataView(
    new Uint8Array([...bytes('expand 32-byte k'), ...key, ...input16]).buffer,
  );
  const out = new DataView(new ArrayBuffer(32));
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((word, i) => {
    const value = (state.getUint32(word * 4, true) - initial.getUint32(word * 4, true)) >>> 0;
    out.setUint32(i * 4, value, true);
  });
  return new Uint8Array(out.buffer);
}

/** XChaCha20-Poly1305 decryption built from node:crypto only. */
function nodeXChaChaDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  sealed: Uint8Array,
) {
  const subkey = hchacha20(key, nonce.subarray(0, 16));
  const ietfNonce = new Uint8Array([0, 0, 0, 0, ...nonce.subarray(16, 24)]);
  const decipher = createDecipheriv('chacha20-poly1305', subkey, ietfNonce, { authTagLength: 16 });
  const body = sealed.subarray(0, sealed.length - 16);
  decipher.setAAD(aad, { plaintextLength: body.length });
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
}

describe('every vector re-derived with node:crypto alone', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_, v) => {
    const key = decodeBase64url(v.key, 32);
    const salt = decodeBase64url(v.salt, 16);
    const envelope = decodeBase64url(v.envelope);
    const keyProof = hkdfSync('sha256', key, new Uint8Array(0), bytes('hushlink/v1/key-proof'), 32);
    expect(new Uint8Array(keyProof)).toEqual(decodeBase64url(v.keyProof, 32));

    let ikm = key;
    if (v.passphrase !== null && v.kdf) {
      const { logN, r, p } = v.kdf;
      const N = 2 ** logN;
      const stretched = scryptSync(bytes(v.passphrase.normalize('NFKC')), salt, 32, {
        N,
        r,
        p,
        maxmem: 128 * r * (N + p + 2),
      });
      ikm = new Uint8Array([...key, ...stretched]);
      const proof = hkdfSync('sha256', ikm, salt, bytes('hushlink/v1/passphrase-proof'), 32);
      expect(new Uint8Array(proof)).toEqual(decodeBase64url(v.passphraseProof ?? '', 32));
    }
    const encKey = new Uint8Array(hkdfSync('sha256', ikm, salt, bytes('hushlink/v1/enc'), 32));
    const padded = nodeXChaChaDecrypt(
      encKey,
      envelope.subarray(24, 48),
      envelope.subarray(0, 48),
      envelope.subarray(48),
    );
    const text = bytes(v.plaintext);
    const expected = new Uint8Array(Math.ceil((4 + text.length) / 256) * 256);
    new DataView(expected.buffer).setUint32(0, text.length);
    expected.set(text, 4);
    expect(padded).toEqual(expected);
  });
});
