import { describe, expect, it } from 'vitest';
import vectors from '../../test/vectors/envelope-v1.json';
import type { CryptoErrorCode } from '../errors';
import type { KdfParams } from '../store/types';
import { decodeBase64url, encodeBase64url } from './base64url';
import { type EnvelopeHeader, parseHeader } from './header';
import { open } from './open';
import { prepareOpen } from './prepare-open';
import { sealWith } from './seal-with';

const key = new Uint8Array(32).map((_, i) => i * 5 + 1);
const salt = new Uint8Array(16).map((_, i) => 90 + i);
const nonce = new Uint8Array(24).map((_, i) => i * 3);
const kdf = { logN: 14, r: 1, p: 1 };

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return (error as { code: CryptoErrorCode }).code;
  }
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

/** The header a page builds from `meta` before it has the envelope (DESIGN.md §7). */
function headerFromMeta(kdfParams: KdfParams | null, saltBytes: Uint8Array | null): EnvelopeHeader {
  return {
    version: 1,
    passphrase: kdfParams !== null,
    kdf: kdfParams,
    salt: saltBytes ?? new Uint8Array(16),
    nonce: new Uint8Array(24),
  };
}

describe('prepareOpen against the envelope-v1.json vectors', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_, v) => {
    const vectorKey = decodeBase64url(v.key, 32);
    const envelope = decodeBase64url(v.envelope);
    // Built the way the reveal page builds it: from meta, without the envelope's nonce, and
    // without a salt when there is no passphrase.
    const header = headerFromMeta(
      v.kdf,
      v.passphrase === null ? null : decodeBase64url(v.salt, 16),
    );
    const prepared = await prepareOpen(vectorKey, v.passphrase, header);
    expect(encodeBase64url(prepared.keyProof)).toBe(v.keyProof);
    expect(prepared.passphraseProof && encodeBase64url(prepared.passphraseProof)).toBe(
      v.passphraseProof,
    );
    expect(await prepared.open(envelope)).toBe(v.plaintext);
  });
});

