import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HMAC_SHA256_VECTORS, SHA256_VECTORS, toHex } from './hash-vectors';
import * as resolved from './index';
import * as nodeHash from './node';
import * as portableHash from './portable';

// Both modules must offer the same functions with the same types.
const implementations: Array<[string, typeof portableHash]> = [
  ['node:crypto', nodeHash],
  ['@noble/hashes', portableHash],
];

describe.each(implementations)('hashes on %s', (_, hash) => {
  it.each(SHA256_VECTORS)('gives the known SHA-256 of %s', (_name, data, expected) => {
    expect(toHex(hash.sha256(data))).toBe(expected);
  });

  it.each(HMAC_SHA256_VECTORS)('gives the known HMAC-SHA256 of %s', (_name, key, data, mac) => {
    expect(toHex(hash.hmacSha256(key, data)).slice(0, mac.length)).toBe(mac);
  });

  it('returns plain Uint8Arrays, never a Buffer', () => {
    const bytes = new Uint8Array(3);
    expect(Object.getPrototypeOf(hash.sha256(bytes))).toBe(Uint8Array.prototype);
    expect(Object.getPrototypeOf(hash.hmacSha256(bytes, bytes))).toBe(Uint8Array.prototype);
  });
});

describe('the two hash implementations', () => {
  it('give the same SHA-256 and HMAC-SHA256 on random keys and data', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 3000 }),
        (key, data) => {
          expect(nodeHash.sha256(data)).toEqual(portableHash.sha256(data));
          expect(nodeHash.hmacSha256(key, data)).toEqual(portableHash.hmacSha256(key, data));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('read a view into a larger buffer exactly as a copy of it', () => {
    const whole = Uint8Array.from({ length: 100 }, (_, i) => i);
    const view = whole.subarray(10, 60);
    for (const hash of [nodeHash, portableHash]) {
      expect(hash.sha256(view)).toEqual(portableHash.sha256(view.slice()));
      expect(hash.hmacSha256(view, view)).toEqual(
        portableHash.hmacSha256(view.slice(), view.slice()),
      );
    }
  });

  it('resolve to node:crypto in Node (the `node` condition of `#hash`)', () => {
    expect(resolved.HASH_IMPLEMENTATION).toBe('node:crypto');
  });
});
