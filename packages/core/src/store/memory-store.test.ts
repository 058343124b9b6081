import { describe, expect, it } from 'vitest';
import { runSecretStoreContract } from '../testing';
import { minimalRecord } from '../testing/record-fixtures';
import { createMemoryStore } from './memory-store';

runSecretStoreContract('memory', async () => {
  const store = createMemoryStore();
  return { store, probe: store.probe };
});

describe('memory store', () => {
  it('keeps each store instance separate', async () => {
    const a = createMemoryStore();
    const b = createMemoryStore();
    await a.insert(minimalRecord(), []);
    expect(await b.get(minimalRecord().id)).toBeNull();
  });
});
