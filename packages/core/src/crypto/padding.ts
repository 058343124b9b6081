/**
 * Plaintext padding (DESIGN.md §2): 4-byte big-endian length `L`, the UTF-8 text, then zeros
 * to the smallest multiple of 256 that is ≥ 4 + L. Hides the exact length; reveals a size class.
 */
import { CryptoError } from '../errors';
import { LENGTH_PREFIX_BYTES, PAD_BLOCK_BYTES } from './constants';
import { paddedLength } from './plaintext-limit';

/** Pads UTF-8 bytes into whole 256-byte blocks. */
export function pad(text: Uint8Array): Uint8Array {
  const padded = new Uint8Array(paddedLength(text.length));
  new DataView(padded.buffer).setUint32(0, text.length, false);
  padded.set(text, LENGTH_PREFIX_BYTES);
  return padded;
}

/**
 * Strictly removes the padding: a total that is not a positive multiple of 256, a length
 * prefix past the end, or any non-zero padding byte is refused — there is exactly one valid
 * padding for each text, so an envelope cannot carry hidden extra bytes.
 * @returns a view of the text bytes inside `padded`.
 * @throws {CryptoError} `bad_padding`.
 */
export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length === 0 || padded.length % PAD_BLOCK_BYTES !== 0) throw badPadding();
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  const textLength = view.getUint32(0, false);
  if (textLength > padded.length - LENGTH_PREFIX_BYTES) throw badPadding();
  const end = LENGTH_PREFIX_BYTES + textLength;
  // The padding must be as short as possible, i.e. less than one whole extra block.
  if (padded.length !== paddedLength(textLength)) throw badPadding();
  let stray = 0;
  for (let i = end; i < padded.length; i++) stray |= padded[i] ?? 0;
  if (stray !== 0) throw badPadding();
  return padded.subarray(LENGTH_PREFIX_BYTES, end);
}

function badPadding(): CryptoError {
  return new CryptoError(
    'bad_padding',
    'The decrypted plaintext is not padded as version 1 requires.',
  );
}
