/** Header and length-shape validation (DESIGN.md §2 "Header validation"), without any key. */
import { describe, expect, it } from 'vitest';
import type { CryptoErrorCode } from '../errors';
import { DEFAULT_KDF, DEFAULT_MAX_PLAINTEXT_BYTES } from './constants';
import { deriveProofs } from './derive-keys';
import { type EnvelopeHeader, parseHeader } from './header';
import { checkKdfParams } from './kdf-params';
import { maxEnvelopeBytes } from './plaintext-limit';

/** A syntactically valid envelope of `blocks` padded blocks; the body is not a real ciphertext. */
function envelopeBytes(headerBytes: number[], blocks = 1): Uint8Array {
  const bytes = new Uint8Array(48 + 256 * blocks + 16).fill(0xa5);
  bytes.set(headerBytes, 0);
  return bytes;
}

const plain = [0x48, 0x4c, 1, 0, 0, 0, 0, 0];
const withPassphrase = (logN: number, r: number, p: number) => [0x48, 0x4c, 1, 1, logN, r, p, 0];

function codeOf(run: () => unknown): CryptoErrorCode | 'ok' {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code: CryptoErrorCode }).code;
  }
}

describe('parseHeader', () => {
  it('reads a header without passphrase', () => {
    const bytes = envelopeBytes(plain);
    const header = parseHeader(bytes);
    expect(header).toEqual({
      version: 1,
      passphrase: false,
      kdf: null,
      salt: bytes.slice(8, 24),
      nonce: bytes.slice(24, 48),
    });
  });

  it('reads a header with passphrase and copies salt and nonce out of the envelope', () => {
    const bytes = envelopeBytes(withPassphrase(15, 8, 1));
    const header = parseHeader(bytes);
    expect(header.passphrase).toBe(true);
    expect(header.kdf).toEqual(DEFAULT_KDF);
    bytes.fill(0, 8, 48);
    expect(header.salt).toEqual(new Uint8Array(16).fill(0xa5));
  });

  const cases: [string, Uint8Array, CryptoErrorCode | 'ok'][] = [
    ['bad magic byte 0', envelopeBytes([0x49, 0x4c, 1, 0, 0, 0, 0, 0]), 'malformed_envelope'],
    ['bad magic byte 1', envelopeBytes([0x48, 0x4d, 1, 0, 0, 0, 0, 0]), 'malformed_envelope'],
    ['version 0', envelopeBytes([0x48, 0x4c, 0, 0, 0, 0, 0, 0]), 'unsupported_version'],
    ['version 2', envelopeBytes([0x48, 0x4c, 2, 0, 0, 0, 0, 0]), 'unsupported_version'],
    ['version 255', envelopeBytes([0x48, 0x4c, 255, 0, 0, 0, 0, 0]), 'unsupported_version'],
    ['unknown flag bit 1', envelopeBytes([0x48, 0x4c, 1, 2, 0, 0, 0, 0]), 'malformed_envelope'],
    ['unknown flag bit 7', envelopeBytes([0x48, 0x4c, 1, 0x80, 0, 0, 0, 0]), 'malformed_envelope'],
    [
      'unknown flag bit beside the passphrase flag',
      envelopeBytes([0x48, 0x4c, 1, 0x81, 15, 8, 1, 0]),
      'malformed_envelope',
    ],
    ['reserved byte ≠ 0', envelopeBytes([0x48, 0x4c, 1, 0, 0, 0, 0, 1]), 'malformed_envelope'],
    [
      'reserved byte ≠ 0 with passphrase',
      envelopeBytes([0x48, 0x4c, 1, 1, 15, 8, 1, 9]),
      'malformed_envelope',
    ],
    ['logN without the flag', envelopeBytes([0x48, 0x4c, 1, 0, 15, 0, 0, 0]), 'malformed_envelope'],
    ['r without the flag', envelopeBytes([0x48, 0x4c, 1, 0, 0, 8, 0, 0]), 'malformed_envelope'],
    ['p without the flag', envelopeBytes([0x48, 0x4c, 1, 0, 0, 0, 1, 0]), 'malformed_envelope'],
    ['flag with KDF bytes 0', envelopeBytes(withPassphrase(0, 0, 0)), 'kdf_out_of_bounds'],
    ['logN 13', envelopeBytes(withPassphrase(13, 8, 1)), 'kdf_out_of_bounds'],
    ['logN 21', envelopeBytes(withPassphrase(21, 1, 1)), 'kdf_out_of_bounds'],
    ['r 0', envelopeBytes(withPassphrase(15, 0, 1)), 'kdf_out_of_bounds'],
    ['r 17', envelopeBytes(withPassphrase(14, 17, 1)), 'kdf_out_of_bounds'],
    ['p 0', envelopeBytes(withPassphrase(15, 8, 0)), 'kdf_out_of_bounds'],
    ['p 5', envelopeBytes(withPassphrase(15, 8, 5)), 'kdf_out_of_bounds'],
    [
      'memory: logN 20, r 16 (2 GiB)',
      envelopeBytes(withPassphrase(20, 16, 1)),
      'kdf_out_of_bounds',
    ],
    [
      'memory: logN 20, r 4 (512 MiB)',
      envelopeBytes(withPassphrase(20, 4, 1)),
      'kdf_out_of_bounds',
    ],
    ['memory: logN 20, r 2 (256 MiB) is allowed', envelopeBytes(withPassphrase(20, 2, 4)), 'ok'],
    ['memory: logN 17, r 16 (256 MiB) is allowed', envelopeBytes(withPassphrase(17, 16, 1)), 'ok'],
    ['smallest bounds are allowed', envelopeBytes(withPassphrase(14, 1, 1)), 'ok'],
    ['empty', new Uint8Array(0), 'malformed_envelope'],
    ['header only', envelopeBytes(plain).subarray(0, 48), 'malformed_envelope'],
    ['header + tag, no block', envelopeBytes(plain).subarray(0, 64), 'malformed_envelope'],
    ['one byte short', envelopeBytes(plain).subarray(0, 319), 'malformed_envelope'],
    ['one byte long', new Uint8Array([...envelopeBytes(plain), 0]), 'malformed_envelope'],
    ['half a block more', envelopeBytes(plain, 2).subarray(0, 448), 'malformed_envelope'],
    ['two blocks', envelopeBytes(plain, 2), 'ok'],
  ];

  it.each(cases)('%s → %s', (_, bytes, expected) => {
    expect(codeOf(() => parseHeader(bytes))).toBe(expected);
  });

  it('refuses input that is not bytes as malformed', () => {
    expect(codeOf(() => parseHeader('SEwB' as unknown as Uint8Array))).toBe('malformed_envelope');
  });

  it('refuses an envelope larger than the plaintext cap allows as plaintext_too_large', () => {
    const largest = maxEnvelopeBytes();
    expect(largest).toBe(48 + 257 * 256 + 16);
    const fits = envelopeBytes(plain, (largest - 64) / 256);
    expect(codeOf(() => parseHeader(fits))).toBe('ok');
    expect(codeOf(() => parseHeader(envelopeBytes(plain, (largest - 64) / 256 + 1)))).toBe(
      'plaintext_too_large',
    );
    expect(codeOf(() => parseHeader(fits, { maxPlaintextBytes: 1000 }))).toBe(
      'plaintext_too_large',
    );
    // Size is judged first: an oversize body is a 413 whatever its header says.
    const oversizeGarbage = new Uint8Array(largest + 1);
    expect(codeOf(() => parseHeader(oversizeGarbage))).toBe('plaintext_too_large');
  });
});

