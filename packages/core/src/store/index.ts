/** Storage: the `SecretStore` contract types and the in-memory store. */
export { createMemoryStore, MEMORY_STORE_NAME, type MemoryStore } from './memory-store';
export type * from './types';
