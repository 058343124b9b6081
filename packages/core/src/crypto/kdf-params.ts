import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';

/** Bounds accepted everywhere (DESIGN.md §2): no trivially weak KDF, no huge one for a recipient. */
export const KDF_BOUNDS = Object.freeze({
  logN: { min: 14, max: 20 },
  r: { min: 1, max: 16 },
  p: { min: 1, max: 4 },
  /** scrypt's main buffer, `128 · 2^logN · r` bytes, may not exceed 256 MiB. */
  maxMemoryBytes: 256 * 1024 * 1024,
});

/**
 * Validates scrypt parameters before anything runs them, so that a hostile envelope or
 * request cannot make a recipient (or the server) allocate gigabytes or spin for minutes.
 * @throws {CryptoError} `kdf_out_of_bounds` unless logN ∈ 14..20, r ∈ 1..16, p ∈ 1..4 (integers)
 *   and `128 · 2^logN · r ≤ 256 MiB`.
 * @example
 * ```ts
 * checkKdfParams({ logN: 15, r: 8, p: 1 }); // ok
 * checkKdfParams({ logN: 20, r: 16, p: 1 }); // throws: 2 GiB
 * ```
 */
export function checkKdfParams(kdf: KdfParams): void {
  if (typeof kdf !== 'object' || kdf === null) throw outOfBounds('missing');
  const { logN, r, p } = kdf;
  if (!within(logN, KDF_BOUNDS.logN)) throw outOfBounds('logN');
  if (!within(r, KDF_BOUNDS.r)) throw outOfBounds('r');
  if (!within(p, KDF_BOUNDS.p)) throw outOfBounds('p');
  if (128 * 2 ** logN * r > KDF_BOUNDS.maxMemoryBytes) throw outOfBounds('memory');
}

function within(value: unknown, bounds: { min: number; max: number }): value is number {
  return (
    Number.isInteger(value) && (value as number) >= bounds.min && (value as number) <= bounds.max
  );
}

function outOfBounds(what: string): CryptoError {
  const { logN, r, p } = KDF_BOUNDS;
  return new CryptoError(
    'kdf_out_of_bounds',
    `scrypt parameters out of bounds (${what}): logN ${logN.min}..${logN.max}, r ${r.min}..${r.max}, ` +
      `p ${p.min}..${p.max}, 128·2^logN·r ≤ 256 MiB.`,
  );
}
