import { describe, expect, it } from 'vitest';
import vectors from '../../test/vectors/envelope-v1.json';
import type { KdfParams } from '../store/types';
import { decodeBase64url, encodeBase64url } from './base64url';
import { deriveKeyProof, deriveProofs } from './derive-keys';
import { parseHeader } from './header';
import { open } from './open';
import { sealWith } from './seal-with';

interface Vector {
  name: string;
  key: string;
  passphrase: string | null;
  kdf: KdfParams | null;
  salt: string;
  nonce: string;
  plaintext: string;
  envelope: string;
  keyProof: string;
  passphraseProof: string | null;
}

const all: Vector[] = vectors;

describe('envelope-v1.json vectors', () => {
  it('cover the cases other implementations need', () => {
    expect(all.some((v) => v.passphrase === null)).toBe(true);
    expect(all.some((v) => v.passphrase !== null && /^[\x20-\x7e]+$/.test(v.passphrase))).toBe(
      true,
    );
    expect(all.some((v) => v.plaintext === '')).toBe(true);
    expect(all.some((v) => new TextEncoder().encode(v.plaintext).length === 252)).toBe(true);
    expect(all.some((v) => new TextEncoder().encode(v.plaintext).length > 4096)).toBe(true);
  });

  describe.each(all.map((v) => [v.name, v] as const))('%s', (_, v) => {
    const key = decodeBase64url(v.key, 32);
    const envelope = decodeBase64url(v.envelope);

    it('is reproduced byte for byte from key, salt, nonce, passphrase and KDF', async () => {
      const sealed = await sealWith(v.plaintext, {
        key,
        salt: decodeBase64url(v.salt, 16),
        nonce: decodeBase64url(v.nonce, 24),
        ...(v.passphrase === null ? {} : { passphrase: v.passphrase, kdf: v.kdf ?? undefined }),
      });
      expect(encodeBase64url(sealed.envelope)).toBe(v.envelope);
      expect(encodeBase64url(sealed.keyProof)).toBe(v.keyProof);
      expect(sealed.passphraseProof && encodeBase64url(sealed.passphraseProof)).toBe(
        v.passphraseProof,
      );
    });

    it('opens to its plaintext, and its proofs derive from the parsed header', async () => {
      expect(await open(envelope, key, v.passphrase)).toBe(v.plaintext);
      const header = parseHeader(envelope);
      expect(header.kdf).toEqual(v.kdf);
      expect(encodeBase64url(header.salt)).toBe(v.salt);
      expect(encodeBase64url(header.nonce)).toBe(v.nonce);
      expect(encodeBase64url(deriveKeyProof(key))).toBe(v.keyProof);
      const proofs = await deriveProofs(key, v.passphrase, header);
      expect(proofs.passphraseProof && encodeBase64url(proofs.passphraseProof)).toBe(
        v.passphraseProof,
      );
    });
  });

  it('gives identical output for passphrases that differ only by Unicode normalisation', () => {
    const bySeedGroup = (pattern: RegExp) => all.filter((v) => pattern.test(v.name));
    for (const pair of [bySeedGroup(/NFC|NFD/), bySeedGroup(/compatibility|"Pass file"/)]) {
      expect(pair).toHaveLength(2);
      const [a, b] = pair as [Vector, Vector];
      expect(a.passphrase).not.toBe(b.passphrase);
      expect(a.envelope).toBe(b.envelope);
      expect(a.passphraseProof).toBe(b.passphraseProof);
    }
  });
});