describe('the prepared opener', () => {
  const plaintext = 'door code 4417';

  it('accepts the parsed header too, and keeps the plaintext cap of open', async () => {
    const { envelope } = await sealWith(plaintext, { key, salt, nonce });
    const prepared = await prepareOpen(key, null, parseHeader(envelope));
    expect(await prepared.open(envelope)).toBe(plaintext);
    const capped = await prepareOpen(key, null, parseHeader(envelope));
    expect(await codeOf(capped.open(envelope, { maxPlaintextBytes: 13 }))).toBe(
      'plaintext_too_large',
    );
  });

  it('refuses, without a passphrase, every flipped bit with the same code as open', async () => {
    const { envelope } = await sealWith(plaintext, { key, salt, nonce });
    const mismatches: string[] = [];
    for (let bit = 0; bit < envelope.length * 8; bit++) {
      const tampered = flipBit(envelope, bit);
      const prepared = await prepareOpen(key, null, headerFromMeta(null, null));
      const code = await codeOf(prepared.open(tampered));
      const expected = await codeOf(open(tampered, key));
      if (code !== expected || code === 'opened') mismatches.push(`bit ${bit}: ${code}`);
    }
    expect(mismatches).toEqual([]);
  });

  describe('with a passphrase', async () => {
    const passphrase = 'Blue Moon';
    const sealed = await sealWith(plaintext, { key, salt, nonce, passphrase, kdf });
    const { envelope } = sealed;
    const prepared = async () => prepareOpen(key, passphrase, headerFromMeta(kdf, salt));

    it('gives the sealed proofs and opens', async () => {
      const opener = await prepared();
      expect(opener.keyProof).toEqual(sealed.keyProof);
      expect(opener.passphraseProof).toEqual(sealed.passphraseProof);
      expect(await opener.open(envelope)).toBe(plaintext);
    });

    // Bits are numbered from the start of the envelope: byte · 8 + bit.
    const cases: [string, number, CryptoErrorCode][] = [
      ['flag bit 0 cleared: KDF bytes without the flag', 3 * 8, 'malformed_envelope'],
      ['logN 14 → 12 (out of bounds)', 4 * 8 + 1, 'kdf_out_of_bounds'],
      ['logN 14 → 15 (in bounds, not what was prepared)', 4 * 8, 'malformed_envelope'],
      ['r 1 → 3 (in bounds, not what was prepared)', 5 * 8 + 1, 'malformed_envelope'],
      ['p 1 → 3 (in bounds, not what was prepared)', 6 * 8 + 1, 'malformed_envelope'],
      ['salt (not what was prepared)', 8 * 8 + 5, 'malformed_envelope'],
      ['nonce', 30 * 8 + 2, 'decrypt_failed'],
      ['body', 100 * 8 + 6, 'decrypt_failed'],
      ['tag', (envelope.length - 1) * 8, 'decrypt_failed'],
    ];
    it.each(cases)('refuses a flipped %s', async (_, bit, expected) => {
      expect(await codeOf((await prepared()).open(flipBit(envelope, bit)))).toBe(expected);
    });

    it('refuses an envelope of another salt, KDF or passphrase flag before decrypting', async () => {
      const otherSalt = salt.map((byte) => byte ^ 1);
      const others = [
        await sealWith(plaintext, { key, salt: otherSalt, nonce, passphrase, kdf }),
        await sealWith(plaintext, { key, salt, nonce, passphrase, kdf: { ...kdf, r: 2 } }),
        await sealWith(plaintext, { key, salt, nonce }),
      ];
      for (const other of others) {
        expect(await codeOf((await prepared()).open(other.envelope))).toBe('malformed_envelope');
      }
      // And the other way: prepared without a passphrase, given a passphrase envelope.
      const plain = await prepareOpen(key, null, headerFromMeta(null, null));
      expect(await codeOf(plain.open(envelope))).toBe('malformed_envelope');
    });

    it('fails a wrong passphrase as decrypt_failed, like open', async () => {
      const wrong = await prepareOpen(key, 'Blue moon', headerFromMeta(kdf, salt));
      expect(wrong.passphraseProof).not.toEqual(sealed.passphraseProof);
      expect(await codeOf(wrong.open(envelope))).toBe('decrypt_failed');
    });

    it('checks key, passphrase and header before any KDF runs', async () => {
      const header = headerFromMeta(kdf, salt);
      expect(await codeOf(prepareOpen(new Uint8Array(31), passphrase, header))).toBe('invalid_key');
      expect(await codeOf(prepareOpen(key, null, header))).toBe('passphrase_required');
      expect(await codeOf(prepareOpen(key, '', header))).toBe('invalid_passphrase');
      expect(await codeOf(prepareOpen(key, 'x', headerFromMeta(null, null)))).toBe(
        'unexpected_passphrase',
      );
      const huge = { logN: 20, r: 16, p: 1 };
      expect(await codeOf(prepareOpen(key, passphrase, headerFromMeta(huge, salt)))).toBe(
        'kdf_out_of_bounds',
      );
      expect(
        await codeOf(prepareOpen(key, passphrase, { ...header, salt: new Uint8Array(15) })),
      ).toBe('malformed_envelope');
    });

    it('is single use: a second open, or one after dispose, is refused', async () => {
      const once = await prepared();
      expect(await once.open(envelope)).toBe(plaintext);
      expect(await codeOf(once.open(envelope))).toBe('invalid_key');

      const failed = await prepared();
      expect(await codeOf(failed.open(flipBit(envelope, 100 * 8)))).toBe('decrypt_failed');
      expect(await codeOf(failed.open(envelope))).toBe('invalid_key');

      const disposed = await prepared();
      disposed.dispose();
      disposed.dispose();
      expect(await codeOf(disposed.open(envelope))).toBe('invalid_key');
    });

    it('keeps working if the caller later changes the header or key it passed', async () => {
      const header = headerFromMeta({ ...kdf }, salt.slice());
      const keyCopy = key.slice();
      const opener = await prepareOpen(keyCopy, passphrase, header);
      header.salt.fill(0);
      (header.kdf as KdfParams).r = 2;
      keyCopy.fill(0);
      expect(await opener.open(envelope)).toBe(plaintext);
    });
  });
});
