import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CryptoErrorCode } from '../errors';
import { DEFAULT_KDF } from './constants';
import { deriveKeyProof, deriveProofs } from './derive-keys';
import { parseHeader } from './header';
import { open } from './open';
import { normalizePassphrase } from './passphrase';
import { seal } from './seal';

const FAST = { logN: 14, r: 1, p: 1 };

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code: CryptoErrorCode }).code;
  }
}

describe('seal and open', () => {
  it('round-trip any Unicode text without passphrase', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
        ),
        async (text) => {
          const { envelope, key, keyProof, passphraseProof } = await seal(text);
          expect(passphraseProof).toBeNull();
          expect(keyProof).toEqual(deriveKeyProof(key));
          expect((envelope.length - 64) % 256).toBe(0);
          expect(await open(envelope, key)).toBe(text);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('round-trip with a passphrase (scrypt logN 14)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        async (text, passphrase) => {
          fc.pre(passphrase.normalize('NFKC').length > 0);
          const sealed = await seal(text, { passphrase, kdf: FAST });
          expect(await open(sealed.envelope, sealed.key, passphrase)).toBe(text);
          const proofs = await deriveProofs(sealed.key, passphrase, parseHeader(sealed.envelope));
          expect(proofs.passphraseProof).toEqual(sealed.passphraseProof);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('draws a fresh key, salt and nonce for every envelope', async () => {
    const a = await seal('same');
    const b = await seal('same');
    expect(a.key).not.toEqual(b.key);
    expect(a.envelope.subarray(8, 48)).not.toEqual(b.envelope.subarray(8, 48));
  });

  it('uses the default scrypt parameters for a passphrase unless told otherwise', async () => {
    const sealed = await seal('x', { passphrase: 'p', kdf: FAST });
    expect(parseHeader(sealed.envelope).kdf).toEqual(FAST);
    expect(DEFAULT_KDF).toEqual({ logN: 15, r: 8, p: 1 });
    // A KDF without passphrase has nothing to stretch and is ignored.
    expect(parseHeader((await seal('x', { kdf: FAST })).envelope).kdf).toBeNull();
  });

  it('caps the plaintext in UTF-8 bytes, not characters', async () => {
    expect(await codeOf(seal('é'.repeat(6), { maxPlaintextBytes: 11 }))).toBe(
      'plaintext_too_large',
    );
    expect(await codeOf(seal('é'.repeat(6), { maxPlaintextBytes: 12 }))).toBe('ok');
    expect(await codeOf(seal('a'.repeat(65536)))).toBe('ok');
    expect(await codeOf(seal('a'.repeat(65537)))).toBe('plaintext_too_large');
  });

  it('refuses bad passphrases and KDFs before doing any work', async () => {
    expect(await codeOf(seal('x', { passphrase: '' }))).toBe('invalid_passphrase');
    expect(await codeOf(seal('x', { passphrase: 'x'.repeat(1025) }))).toBe('invalid_passphrase');
    const huge = { logN: 20, r: 16, p: 1 };
    expect(await codeOf(seal('x', { passphrase: 'p', kdf: huge }))).toBe('kdf_out_of_bounds');
    expect(await codeOf(seal('x', { passphrase: 'p', kdf: { logN: 10, r: 8, p: 1 } }))).toBe(
      'kdf_out_of_bounds',
    );
  });

  it('refuses a key that is not 32 bytes', async () => {
    const { envelope } = await seal('x');
    expect(await codeOf(open(envelope, new Uint8Array(31)))).toBe('invalid_key');
    expect(await codeOf(open(envelope, 'key' as unknown as Uint8Array))).toBe('invalid_key');
    expect(() => deriveKeyProof(new Uint8Array(33))).toThrow(
      expect.objectContaining({ code: 'invalid_key' }),
    );
  });
});

describe('passphrase normalisation', () => {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('applies NFKC and does not trim', () => {
    expect(text(normalizePassphrase('cafe\u0301'))).toBe('caf\u00e9');
    expect(text(normalizePassphrase('\ufb01'))).toBe('fi');
    expect(text(normalizePassphrase(' a '))).toBe(' a ');
    expect(text(normalizePassphrase(' '))).toBe(' ');
  });

  it('counts at most 1,024 code points after NFKC', () => {
    expect(() => normalizePassphrase('🔐'.repeat(1024))).not.toThrow();
    expect(() => normalizePassphrase('🔐'.repeat(1025))).toThrow(
      expect.objectContaining({ code: 'invalid_passphrase' }),
    );
    // 1,025 characters that compose into 1,024 after NFKC are accepted.
    expect(() => normalizePassphrase(`${'a'.repeat(1023)}e\u0301`)).not.toThrow();
  });

  it('refuses an empty passphrase and a lone surrogate', () => {
    for (const bad of ['', '\ud800', 'a\udc00b']) {
      expect(() => normalizePassphrase(bad)).toThrow(
        expect.objectContaining({ code: 'invalid_passphrase' }),
      );
    }
  });
});