describe('maxEnvelopeBytes', () => {
  it('is 48 + the padded cap + 16', () => {
    expect(DEFAULT_MAX_PLAINTEXT_BYTES).toBe(65536);
    expect(maxEnvelopeBytes(65536)).toBe(65856);
    expect(maxEnvelopeBytes(0)).toBe(320);
    expect(maxEnvelopeBytes(252)).toBe(320);
    expect(maxEnvelopeBytes(253)).toBe(576);
  });

  it('refuses a cap that is not a non-negative integer', () => {
    expect(() => maxEnvelopeBytes(-1)).toThrow(RangeError);
    expect(() => maxEnvelopeBytes(1.5)).toThrow(RangeError);
    expect(() => maxEnvelopeBytes(Number.NaN)).toThrow(RangeError);
  });
});

describe('checkKdfParams', () => {
  it.each([
    [{ logN: 15, r: 8, p: 1 }, 'ok'],
    [{ logN: 14, r: 1, p: 1 }, 'ok'],
    [{ logN: 20, r: 2, p: 4 }, 'ok'],
    [{ logN: 20, r: 16, p: 1 }, 'kdf_out_of_bounds'],
    [{ logN: 18, r: 16, p: 1 }, 'kdf_out_of_bounds'],
    [{ logN: 14.5, r: 8, p: 1 }, 'kdf_out_of_bounds'],
    [{ logN: 15, r: 8, p: 1.5 }, 'kdf_out_of_bounds'],
    [{ logN: '15', r: 8, p: 1 }, 'kdf_out_of_bounds'],
    [{ r: 8, p: 1 }, 'kdf_out_of_bounds'],
    [null, 'kdf_out_of_bounds'],
  ])('%j → %s', (kdf, expected) => {
    expect(codeOf(() => checkKdfParams(kdf as never))).toBe(expected);
  });
});

