/**
 * Padding is strict on open (DESIGN.md §2). Bad paddings cannot come out of `seal`, so these
 * envelopes are built with the deterministic sealer plus the raw AEAD: decrypt a real
 * envelope, change the padded plaintext, re-encrypt it under the same key and header.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import type { CryptoErrorCode } from '../errors';
import { deriveEncKey } from './derive-keys';
import { open } from './open';
import { pad, unpad } from './padding';
import { sealWith } from './seal-with';

const key = new Uint8Array(32).fill(9);
const salt = new Uint8Array(16).fill(8);
const nonce = new Uint8Array(24).fill(7);
const aead = () => xchacha20poly1305(deriveEncKey(key, salt), nonce, header);

const { envelope } = await sealWith('hello', { key, salt, nonce });
const header = envelope.slice(0, 48);

/** An envelope whose padded plaintext is `padded`, correctly authenticated. */
function envelopeWith(padded: Uint8Array): Uint8Array {
  return new Uint8Array([...header, ...aead().encrypt(padded)]);
}

function paddedOf(textLength: number, totalLength: number, fill = 0x41): Uint8Array {
  const padded = new Uint8Array(totalLength);
  new DataView(padded.buffer).setUint32(0, textLength);
  padded.fill(fill, 4, Math.min(4 + textLength, totalLength));
  return padded;
}

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return (error as { code: CryptoErrorCode }).code;
  }
}

describe('padded plaintext layout', () => {
  it('is a 4-byte big-endian length, the UTF-8 text, then zeros to a 256-byte block', () => {
    const padded = aead().decrypt(envelope.subarray(48));
    expect(padded).toHaveLength(256);
    expect([...padded.subarray(0, 9)]).toEqual([0, 0, 0, 5, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
    expect(padded.subarray(9).every((b) => b === 0)).toBe(true);
  });

  it('adds no extra block when 4 + L is already a multiple of 256', () => {
    expect(pad(new Uint8Array(252))).toHaveLength(256);
    expect(pad(new Uint8Array(253))).toHaveLength(512);
    expect(pad(new Uint8Array(0))).toHaveLength(256);
    expect(pad(new Uint8Array(508))).toHaveLength(512);
  });
});

describe('opening is strict about padding', () => {
  it('opens a hand-built valid padding', async () => {
    expect(await open(envelopeWith(paddedOf(252, 256)), key)).toBe('A'.repeat(252));
  });

  const cases: [string, Uint8Array, CryptoErrorCode][] = [
    ['length prefix one past the end', paddedOf(253, 256), 'bad_padding'],
    ['length prefix 2^32 − 1', paddedOf(0xffff_ffff, 256), 'bad_padding'],
    ['an extra all-zero block', paddedOf(10, 512), 'bad_padding'],
    ['a non-zero byte right after the text', paddedOf(10, 256).fill(1, 14, 15), 'bad_padding'],
    ['a non-zero last padding byte', paddedOf(0, 256).fill(0x80, 255), 'bad_padding'],
    // The total can only be a non-multiple of 256 if the envelope length is off, which the
    // header check refuses before any decryption.
    ['a total that is not a multiple of 256', paddedOf(10, 300), 'malformed_envelope'],
    ['text that is not UTF-8', paddedOf(2, 256, 0xff), 'malformed_envelope'],
  ];

  it.each(cases)('refuses %s', async (_, padded, expected) => {
    expect(await codeOf(open(envelopeWith(padded), key))).toBe(expected);
  });

  it('refuses a well-padded text larger than the cap as plaintext_too_large', async () => {
    const sealed = envelopeWith(paddedOf(200, 256));
    expect(await codeOf(open(sealed, key, null, { maxPlaintextBytes: 100 }))).toBe(
      'plaintext_too_large',
    );
    expect(await open(sealed, key, null, { maxPlaintextBytes: 200 })).toHaveLength(200);
  });
});

describe('unpad', () => {
  it('refuses totals that are not a positive multiple of 256', () => {
    expect(() => unpad(new Uint8Array(0))).toThrow(
      expect.objectContaining({ code: 'bad_padding' }),
    );
    expect(() => unpad(paddedOf(1, 300))).toThrow(expect.objectContaining({ code: 'bad_padding' }));
  });

  it('returns exactly the text', () => {
    expect(unpad(pad(new Uint8Array([1, 2, 3])))).toEqual(new Uint8Array([1, 2, 3]));
  });
});
