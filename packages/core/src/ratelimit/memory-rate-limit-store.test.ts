import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from './memory-rate-limit-store';
import { runRateLimitStoreContract } from './rate-limit-store-contract';

runRateLimitStoreContract('memory', async () => ({ store: createMemoryRateLimitStore() }));

describe('createMemoryRateLimitStore', () => {
  it('stays within maxKeys by dropping the least recently allowed bucket', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 2 });
    await store.hit('a', 0, 1_000, 1_000); // a is now exhausted
    await store.hit('b', 0, 1_000, 1_000);
    await store.hit('c', 0, 1_000, 1_000); // evicts a
    expect((await store.hit('a', 0, 1_000, 1_000)).allowed).toBe(true);
    expect((await store.hit('c', 0, 1_000, 1_000)).allowed).toBe(false);
  });

  it('refuses a maxKeys that is not a positive integer', () => {
    expect(() => createMemoryRateLimitStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });
});
