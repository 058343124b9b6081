import { describe, expect, it } from 'vitest';
import { HMAC_SHA256_VECTORS, SHA256_VECTORS, toHex } from './hash-vectors';
import { HASH_IMPLEMENTATION, hmacSha256, sha256 } from './index';

describe('hashes in a browser', () => {
  it('resolve to @noble/hashes: nothing a browser loads imports node:crypto', () => {
    expect(HASH_IMPLEMENTATION).toBe('@noble/hashes');
  });

  it('give the known SHA-256 and HMAC-SHA256 answers', () => {
    for (const [, data, expected] of SHA256_VECTORS) expect(toHex(sha256(data))).toBe(expected);
    for (const [, key, data, mac] of HMAC_SHA256_VECTORS) {
      expect(toHex(hmacSha256(key, data)).slice(0, mac.length)).toBe(mac);
    }
  });
});
