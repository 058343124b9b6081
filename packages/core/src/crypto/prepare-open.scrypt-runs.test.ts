/**
 * The point of `prepareOpen`: one scrypt run for the proofs and the decryption together,
 * where `deriveProofs` then `open` run it twice. scrypt is spied on where the crypto module
 * imports it, so every run, whoever starts it, is counted.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveProofs } from './derive-keys';
import { parseHeader } from './header';
import { open } from './open';
import { prepareOpen } from './prepare-open';
import { sealWith } from './seal-with';

vi.mock('@noble/hashes/scrypt.js', { spy: true });

const key = new Uint8Array(32).fill(9);
const salt = new Uint8Array(16).fill(4);
const nonce = new Uint8Array(24).fill(2);
const passphrase = 'correct horse';
const kdf = { logN: 14, r: 1, p: 1 };

describe('scrypt runs on the recipient side', async () => {
  const { envelope } = await sealWith('s3cret', { key, salt, nonce, passphrase, kdf });
  const header = parseHeader(envelope);
  const runs = vi.mocked(scryptAsync);
  // A braced body: a function returned from beforeEach would be run as its teardown.
  beforeEach(() => {
    runs.mockClear();
  });

  it('is once for prepareOpen: proofs, then opening', async () => {
    const prepared = await prepareOpen(key, passphrase, header);
    expect(await prepared.open(envelope)).toBe('s3cret');
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it('was twice for deriveProofs followed by open', async () => {
    await deriveProofs(key, passphrase, header);
    expect(await open(envelope, key, passphrase)).toBe('s3cret');
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it('is never without a passphrase', async () => {
    const plain = await sealWith('s3cret', { key, salt, nonce });
    const prepared = await prepareOpen(key, null, parseHeader(plain.envelope));
    expect(await prepared.open(plain.envelope)).toBe('s3cret');
    expect(runs).not.toHaveBeenCalled();
  });
});
