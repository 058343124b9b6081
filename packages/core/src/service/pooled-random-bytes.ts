/** Bytes drawn from the CSPRNG per refill: one call serves 256 secret ids. */
const POOL_BYTES = 4096;

/**
 * The default `randomBytes`: CSPRNG bytes (`crypto.getRandomValues`) drawn 4 KB at a time and
 * handed out once each, since one `getRandomValues` call costs more than hashing a record
 * (2–5 µs). Only secret ids use it, and ids are no secret (they travel in every link), so
 * holding the next ids in memory exposes nothing.
 */
export function pooledRandomBytes(): (n: number) => Uint8Array {
  const pool = new Uint8Array(POOL_BYTES);
  let used = POOL_BYTES;
  return (n) => {
    if (n > POOL_BYTES) return globalThis.crypto.getRandomValues(new Uint8Array(n));
    if (used + n > POOL_BYTES) {
      globalThis.crypto.getRandomValues(pool);
      used = 0;
    }
    const bytes = pool.slice(used, used + n);
    used += n;
    return bytes;
  };
}
