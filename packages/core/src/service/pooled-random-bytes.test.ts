import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './pooled-random-bytes';

describe('pooled random bytes', () => {
  it('hands out each random byte once, across refills of the pool', () => {
    const randomBytes = pooledRandomBytes();
    const ids = Array.from({ length: 1000 }, () => randomBytes(16));
    expect(ids.every((id) => id.length === 16)).toBe(true);
    expect(new Set(ids.map((id) => id.join())).size).toBe(ids.length);
  });

  it('gives any length, larger than the pool too, as plain copies', () => {
    const randomBytes = pooledRandomBytes();
    const big = randomBytes(10_000);
    expect(big).toHaveLength(10_000);
    expect(big.some((b) => b !== 0)).toBe(true);
    const small = randomBytes(3);
    expect(small.buffer.byteLength).toBe(3);
  });
});
