import {
  DEFAULT_MAX_PLAINTEXT_BYTES,
  HEADER_BYTES,
  LENGTH_PREFIX_BYTES,
  PAD_BLOCK_BYTES,
  TAG_BYTES,
} from './constants';

/** The 4-byte length prefix caps any plaintext; keep well inside it and inside safe integers. */
const LARGEST_ALLOWED_CAP = 0x7fff_ffff;

/**
 * Resolves and checks a caller's plaintext cap.
 * @throws {RangeError} when the cap is not an integer in 0..2^31-1 (a programming error).
 */
export function resolveMaxPlaintextBytes(maxPlaintextBytes: number | undefined): number {
  const cap = maxPlaintextBytes ?? DEFAULT_MAX_PLAINTEXT_BYTES;
  if (!Number.isSafeInteger(cap) || cap < 0 || cap > LARGEST_ALLOWED_CAP) {
    throw new RangeError(
      `maxPlaintextBytes must be an integer in 0..${LARGEST_ALLOWED_CAP}, got ${String(cap)}`,
    );
  }
  return cap;
}

/** Bytes of the padded plaintext for `plaintextBytes` of UTF-8: whole 256-byte blocks, at least one. */
export function paddedLength(plaintextBytes: number): number {
  return Math.ceil((LENGTH_PREFIX_BYTES + plaintextBytes) / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES;
}

/**
 * The largest envelope that can hold a plaintext of at most `maxPlaintextBytes` UTF-8 bytes:
 * `48 + padded + 16`. A server uses it to cap request bodies before parsing anything.
 * @param maxPlaintextBytes - defaults to {@link DEFAULT_MAX_PLAINTEXT_BYTES} (65,536 → 65,856).
 * @throws {RangeError} when the cap is not an integer in 0..2^31-1.
 * @example
 * ```ts
 * maxEnvelopeBytes(); // 65856
 * maxEnvelopeBytes(1000); // 48 + 1024 + 16 = 1088
 * ```
 */
export function maxEnvelopeBytes(maxPlaintextBytes?: number): number {
  return HEADER_BYTES + paddedLength(resolveMaxPlaintextBytes(maxPlaintextBytes)) + TAG_BYTES;
}