describe('deriveProofs on a header built by hand (e.g. from the meta answer)', () => {
  const key = new Uint8Array(32).fill(1);
  const salt = new Uint8Array(16).fill(2);
  const nonce = new Uint8Array(24);
  const header = (patch: Partial<EnvelopeHeader>): EnvelopeHeader => ({
    version: 1,
    passphrase: true,
    kdf: { logN: 14, r: 1, p: 1 },
    salt,
    nonce,
    ...patch,
  });

  async function codeOfAsync(run: () => Promise<unknown>): Promise<CryptoErrorCode | 'ok'> {
    try {
      await run();
      return 'ok';
    } catch (error) {
      return (error as { code: CryptoErrorCode }).code;
    }
  }

  it('refuses an out-of-bounds KDF before running scrypt', async () => {
    // Were scrypt to run, 2 GiB would fail with noble's own error (or time out), not this code.
    const huge = header({ kdf: { logN: 20, r: 16, p: 4 } });
    expect(await codeOfAsync(() => deriveProofs(key, 'pw', huge))).toBe('kdf_out_of_bounds');
  });

  it('refuses inconsistent headers and a bad salt as malformed', async () => {
    expect(await codeOfAsync(() => deriveProofs(key, 'pw', header({ kdf: null })))).toBe(
      'malformed_envelope',
    );
    expect(await codeOfAsync(() => deriveProofs(key, null, header({ passphrase: false })))).toBe(
      'malformed_envelope',
    );
    const shortSalt = header({ salt: new Uint8Array(15) });
    expect(await codeOfAsync(() => deriveProofs(key, 'pw', shortSalt))).toBe('malformed_envelope');
  });

  it('requires the passphrase exactly when the header says so, and a 32-byte key', async () => {
    expect(await codeOfAsync(() => deriveProofs(key, null, header({})))).toBe(
      'passphrase_required',
    );
    const none = header({ passphrase: false, kdf: null });
    expect(await codeOfAsync(() => deriveProofs(key, 'pw', none))).toBe('unexpected_passphrase');
    expect(await codeOfAsync(() => deriveProofs(key, '', header({})))).toBe('invalid_passphrase');
    expect(await codeOfAsync(() => deriveProofs(key.subarray(1), null, none))).toBe('invalid_key');
    const proofs = await deriveProofs(key, undefined, none);
    expect(proofs.passphraseProof).toBeNull();
    expect(proofs.keyProof).toHaveLength(32);
  });
});
