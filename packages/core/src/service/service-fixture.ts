/**
 * Test support for the service's own tests: a memory store, a fixed clock, and sealed
 * secrets. Not exported from any public entry point.
 */
import { seal } from '../crypto';
import { createMemoryStore, type MemoryStore } from '../store/memory-store';
import type { SecretRecord } from '../store/types';
import { createHushlink, type HushlinkOptions } from './create-hushlink';
import type { ClientInfo, CreateSecretInput, Hushlink } from './types';

export const T0 = Date.UTC(2026, 0, 1);
export const HOUR = 3_600_000;
export const TEST_KEY = 'c3'.repeat(32);
export const ALICE = 'alice';
export const CLIENT: ClientInfo = { ip: '203.0.113.77', userAgent: 'test-agent/1.0' };
/** The cheapest scrypt within bounds: these tests are about the service, not the KDF. */
export const FAST_KDF = { logN: 14, r: 1, p: 1 };

export interface Fixture {
  store: MemoryStore;
  hushlink: Hushlink;
  clock: { now: number };
}

/** A service over a fresh memory store with a clock the test moves by hand. */
export function makeFixture(options: Partial<HushlinkOptions> = {}): Fixture {
  const store = createMemoryStore();
  const clock = { now: T0 };
  const hushlink = createHushlink({ store, keys: TEST_KEY, now: () => clock.now, ...options });
  return { store, hushlink, clock };
}

export interface SealedSecret {
  id: string;
  plaintext: string;
  envelope: Uint8Array;
  key: Uint8Array;
  keyProof: Uint8Array;
  passphraseProof: Uint8Array | null;
}

/** Seals `plaintext` (with a passphrase when given) and creates it as ALICE. */
export async function createSealed(
  hushlink: Hushlink,
  options: { passphrase?: string } & Partial<Omit<CreateSecretInput, 'envelope' | 'keyProof'>> = {},
  client: ClientInfo = CLIENT,
): Promise<SealedSecret> {
  const { passphrase, ...input } = options;
  const plaintext = 'the secret: hunter2 ✓';
  const sealed = await seal(plaintext, passphrase ? { passphrase, kdf: FAST_KDF } : {});
  const { id } = await hushlink.createSecret(
    {
      envelope: sealed.envelope,
      keyProof: sealed.keyProof,
      passphraseProof: sealed.passphraseProof,
      createdBy: ALICE,
      ...input,
    },
    client,
  );
  return { id, plaintext, ...sealed };
}

/** Overwrites stored fields directly, as an attacker with database write access would. */
export async function tamper(
  store: MemoryStore,
  id: string,
  patch: Partial<SecretRecord>,
): Promise<void> {
  const record = await store.get(id);
  if (!record) throw new Error(`no record ${id}`);
  if (!(await store.compareAndSet(id, record.version, { ...record, ...patch }, []))) {
    throw new Error('tamper lost a race');
  }
}

/** The stored record, which must exist. */
export async function stored(store: MemoryStore, id: string): Promise<SecretRecord> {
  const record = await store.get(id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
}

/** Event types of a secret, oldest first. */
export async function eventTypes(store: MemoryStore, id: string): Promise<string[]> {
  return (await store.listEvents(id)).map((e) => e.type);
}
