/**
 * Any single change to an envelope, its key or its passphrase is refused, with the code the
 * spec gives for the byte that changed (DESIGN.md §2).
 */
import { describe, expect, it } from 'vitest';
import type { CryptoErrorCode } from '../errors';
import { open } from './open';
import { sealWith } from './seal-with';

const key = new Uint8Array(32).map((_, i) => i * 7 + 3);
const salt = new Uint8Array(16).map((_, i) => 200 - i);
const nonce = new Uint8Array(24).map((_, i) => i * 11);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return (error as { code: CryptoErrorCode }).code;
  }
}

/** What §2 says a flipped bit in an envelope without passphrase must produce. */
function expectedWithoutPassphrase(bit: number): CryptoErrorCode {
  const byte = bit >> 3;
  if (byte < 2) return 'malformed_envelope'; // magic
  if (byte === 2) return 'unsupported_version';
  // Setting the passphrase flag makes KDF bytes 0/0/0 mandatory-in-bounds.
  if (byte === 3) return (bit & 7) === 0 ? 'kdf_out_of_bounds' : 'malformed_envelope';
  if (byte < 8) return 'malformed_envelope'; // KDF bytes without the flag, reserved byte
  return 'decrypt_failed'; // salt, nonce (authenticated as AAD), body, tag
}

describe('tampering with an envelope without passphrase', async () => {
  const plaintext = 'the launch code is 0000';
  const { envelope } = await sealWith(plaintext, { key, salt, nonce });

  it('opens untouched', async () => {
    expect(await open(envelope, key)).toBe(plaintext);
  });

  it('refuses every single flipped bit, header to tag, with the code of that field', async () => {
    const mismatches: string[] = [];
    for (let bit = 0; bit < envelope.length * 8; bit++) {
      const code = await codeOf(open(flipBit(envelope, bit), key));
      if (code !== expectedWithoutPassphrase(bit)) mismatches.push(`bit ${bit}: ${code}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every single flipped bit of the key as decrypt_failed', async () => {
    for (let bit = 0; bit < 256; bit++) {
      expect(await codeOf(open(envelope, flipBit(key, bit)))).toBe('decrypt_failed');
    }
  });

  it('refuses a truncated or extended envelope as malformed', async () => {
    expect(await codeOf(open(envelope.subarray(0, envelope.length - 1), key))).toBe(
      'malformed_envelope',
    );
    expect(await codeOf(open(new Uint8Array([...envelope, 0]), key))).toBe('malformed_envelope');
  });

  it('refuses a passphrase it does not need', async () => {
    expect(await codeOf(open(envelope, key, 'anything'))).toBe('unexpected_passphrase');
    expect(await codeOf(open(envelope, key, ''))).toBe('unexpected_passphrase');
    expect(await open(envelope, key, null)).toBe(plaintext);
  });
});

describe('tampering with an envelope with a passphrase (scrypt logN 14)', async () => {
  const plaintext = 'vault: 8812-4410';
  const passphrase = 'Blue Moon';
  const kdf = { logN: 14, r: 8, p: 1 };
  const { envelope } = await sealWith(plaintext, { key, salt, nonce, passphrase, kdf });

  // Bits are numbered from the start of the envelope: byte · 8 + bit.
  const cases: [string, number, CryptoErrorCode][] = [
    ['flag bit 0 cleared: KDF bytes without the flag', 3 * 8, 'malformed_envelope'],
    ['unknown flag bit 1', 3 * 8 + 1, 'malformed_envelope'],
    ['logN 14 → 12', 4 * 8 + 1, 'kdf_out_of_bounds'],
    ['logN 14 → 30', 4 * 8 + 4, 'kdf_out_of_bounds'],
    ['logN 14 → 15 (in bounds, authenticated as AAD)', 4 * 8, 'decrypt_failed'],
    ['r 8 → 0', 5 * 8 + 3, 'kdf_out_of_bounds'],
    ['r 8 → 9 (in bounds)', 5 * 8, 'decrypt_failed'],
    ['p 1 → 0', 6 * 8, 'kdf_out_of_bounds'],
    ['reserved byte', 7 * 8 + 7, 'malformed_envelope'],
    ['salt', 8 * 8 + 5, 'decrypt_failed'],
    ['nonce', 30 * 8 + 2, 'decrypt_failed'],
    ['body', 100 * 8 + 6, 'decrypt_failed'],
    ['tag', (envelope.length - 1) * 8, 'decrypt_failed'],
  ];

  it.each(cases)('%s', async (_, bit, expected) => {
    expect(await codeOf(open(flipBit(envelope, bit), key, passphrase))).toBe(expected);
  });

  it('opens with the right passphrase, or one that is equal after NFKC', async () => {
    expect(await open(envelope, key, passphrase)).toBe(plaintext);
    expect(await open(envelope, key, '\uff22lue Moon')).toBe(plaintext); // fullwidth B
  });

  it('refuses a changed passphrase as decrypt_failed, and not trimmed ones too', async () => {
    for (const wrong of ['Blue moon', 'Blue Moon ', ' Blue Moon', 'Blue Moo']) {
      expect(await codeOf(open(envelope, key, wrong))).toBe('decrypt_failed');
    }
  });

  it('asks for the passphrase, and refuses an invalid one before running scrypt', async () => {
    expect(await codeOf(open(envelope, key))).toBe('passphrase_required');
    expect(await codeOf(open(envelope, key, null))).toBe('passphrase_required');
    expect(await codeOf(open(envelope, key, ''))).toBe('invalid_passphrase');
    expect(await codeOf(open(envelope, key, 'x'.repeat(1025)))).toBe('invalid_passphrase');
  });

  it('refuses a flipped key bit as decrypt_failed', async () => {
    expect(await codeOf(open(envelope, flipBit(key, 77), passphrase))).toBe('decrypt_failed');
  });
});
